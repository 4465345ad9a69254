package io.github.jmlidentity.cli;

import io.github.jmlidentity.cli.demo.DemoCommand;
import io.github.jmlidentity.cli.directory.DirectoryCommands;
import io.github.jmlidentity.cli.reconcile.ReconcileCommand;
import io.github.jmlidentity.cli.report.ReportCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code jml} command. Each subcommand is one class; add new ones to {@link #SUBCOMMANDS}.
 */
@Command(name = "jml",
        mixinStandardHelpOptions = true,
        versionProvider = JmlVersion.class,
        description = {
                "HR-driven joiner/mover/leaver provisioning for AWS IAM Identity Center: runs the Lambda functions' "
                        + "code by hand, and everything locally against Identity Store Local.",
                "",
                "Try it with no AWS account:",
                "  jml demo           # a whole HR story, checked step by step, then the access report",
                "  jml local &        # Identity Store Local on http://127.0.0.1:8190",
                "  jml invoke auto events/joiner.json --endpoint-url http://127.0.0.1:8190",
                "",
                "`jml help COMMAND` explains a command."})
public final class JmlCommand implements Runnable {

    /** Every subcommand, in the order `jml --help` lists them. */
    static final List<Class<?>> SUBCOMMANDS = subcommands();

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with every subcommand and the project's settings. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new JmlCommand());
        SUBCOMMANDS.forEach(commandLine::addSubcommand);
        return configured(commandLine);
    }

    /**
     * The command line for these arguments: when they start with a subcommand's name or alias, only that subcommand
     * is built (picocli reads each command's annotations by reflection, and a one-shot command should not pay for
     * the others); otherwise, e.g. {@code jml --help} or {@code jml help invoke}, all of them.
     */
    public static CommandLine commandLineFor(String[] args) {
        Optional<Class<?>> named = args.length == 0 ? Optional.empty() : SUBCOMMANDS.stream()
                .filter(command -> command != CommandLine.HelpCommand.class && names(command).contains(args[0]))
                .findFirst();
        if (named.isEmpty()) {
            return commandLine();
        }
        CommandLine commandLine = new CommandLine(new JmlCommand());
        commandLine.addSubcommand(named.get());
        return configured(commandLine);
    }

    /** The name and aliases a subcommand answers to, read from its annotation without building its model. */
    static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(annotation.name()));
        names.addAll(List.of(annotation.aliases()));
        return names;
    }

    private static CommandLine configured(CommandLine commandLine) {
        withHelpEverywhere(commandLine);
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true)
                .setExecutionExceptionHandler(new CliErrorHandler());
    }

    /** `--help` (and `--version`) on every command at every depth, whatever its own annotation says. */
    private static void withHelpEverywhere(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.optionsMap().get("--help") == null) {
            spec.mixinStandardHelpOptions(true);
        }
        if (spec.version().length == 0 && spec.optionsMap().get("--version") != null) {
            spec.versionProvider(new JmlVersion());
        }
        command.getSubcommands().values().forEach(JmlCommand::withHelpEverywhere);
    }

    private static List<Class<?>> subcommands() {
        List<Class<?>> all = new ArrayList<>(List.of(InvokeCommand.class, ScheduledCommand.class, LocalCommand.class, CommandLine.HelpCommand.class));
        all.addAll(DirectoryCommands.all());
        all.add(ReportCommand.class);
        all.add(ReconcileCommand.class);
        all.add(DemoCommand.class);
        return List.copyOf(all);
    }

    public static void main(String[] args) {
        StartupTiming.mainEntered();
        CommandLine commandLine = commandLineFor(args);
        StartupTiming.phaseEnded("command line");
        int exitCode = commandLine.execute(args);
        StartupTiming.report(System.err);
        System.exit(exitCode);
    }
}
