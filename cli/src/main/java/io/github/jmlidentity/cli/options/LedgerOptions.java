package io.github.jmlidentity.cli.options;

import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where `jml` keeps the ledger (duplicates and ordering) when it runs the functions. */
public final class LedgerOptions {

    @Option(names = "--ledger", paramLabel = "FILE", defaultValue = ".jml/ledger.json",
            description = "Local ledger file for duplicates and ordering (default: ${DEFAULT-VALUE})")
    Path ledgerFile;

    @Option(names = "--ledger-table", paramLabel = "TABLE", defaultValue = "${env:" + FunctionEnvironment.LEDGER_TABLE + "}",
            description = "Use this DynamoDB ledger table instead of the local file (default: LEDGER_TABLE)")
    String ledgerTable;

    public LifecycleFunctions.Builder configure(LifecycleFunctions.Builder wiring) {
        return ledgerTable != null && !ledgerTable.isBlank() ? wiring.ledgerTable(ledgerTable) : wiring.ledgerFile(ledgerFile);
    }
}
