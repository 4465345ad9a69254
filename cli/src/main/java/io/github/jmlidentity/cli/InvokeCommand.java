package io.github.jmlidentity.cli;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.wiring.EventInput;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
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
                "  aws sqs receive-message --queue-url \"$Q\" --query 'Messages[0].Body' --output text \\",
                "      | jml invoke auto - --ledger-table \"$LEDGER_TABLE\"   # redrive a failure-queue message",
                ""},
        exitCodeOnInvalidInput = 2)
final class InvokeCommand extends HrEventsCommand {

    @Parameters(index = "0", paramLabel = "FUNCTION", converter = FunctionChoice.Converter.class,
            completionCandidates = FunctionChoice.Names.class,
            description = "joiner, mover, leaver, canceller, or auto (routes each event by its detail-type)")
    FunctionChoice function;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "EventBridge envelope files; - reads one from standard input. A message body taken from the "
                    + "processing failure queue is accepted as it is: its event is read out of it (a permanent "
                    + "failure's .event, a Lambda destination record's .requestPayload)")
    List<Path> files;

    @Override
    protected int run(PrintWriter out, PrintWriter err, Map<String, String> env, LocalAws aws, String storeId) {
        LifecycleFunctions.Builder wiring = wiring(env, aws);
        StartupTiming.phaseEnded("rules and ledger");
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int unreadable = 0;
        // sso-admin only when a leaver needs it: a joiner or mover builds no client for it.
        AtomicReference<SsoAdminClient> ssoAdmin = new AtomicReference<>();
        Supplier<SsoAdminClient> ssoAdminOnFirstUse = () -> ssoAdmin.updateAndGet(built -> built != null ? built
                : LifecycleFunctions.ssoAdminClient(aws.target(), builder -> aws.configure(builder, target.endpoint.region())));
        try (IdentitystoreClient client = LifecycleFunctions.identityStoreClient(aws.target(),
                builder -> aws.configure(builder, target.endpoint.region()))) {
            StartupTiming.phaseEnded("SDK client");
            ProcessHrEvent functions = wiring.identityStore(client, storeId)
                    .ssoAdmin(ssoAdminOnFirstUse, target.instanceArn(env, ssoAdminOnFirstUse, storeId))
                    .dryRun(dryRun)
                    .auditLines(FunctionsTarget.auditLinesTo(out))
                    .build();
            StartupTiming.phaseEnded("event parser");
            for (Path file : files) {
                EventInput input;
                try {
                    input = EventInput.of(file.toString().equals("-") ? System.in.readAllBytes() : Files.readAllBytes(file));
                } catch (NoSuchFileException e) {
                    err.println("jml invoke: no such file: " + file);
                    unreadable++;
                    continue;
                } catch (IOException e) {
                    err.println("jml invoke: cannot read " + file + ": " + e.getMessage());
                    unreadable++;
                    continue;
                }
                if (input.unwrappedFrom() != null) {
                    err.println("jml invoke: " + file + ": the event inside a " + input.unwrappedFrom());
                }
                AuditRecord record = functions.process(HrEventRequest.envelope(input.envelope())
                        .expecting(function.kind())).audit();
                outcomes.merge(record.outcome(), 1, Integer::sum);
                if (record.isFailure()) {
                    err.println("jml invoke: " + file + ": " + record.outcome() + " " + record.verdict().errorType()
                            + ": " + record.verdict().reason());
                }
            }
        } finally {
            if (ssoAdmin.get() != null) {
                ssoAdmin.get().close();
            }
        }
        StartupTiming.phaseEnded("events");
        int failures = unreadable + outcomes.getOrDefault(Outcome.REJECTED, 0) + outcomes.getOrDefault(Outcome.FAILED, 0);
        err.println("jml invoke: " + files.size() + " event(s): " + outcomes.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + (unreadable > 0 ? ", unreadable " + unreadable : ""));
        return failures > 0 ? 1 : 0;
    }
}
