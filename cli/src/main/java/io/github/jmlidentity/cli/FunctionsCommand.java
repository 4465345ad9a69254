package io.github.jmlidentity.cli;

import io.github.jmlidentity.cli.options.ClockOption;
import io.github.jmlidentity.cli.options.FunctionOptions;
import io.github.jmlidentity.cli.options.LedgerOptions;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
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

    /**
     * The functions' wiring with the access rules, the event source, the ledger and the clock these options give.
     *
     * @throws io.github.jmlidentity.functions.domain.InvalidAccessRulesException naming every error in the rules
     */
    LifecycleFunctions.Builder wiring(Map<String, String> env, LocalAws aws) {
        return clock.configure(ledger.configure(functionOptions.configure(LifecycleFunctions.builder(), env), env, aws));
    }
}
