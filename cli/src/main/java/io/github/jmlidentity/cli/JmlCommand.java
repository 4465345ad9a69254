package io.github.jmlidentity.cli;

import io.github.jmlidentity.cli.demo.DemoCommand;
import io.github.jmlidentity.cli.directory.DirectoryCommands;
import io.github.jmlidentity.cli.reconcile.ReconcileCommand;
import io.github.jmlidentity.cli.report.ReportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jml} command. Each subcommand is one class; add new ones to {@code subcommands}.
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
                "`jml help COMMAND` explains a command."},
        subcommands = {
                InvokeCommand.class,
                ScheduledCommand.class,
                LocalCommand.class,
                CommandLine.HelpCommand.class
        })
public final class JmlCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with the project's settings: exit codes, case-insensitive function names. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new JmlCommand());
        DirectoryCommands.all().forEach(commandLine::addSubcommand);
        commandLine.addSubcommand(new ReportCommand());
        commandLine.addSubcommand(new ReconcileCommand());
        commandLine.addSubcommand(new DemoCommand());
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true)
                .setExecutionExceptionHandler(new CliErrorHandler());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
