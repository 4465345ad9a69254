package io.github.jmlidentity.cli;

import io.github.jmlidentity.cli.options.ClockOption;
import io.github.jmlidentity.cli.options.EndpointOptions;
import io.github.jmlidentity.cli.options.FunctionOptions;
import io.github.jmlidentity.cli.options.LedgerOptions;
import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.InvalidAccessRulesException;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/** {@code jml invoke}: the real handler code on envelope files, with the audit records on stdout. */
@Command(name = "invoke",
        sortOptions = false,
        description = {
                "Runs the joiner, mover or leaver function's code on EventBridge envelopes (JSON files), exactly as "
                        + "Lambda would, and prints one audit record per event (JSON lines) on stdout and a summary "
                        + "on stderr.",
                "Exit code: 0 when every event ended APPLIED, NO_CHANGE, DUPLICATE, STALE, PLANNED or SCHEDULED; 1 when any "
                        + "was REJECTED or FAILED (its audit record and stderr say why); 2 for a usage or "
                        + "configuration error.",
                "Duplicates and ordering are tracked in a local ledger file (--ledger), or in the deployed DynamoDB "
                        + "table with --ledger-table.",
                "An event effective later than now (--now, default the real clock) is SCHEDULED: kept with the ledger "
                        + "(FILE.pending.json beside a local one) until `jml scheduled run-due` applies it.",
                "",
                "Examples (after `jml local`):",
                "  jml invoke auto events/joiner.json events/mover.json \\",
                "      --endpoint-url http://127.0.0.1:8190",
                "  jml invoke leaver events/leaver.json --dry-run \\",
                "      --endpoint-url http://127.0.0.1:8190",
                "  jml invoke auto events/leaver.json --now 2026-06-01T09:00:00Z \\",
                "      --endpoint-url http://127.0.0.1:8190      # SCHEDULED for 2026-06-30",
                ""},
        exitCodeOnInvalidInput = 2)
final class InvokeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FUNCTION", converter = FunctionChoice.Converter.class,
            completionCandidates = FunctionChoice.Names.class,
            description = "joiner, mover, leaver, canceller, or auto (routes each event by its detail-type)")
    FunctionChoice function;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "EventBridge envelope files; - reads one envelope from standard input "
                    + "(e.g. a message taken from the failure queue)")
    List<Path> files;

    @Option(names = "--dry-run", description = "Compute and print the plan (outcome PLANNED); write nothing.")
    boolean dryRun;

    @Mixin
    EndpointOptions endpoint;

    @Option(names = "--identity-store-id", paramLabel = "ID",
            description = "Identity store id (default: IDENTITY_STORE_ID; d-1234567890 for a local endpoint)")
    String identityStoreId;

    @Option(names = "--instance-arn", paramLabel = "ARN",
            description = "IAM Identity Center instance in which a leaver removes the user's direct account "
                    + "assignments (default: SSO_INSTANCE_ARN, else the identity store's instance, found with "
                    + "sso-admin ListInstances when a leaver first needs it)")
    String instanceArn;

    @Mixin
    FunctionOptions functionOptions;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    ClockOption clock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        LocalAws aws = endpoint.aws();
        String storeId = identityStoreId != null ? identityStoreId : FunctionEnvironment.IDENTITY_STORE_ID.in(env);
        storeId = storeId != null ? storeId : aws.isLocal() ? LocalAws.LOCAL_STORE_ID : null;
        if (storeId == null) {
            err.println("jml invoke: --identity-store-id (or IDENTITY_STORE_ID) is required for a non-local endpoint");
            return 2;
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int unreadable = 0;
        String store = storeId;
        String instance = instanceArn != null ? instanceArn : FunctionEnvironment.SSO_INSTANCE_ARN.in(env);
        try (IdentitystoreClient client = LifecycleFunctions.identityStoreClient(
                builder -> aws.configure(builder, endpoint.region()));
             SsoAdminClient ssoAdmin = LifecycleFunctions.ssoAdminClient(
                     builder -> aws.configure(builder, endpoint.region()))) {
            ProcessHrEvent functions;
            try {
                functions = clock.configure(ledger.configure(functionOptions.configure(LifecycleFunctions.builder(), env), env))
                        .identityStore(client, storeId)
                        .ssoAdmin(ssoAdmin, instance != null ? () -> instance : () -> InstanceDiscovery.of(ssoAdmin, store))
                        .dryRun(dryRun)
                        .auditLines(line -> {
                            out.println(line);
                            out.flush();
                        })
                        .build();
            } catch (InvalidAccessRulesException e) {
                err.println("jml invoke: " + functionOptions.rulesFile(env) + ": "
                        + String.join("\n  ", e.errors()));
                return 2;
            }
            for (Path file : files) {
                byte[] envelope;
                try {
                    envelope = file.toString().equals("-") ? System.in.readAllBytes() : Files.readAllBytes(file);
                } catch (IOException e) {
                    err.println("jml invoke: cannot read " + file + ": " + e.getMessage());
                    unreadable++;
                    continue;
                }
                AuditRecord record = functions.process(HrEventRequest.envelope(envelope).expecting(function.kind()))
                        .audit();
                outcomes.merge(record.outcome(), 1, Integer::sum);
                if (record.isFailure()) {
                    err.println("jml invoke: " + file + ": " + record.outcome() + " " + record.verdict().errorType()
                            + ": " + record.verdict().reason());
                }
            }
        }
        int failures = unreadable + outcomes.getOrDefault(Outcome.REJECTED, 0) + outcomes.getOrDefault(Outcome.FAILED, 0);
        err.println("jml invoke: " + files.size() + " event(s): " + outcomes.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + (unreadable > 0 ? ", unreadable " + unreadable : ""));
        return failures > 0 ? 1 : 0;
    }
}
