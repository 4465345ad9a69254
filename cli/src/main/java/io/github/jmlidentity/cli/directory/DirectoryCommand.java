package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.output.OutputFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on one identity store: clients built once, store id given or discovered. */
@Command(mixinStandardHelpOptions = true)
abstract class DirectoryCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        OutputFormat format = connection.outputFormat();
        try (IdentityCenterClients clients = connection.clients()) {
            run(connection.connect(clients), new ChangePrinter(spec.commandLine().getOut(), format));
        }
        return 0;
    }

    abstract void run(Directory directory, ChangePrinter out);
}
