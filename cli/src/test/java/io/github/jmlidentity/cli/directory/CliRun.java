package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.JmlCommand;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs a jml command in process against an emulator and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun jml(IdentityStoreLocal server, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", server.endpoint().toString()));
        return jmlWithoutEndpoint(all.toArray(String[]::new));
    }

    static CliRun jmlWithoutEndpoint(String... args) {
        CommandLine commandLine = JmlCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
