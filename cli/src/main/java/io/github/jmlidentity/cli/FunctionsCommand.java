package io.github.jmlidentity.cli;

import io.github.jmlidentity.cli.options.FunctionOptions;
import io.github.jmlidentity.cli.options.LedgerOptions;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A command that runs the functions' code (`jml invoke`, `jml scheduled run-due`, `jml reconcile`): the options all
 * take (where, which rules, which ledger), and the functions' wiring they give.
 */
public abstract class FunctionsCommand implements Callable<Integer> {

    @Mixin
    protected FunctionsTarget target;

    @Mixin
    protected FunctionOptions functionOptions;

    @Mixin
    protected LedgerOptions ledger;

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        LocalAws aws = target.endpoint.aws();
        return run(out, err, env, aws, target.identityStoreId(env, aws));
    }

    /**
     * Runs the command: its output (audit records, a plan) on {@code out}, progress and summary on {@code err}.
     *
     * @param storeId the identity store the options name (see {@link FunctionsTarget#identityStoreId})
     * @return the exit code
     */
    protected abstract int run(PrintWriter out, PrintWriter err, Map<String, String> env, LocalAws aws, String storeId);

    /**
     * The functions' wiring with the access rules, the event source and the ledger these options give.
     *
     * @throws io.github.jmlidentity.functions.domain.InvalidAccessRulesException naming every error in the rules
     */
    protected LifecycleFunctions.Builder wiring(Map<String, String> env, LocalAws aws) {
        return ledger.configure(functionOptions.configure(LifecycleFunctions.builder(), env), env, aws);
    }
}
