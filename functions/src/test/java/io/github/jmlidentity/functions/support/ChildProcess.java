package io.github.jmlidentity.functions.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process waited for with a bound, always: its output (stdout and stderr together) goes to a file, not to a
 * pipe that must be drained first, so {@code waitFor(timeout)} is the only wait; past the bound the child and its
 * descendants are killed and the caller gets an exception with what the child printed. Shared by the tests and the
 * benchmarks (test-jar), for every child they start.
 */
public final class ChildProcess {

    /** What a finished child did; {@code took} runs from spawn to exit. */
    public record Result(int exitCode, String output, Duration took) {
    }

    private final List<String> command;
    private final Process process;
    private final Path output;
    private final long startedNanos;

    private ChildProcess(List<String> command, Process process, Path output, long startedNanos) {
        this.command = command;
        this.process = process;
        this.output = output;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code command}; {@code environment} entries are added to this process's (a null value removes one).
     *
     * @param directory the working directory, or null for this process's
     */
    public static ChildProcess start(List<String> command, Map<String, String> environment, Path directory) {
        try {
            Path output = Files.createTempFile("jml-child-", ".out");
            output.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            long started = System.nanoTime();
            return new ChildProcess(command, builder.start(), output, started);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    /** Starts {@code command} and waits for it, at most {@code bound}. */
    public static Result run(List<String> command, Map<String, String> environment, Path directory, Duration bound) {
        return start(command, environment, directory).await(bound);
    }

    /**
     * Waits at most {@code bound} for the child to exit.
     *
     * @throws IllegalStateException when it did not: the child and its descendants are killed first
     */
    public Result await(Duration bound) {
        try {
            boolean exited = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
            if (!exited) {
                kill();
                throw new IllegalStateException("did not finish within " + bound + ", killed: "
                        + String.join(" ", command) + "\n" + output());
            }
            return new Result(process.exitValue(), output(), took);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + String.join(" ", command), e);
        } finally {
            if (!process.isAlive()) {
                deleteOutput();
            }
        }
    }

    /** Kills the child and whatever it started, and waits (bounded) for it to go. */
    public void kill() throws InterruptedException {
        // Descendants first: once the child is gone, its children are re-parented and out of reach.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private void deleteOutput() {
        try {
            Files.deleteIfExists(output);
        } catch (IOException ignored) {
            // a temporary file; deleteOnExit covers it
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
