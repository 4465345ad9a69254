package io.github.jmlidentity.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.jmlidentity.contract.LifecycleStage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a Lambda cold start runs, minus the platform: load the joiner's handler class by the name the contract gives
 * Lambda (reflection, as Lambda does), construct it (its container's functions are wired from the environment: rules,
 * schemas, SDK clients) and handle one event, then exit. Run by the cold-start
 * benchmark in a fresh JVM with only functions.jar and this class on the class path.
 * Prints one line {@code #coldstart mainAtMs initNanos handlerNanos outcome} for the benchmark to read.
 */
public final class ColdStartLauncher {

    private ColdStartLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--init-breakdown")) {
            InitBreakdown.run(Path.of(args[1]));
            return;
        }
        long mainAt = System.currentTimeMillis();
        long start = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(LifecycleStage.JOINER.handlerClass())
                .getDeclaredConstructor().newInstance();
        long initialised = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[0]))), out, null);
        long handled = System.nanoTime();
        String audit = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        int at = audit.indexOf("\"outcome\":\"");
        String outcome = at < 0 ? "?" : audit.substring(at + 11, audit.indexOf('"', at + 11));
        System.out.println("#coldstart " + mainAt + " " + (initialised - start) + " " + (handled - initialised) + " " + outcome);
    }
}
