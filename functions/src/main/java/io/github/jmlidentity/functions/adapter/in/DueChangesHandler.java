package io.github.jmlidentity.functions.adapter.in;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.functions.adapter.json.DueRunJson;
import io.github.jmlidentity.functions.application.port.in.ScheduledChanges;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Lambda entry point of the scheduler (EffectiveDatingFunction.SCHEDULER in the contract), which an EventBridge
 * schedule invokes every few minutes: it applies the changes that have come due, each through the inbound port (its
 * own audit record in this function's log group), within the invocation's remaining time, then logs one line of
 * CloudWatch Embedded Metric Format: how many changes are overdue and how long the oldest has been due, which the
 * overdue alarm watches. The scheduled event's content is not used: the time is the clock's.
 */
public final class DueChangesHandler implements RequestStreamHandler {

    private final ScheduledChanges scheduled;
    private final String metricsNamespace;
    private final PrintStream metrics;

    /** Used by Lambda: the container's scheduled changes, wired from the environment. */
    public DueChangesHandler() {
        this(Container.SCHEDULED, FunctionEnvironment.METRICS_NAMESPACE.in(System.getenv()), System.out);
    }

    public DueChangesHandler(ScheduledChanges scheduled, String metricsNamespace, PrintStream metrics) {
        this.scheduled = scheduled;
        this.metricsNamespace = metricsNamespace;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        Instant deadline = context == null ? null
                : Instant.now().plusMillis(Math.max(0, context.getRemainingTimeInMillis()));
        ScheduledChanges.DueRun run = scheduled.runDue(deadline, result -> { });
        if (metricsNamespace != null && !metricsNamespace.isBlank()) {
            metrics.println(DueRunJson.metricsLine(run, metricsNamespace));
            metrics.flush();
        }
        output.write(DueRunJson.summary(run).getBytes(StandardCharsets.UTF_8));
    }

    /** Wired during Lambda's init phase, like the lifecycle handlers' functions. */
    static final class Container {
        static final ScheduledChanges SCHEDULED = LifecycleFunctions.scheduledChangesFromEnvironment(System.getenv());

        private Container() {
        }
    }
}
