package io.github.jmlidentity.cli.options;

import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where `jml` keeps the ledger (duplicates, ordering, scheduled changes) when it runs the functions. */
public final class LedgerOptions {

    @Option(names = "--ledger", paramLabel = "FILE", defaultValue = ".jml/ledger.json",
            description = "Local ledger file for duplicates and ordering (default: ${DEFAULT-VALUE}); the changes "
                    + "scheduled for later are kept beside it, in FILE.pending.json")
    Path ledgerFile;

    @Option(names = "--ledger-table", paramLabel = "TABLE",
            description = "Use this DynamoDB ledger table (which also holds the scheduled changes) instead of the local "
                    + "file (default: LEDGER_TABLE)")
    String ledgerTable;

    /** The ledger table when one is given (the option, else LEDGER_TABLE in {@code env}), else the local file. */
    public LifecycleFunctions.Builder configure(LifecycleFunctions.Builder wiring, Map<String, String> env) {
        String table = ledgerTable != null ? ledgerTable : FunctionEnvironment.LEDGER_TABLE.in(env);
        return table != null && !table.isBlank() ? wiring.ledgerTable(table) : wiring.ledgerFile(ledgerFile);
    }
}
