package io.github.jmlidentity.cli.options;

import io.github.jmlidentity.cli.BadSettingException;
import io.github.jmlidentity.cli.LocalAws;
import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.functions.application.port.out.UnreadableLedgerException;
import io.github.jmlidentity.functions.application.port.in.ScheduledChanges;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where `jml` keeps the ledger (duplicates, ordering, the mass-deletion guard, scheduled changes) when it runs the functions: the
 * deployed DynamoDB table, or a local file for a local endpoint. Against AWS, a local file would keep its own
 * ordering and duplicates, blind to what the deployed functions recorded, so it is used only when asked for.
 */
public final class LedgerOptions {

    static final Path DEFAULT_FILE = Path.of(".jml", "ledger.json");

    @Option(names = "--ledger", paramLabel = "FILE",
            description = "Local ledger file for duplicates and ordering (default: .jml/ledger.json, for a local "
                    + "endpoint; against AWS only when given, with a warning). Concurrent runs may share it. The changes "
                    + "scheduled for later are kept beside it, in FILE.pending.json")
    Path ledgerFile;

    @Option(names = "--ledger-table", paramLabel = "TABLE",
            description = "Use this DynamoDB ledger table (which also holds the scheduled changes) instead of the local "
                    + "file (default: LEDGER_TABLE); the "
                    + "deployed table (output LedgerTableName) is required against AWS")
    String ledgerTable;

    /** Whether neither a ledger table nor a ledger file was named (by option or LEDGER_TABLE). */
    public boolean noneNamed(Map<String, String> env) {
        return table(env) == null && ledgerFile == null;
    }

    /** The ledger table the option, else LEDGER_TABLE in {@code env}, names; null when neither names one. */
    private String table(Map<String, String> env) {
        String table = ledgerTable != null ? ledgerTable : FunctionEnvironment.LEDGER_TABLE.in(env);
        return table == null || table.isBlank() ? null : table;
    }

    /**
     * The scheduled changes in the ledger table when one is given, else beside the named or default local file, read
     * without opening the ledger (nothing is created or locked): for listing them.
     */
    public List<ScheduledChanges.Pending> listPending(Map<String, String> env) {
        String table = table(env);
        LifecycleFunctions.Builder wiring = LifecycleFunctions.builder();
        try {
            return (table != null ? wiring.ledgerTable(table)
                    : wiring.pendingChangesBesideLedgerFile(ledgerFile != null ? ledgerFile : DEFAULT_FILE)).listPending();
        } catch (java.io.UncheckedIOException cannotRead) {
            throw new BadSettingException(cannotRead.getMessage());
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The ledger table when one is given (the option, else LEDGER_TABLE in {@code env}), else the local file: the
     * default one for a local endpoint, an explicit one (with a warning on stderr) against any other.
     *
     * @throws BadSettingException against a non-local endpoint with neither, or when the file is not a ledger
     */
    public LifecycleFunctions.Builder configure(LifecycleFunctions.Builder wiring, Map<String, String> env, LocalAws aws) {
        String table = table(env);
        if (table != null) {
            return wiring.ledgerTable(table);
        }
        if (!aws.isLocal()) {
            if (ledgerFile == null) {
                throw new BadSettingException("against " + aws.where() + " the ledger is the deployed DynamoDB table: "
                        + "pass --ledger-table TABLE (stack output LedgerTableName) or set LEDGER_TABLE. A local "
                        + "ledger file would skip the ordering, the duplicates and the mass-deletion guard the "
                        + "deployed functions keep; --ledger FILE uses one anyway.");
            }
            command.commandLine().getErr().println(command.qualifiedName() + ": WARNING: the local ledger " + ledgerFile
                    + " is used against " + aws.where() + ": ordering, duplicates and the mass-deletion guard are this "
                    + "file's, not the deployed functions' (use --ledger-table)");
            command.commandLine().getErr().flush();
        }
        try {
            return wiring.ledgerFile(ledgerFile != null ? ledgerFile : DEFAULT_FILE);
        } catch (UnreadableLedgerException | java.io.UncheckedIOException cannotUse) {
            throw new BadSettingException(cannotUse.getMessage());
        }
    }
}
