package io.github.jmlidentity.cli;

import io.github.jmlidentity.cli.options.ClockOption;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that applies HR events as the deployed functions do (`jml invoke`, `jml scheduled run-due`): on top of
 * what every {@link FunctionsCommand} takes, a dry run and the time it runs as of.
 */
abstract class HrEventsCommand extends FunctionsCommand {

    @Option(names = "--dry-run", description = "Compute and print the plans (outcome PLANNED); write nothing.")
    boolean dryRun;

    @Mixin
    ClockOption clock;

    /** The functions' wiring of {@link FunctionsCommand#wiring}, with the clock --now gives. */
    @Override
    protected LifecycleFunctions.Builder wiring(Map<String, String> env, LocalAws aws) {
        return clock.configure(super.wiring(env, aws));
    }
}
