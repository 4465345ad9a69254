package io.github.jmlidentity.identitystore.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java IdentityStoreLocalMain ...} in a child JVM. Its output is pumped by a daemon thread, so the test
 * thread never blocks on a read, and every wait has a bound: a child that hangs fails the test, not the build.
 */
final class StandaloneServer implements AutoCloseable {
    static final Duration BOUND = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<URI> endpoint = new CompletableFuture<>();
    private final Thread pump;

    private StandaloneServer(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IdentityStoreLocalMain.class.getName()));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        pump = new Thread(this::pumpOutput, "standalone-server-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts the server; {@link #endpoint()} waits for it to listen. */
    static StandaloneServer start(String... args) throws IOException {
        return new StandaloneServer(List.of(args));
    }

    /** Runs the command to its end (bounded) and returns its exit code and output. */
    static Result run(String... args) throws Exception {
        try (StandaloneServer child = new StandaloneServer(List.of(args))) {
            int exitCode = child.awaitExit();
            return new Result(exitCode, child.output());
        }
    }

    record Result(int exitCode, String output) {
    }

    /** The endpoint the banner announces, once the server listens. */
    URI endpoint() throws InterruptedException, TimeoutException {
        try {
            return endpoint.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException exited) {
            throw new AssertionError("the server exited before listening:\n" + output(), exited.getCause());
        } catch (TimeoutException hung) {
            throw new AssertionError("the server did not listen within " + BOUND + ":\n" + output(), hung);
        }
    }

    /** SIGTERM: the signal every CI delivers to a job (SIGINT is ignored by processes started in the background). */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not exit within " + BOUND + ":\n" + output());
        }
        pump.join(BOUND.toMillis());
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private void pumpOutput() {
        try (InputStream in = process.getInputStream()) {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                output.append((char) b);
                if (b == '\n') {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        endpoint.complete(URI.create(listening.group(1)));
                    }
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
        } catch (IOException closed) {
            // The process ended.
        }
        endpoint.completeExceptionally(new IllegalStateException("exited with no banner"));
    }
}
