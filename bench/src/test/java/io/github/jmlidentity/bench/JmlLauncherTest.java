package io.github.jmlidentity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jmlidentity.functions.support.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `jml` launcher at the repository root (it runs cli/target/jml.jar, built before this module): its first run
 * makes the start-up archive for this jar and JVM in the user's cache directory, later runs use it, and neither
 * adds anything to the command's output. Its speed is the one-shot benchmark's to measure.
 */
class JmlLauncherTest {

    private static final Path REPO = Path.of(System.getProperty("jml.repo.dir", "..")).toAbsolutePath().normalize();

    @TempDir
    Path cache;

    @Test
    void the_first_run_makes_the_archive_and_the_next_ones_use_it_with_the_output_unchanged() throws IOException {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", System.getProperty("java.home"));

        // WHEN jml runs for the first time with this jar and JVM
        ChildProcess.Result first = launcher(env, "--version");

        // THEN the command's output is its own, and an archive keyed by this JVM is in the cache
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("jml: making a start-up archive for this jar and JVM in " + cache.resolve("jml"))
                .contains("jml 0.1.0");
        List<Path> archives = archives();
        assertThat(archives).singleElement().satisfies(archive -> {
            assertThat(archive.getFileName().toString()).startsWith("jml-")
                    .contains(System.getProperty("java.runtime.version").replaceAll("[^A-Za-z0-9._-]", "_"));
            assertThat(Files.size(archive)).isGreaterThan(1_000_000L);
        });

        // WHEN it runs again, with its class loading logged
        Path log = cache.resolve("classes.log");
        ChildProcess.Result second = launcher(Map.of("XDG_CACHE_HOME", cache.toString(),
                "JAVA_HOME", System.getProperty("java.home"), "JML_JAVA_OPTS", "-Xlog:class+load:file=" + log), "--version");

        // THEN it prints only what the command prints, and the command's classes come from the archive
        assertThat(second.exitCode()).isZero();
        assertThat(second.output()).isEqualTo("jml 0.1.0\n");
        assertThat(Files.readAllLines(log)).anySatisfy(line ->
                assertThat(line).contains("io.github.jmlidentity.cli.JmlCommand source: shared objects file"));
        assertThat(archives()).isEqualTo(archives);
    }

    @Test
    void without_an_archive_when_asked_not_to() {
        ChildProcess.Result run = launcher(Map.of("XDG_CACHE_HOME", cache.toString(), "JML_NO_ARCHIVE", "1",
                "JAVA_HOME", System.getProperty("java.home")), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).isEqualTo("jml 0.1.0\n");
        assertThat(cache.resolve("jml")).doesNotExist();
    }

    private static ChildProcess.Result launcher(Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", REPO.resolve("jml").toString()));
        command.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("JAVA_TOOL_OPTIONS", null);
        all.putIfAbsent("JML_JAVA_OPTS", null);
        return ChildProcess.run(command, all, REPO, Duration.ofMinutes(3));
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("jml"))) {
            return files.filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot")).sorted().toList();
        }
    }
}
