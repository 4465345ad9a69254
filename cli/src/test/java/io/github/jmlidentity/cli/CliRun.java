package io.github.jmlidentity.cli;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs a jml command in process, as a user would (the command line `main` builds), and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    /** Against an emulator: its endpoint is added to the arguments. */
    public static CliRun jml(IdentityStoreLocal server, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", server.endpoint().toString()));
        return jml(all);
    }

    public static CliRun jml(List<String> args) {
        String[] arguments = args.toArray(String[]::new);
        CommandLine commandLine = JmlCommand.commandLineFor(arguments);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
