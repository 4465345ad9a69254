package io.github.jmlidentity.cli;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the `jml` launcher (the script at the repository root): it makes the start-up archive (class
 * data sharing on JDK 17 to 24, the AOT cache on 25 and later) once per jar and JVM by running the one-shot commands
 * in this process against an Identity Store Local of its own, so that the archive holds what they load, whichever
 * command the user happens to run first. It writes nothing outside a temporary directory.
 *
 * <p>usage: {@code java <archive option> -cp jml.jar io.github.jmlidentity.cli.StartupTraining REPOSITORY}
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining REPOSITORY (the directory holding config/ and events/)");
            System.exit(2);
        }
        Path repo = Path.of(args[0]);
        Path work = Files.createTempDirectory("jml-training");
        int failed = 0;
        try (IdentityStoreLocal server = IdentityStoreLocal.builder().port(0)
                .seed(repo.resolve("config/local-seed.json")).build().start()) {
            String endpoint = server.endpoint().toString();
            String rules = repo.resolve("config/access-rules.json").toString();
            List<List<String>> commands = List.of(
                    List.of("--help"),
                    List.of("invoke", "--help"),
                    List.of("invoke", "auto", event(repo, "joiner.json"), event(repo, "mover.json"),
                            event(repo, "leaver.json"), "--rules", rules, "--ledger", work.resolve("ledger.json").toString(),
                            "--endpoint-url", endpoint),
                    List.of("invoke", "joiner", event(repo, "rehire.json"), "--dry-run", "--rules", rules,
                            "--ledger", work.resolve("ledger.json").toString(), "--endpoint-url", endpoint),
                    List.of("create-group", "--groupname", "jml-training", "--endpoint-url", endpoint),
                    List.of("create-user", "--username", "training.user", "--givenname", "Training", "--familyname", "User",
                            "--email", "training.user@example.com", "--groupname", "jml-training", "--endpoint-url", endpoint),
                    List.of("list-members", "--groupname", "jml-training", "--output", "json", "--endpoint-url", endpoint),
                    List.of("list-membership", "--username", "training.user", "--output", "csv", "--endpoint-url", endpoint),
                    List.of("report", "--format", "csv", "--out", work.resolve("report.csv").toString(),
                            "--endpoint-url", endpoint));
            for (List<String> command : commands) {
                String[] arguments = command.toArray(String[]::new);
                PrintWriter discard = new PrintWriter(Writer.nullWriter());
                int exitCode = JmlCommand.commandLineFor(arguments).setOut(discard).setErr(discard).execute(arguments);
                if (exitCode != 0) {
                    failed++;
                    System.err.println("jml training: exit " + exitCode + " from jml " + String.join(" ", command));
                }
            }
        } finally {
            delete(work);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private static String event(Path repo, String name) {
        return repo.resolve("events").resolve(name).toString();
    }

    private static void delete(Path directory) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
