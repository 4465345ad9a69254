package io.github.jmlidentity.cli;

import io.github.jmlidentity.functions.adapter.in.AccessRulesLoader;
import io.github.jmlidentity.functions.adapter.in.AuditRecord;
import io.github.jmlidentity.functions.adapter.in.FunctionRuntime;
import io.github.jmlidentity.functions.adapter.out.AwsClients;
import io.github.jmlidentity.functions.adapter.out.DynamoDbEmployeeLedger;
import io.github.jmlidentity.functions.adapter.out.FileEmployeeLedger;
import io.github.jmlidentity.functions.adapter.out.SdkIdentityDirectory;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.InvalidAccessRulesException;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.port.EmployeeLedger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code jml invoke}: the real handler code on envelope files, with the audit records on stdout. */
@Command(name = "invoke",
        sortOptions = false,
        description = {
                "Runs the joiner, mover or leaver function's code on EventBridge envelopes (JSON files), exactly as "
                        + "Lambda would, and prints one audit record per event (JSON lines) on stdout and a summary "
                        + "on stderr.",
                "Exit code: 0 when every event ended APPLIED, NO_CHANGE, DUPLICATE, STALE or PLANNED; 1 when any "
                        + "was REJECTED or FAILED (its audit record and stderr say why); 2 for a usage or "
                        + "configuration error.",
                "Duplicates and ordering are tracked in a local ledger file (--ledger), or in the deployed DynamoDB "
                        + "table with --ledger-table.",
                "",
                "Examples (after `jml local`):",
                "  jml invoke auto events/joiner.json events/mover.json \\",
                "      --endpoint-url http://127.0.0.1:8190",
                "  jml invoke leaver events/leaver.json --dry-run \\",
                "      --endpoint-url http://127.0.0.1:8190",
                ""},
        exitCodeOnInvalidInput = 2)
final class InvokeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FUNCTION",
            description = "joiner, mover, leaver, or auto (routes each event by its detail-type)")
    FunctionName function;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "EventBridge envelope files; - reads one envelope from standard input "
                    + "(e.g. a message taken from the failure queue)")
    List<Path> files;

    @Option(names = "--dry-run", description = "Compute and print the plan (outcome PLANNED); write nothing.")
    boolean dryRun;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Identity Store endpoint, e.g. http://127.0.0.1:8190 for Identity Store Local "
                    + "(default: AWS_ENDPOINT_URL_IDENTITYSTORE or AWS_ENDPOINT_URL, else AWS itself)")
    URI endpoint;

    @Option(names = "--identity-store-id", paramLabel = "ID", defaultValue = "${env:IDENTITY_STORE_ID}",
            description = "Identity store id (default: IDENTITY_STORE_ID; d-1234567890 for a local endpoint)")
    String identityStoreId;

    @Option(names = "--rules", paramLabel = "FILE", defaultValue = "${env:ACCESS_RULES_FILE:-config/access-rules.json}",
            description = "Access rules file (default: ACCESS_RULES_FILE, else ${DEFAULT-VALUE})")
    Path rulesFile;

    @Option(names = "--ledger", paramLabel = "FILE", defaultValue = ".jml/ledger.json",
            description = "Local ledger file for duplicates and ordering (default: ${DEFAULT-VALUE})")
    Path ledgerFile;

    @Option(names = "--ledger-table", paramLabel = "TABLE", defaultValue = "${env:LEDGER_TABLE}",
            description = "Use this DynamoDB ledger table instead of the local file (default: LEDGER_TABLE)")
    String ledgerTable;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "${env:HR_EVENT_SOURCE:-com.example.hr}",
            description = "The HR event source the events must carry (default: ${DEFAULT-VALUE})")
    String source;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalAws aws = LocalAws.resolve(endpoint);
        String storeId = identityStoreId != null ? identityStoreId : aws.isLocal() ? LocalAws.LOCAL_STORE_ID : null;
        if (storeId == null) {
            err.println("jml invoke: --identity-store-id (or IDENTITY_STORE_ID) is required for a non-local endpoint");
            return 2;
        }
        AccessRules rules;
        try {
            rules = AccessRulesLoader.load(rulesFile);
        } catch (InvalidAccessRulesException e) {
            err.println("jml invoke: " + rulesFile + ": " + String.join("\n  ", e.errors()));
            return 2;
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int unreadable = 0;
        try (IdentitystoreClient client = aws.identityStoreClient()) {
            EmployeeLedger ledger = ledgerTable != null && !ledgerTable.isBlank()
                    ? new DynamoDbEmployeeLedger(AwsClients.dynamoDb(), ledgerTable)
                    : new FileEmployeeLedger(ledgerFile);
            FunctionRuntime runtime = FunctionRuntime.builder()
                    .directory(new SdkIdentityDirectory(client, storeId))
                    .ledger(ledger)
                    .rules(rules)
                    .dryRun(dryRun)
                    .source(source)
                    .auditSink(line -> {
                        out.println(line);
                        out.flush();
                    })
                    .build();
            for (Path file : files) {
                byte[] envelope;
                try {
                    envelope = file.toString().equals("-") ? System.in.readAllBytes() : Files.readAllBytes(file);
                } catch (IOException e) {
                    err.println("jml invoke: cannot read " + file + ": " + e.getMessage());
                    unreadable++;
                    continue;
                }
                AuditRecord record = runtime.process(envelope, function.kind(), null);
                outcomes.merge(record.outcome(), 1, Integer::sum);
                if (record.isFailure()) {
                    err.println("jml invoke: " + file + ": " + record.outcome() + " " + record.errorType() + ": "
                            + record.reason());
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
