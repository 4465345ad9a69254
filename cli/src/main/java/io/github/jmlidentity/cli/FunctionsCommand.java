package io.github.jmlidentity.cli;

import io.github.jmlidentity.cli.options.ClockOption;
import io.github.jmlidentity.cli.options.FunctionOptions;
import io.github.jmlidentity.cli.options.LedgerOptions;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that runs the functions' code (`jml invoke`, `jml scheduled run-due`): the options both take, and the
 * functions' wiring they give.
 */
abstract class FunctionsCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "Compute and print the plans (outcome PLANNED); write nothing.")
    boolean dryRun;

    @Mixin
    FunctionsTarget target;

    @Mixin
    FunctionOptions functionOptions;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    ClockOption clock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        LocalAws aws = target.endpoint.aws();
        return run(out, err, env, aws, target.identityStoreId(env, aws));
    }

    /**
     * Runs the command: audit records on {@code out}, progress and summary on {@code err}.
     *
     * @param storeId the identity store the options name (see {@link FunctionsTarget#identityStoreId})
     * @return the exit code
     */
    abstract int run(PrintWriter out, PrintWriter err, Map<String, String> env, LocalAws aws, String storeId);

    /**
     * The functions' wiring with the access rules, the event source, the ledger and the clock these options give.
     *
     * @throws io.github.jmlidentity.functions.domain.InvalidAccessRulesException naming every error in the rules
     */
    LifecycleFunctions.Builder wiring(Map<String, String> env, LocalAws aws) {
        return clock.configure(ledger.configure(functionOptions.configure(LifecycleFunctions.builder(), env), env, aws));
    }
}
