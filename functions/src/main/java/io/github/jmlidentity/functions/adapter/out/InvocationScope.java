package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.ApiCallLog;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one invocation's AWS calls share, on the invocation's thread: the deadline (the Lambda's remaining time,
 * so SDK retries stop before Lambda kills the function) and the record of calls for the audit line.
 * The SDK's synchronous clients run requests on the calling thread, so a thread-local is enough.
 */
public final class InvocationScope implements ApiCallLog.Recording {

    private static final ThreadLocal<InvocationScope> CURRENT = new ThreadLocal<>();
    /** Left for writing the audit record and releasing the ledger lease after the last call gives up. */
    private static final Duration SAFETY_MARGIN = Duration.ofMillis(1500);
    private static final Duration MIN_CALL_TIMEOUT = Duration.ofMillis(500);

    private final Instant deadline;
    private final Clock clock;
    private final Map<String, Long> calls = new TreeMap<>();
    private final List<String> requestIds = new ArrayList<>();

    private InvocationScope(Instant deadline, Clock clock) {
        this.deadline = deadline;
        this.clock = clock;
    }

    /**
     * Starts a scope on this thread; {@code deadline} null means no deadline (local runs). The time left is read from
     * {@code clock}, the functions' clock, which also computed the deadline.
     */
    public static InvocationScope open(Instant deadline, Clock clock) {
        InvocationScope scope = new InvocationScope(deadline, clock);
        CURRENT.set(scope);
        return scope;
    }

    static InvocationScope current() {
        return CURRENT.get();
    }

    /** The time an AWS call (with all its retries) may take now, or null when there is no deadline. */
    static Duration callTimeout() {
        InvocationScope scope = CURRENT.get();
        if (scope == null || scope.deadline == null) {
            return null;
        }
        Duration left = Duration.between(scope.clock.instant(), scope.deadline).minus(SAFETY_MARGIN);
        return left.compareTo(MIN_CALL_TIMEOUT) < 0 ? MIN_CALL_TIMEOUT : left;
    }

    /** Request settings that keep one AWS call (with its retries) within the invocation's remaining time. */
    static AwsRequestOverrideConfiguration requestOverrides() {
        Duration timeout = callTimeout();
        AwsRequestOverrideConfiguration.Builder builder = AwsRequestOverrideConfiguration.builder();
        if (timeout != null) {
            builder.apiCallTimeout(timeout);
        }
        return builder.build();
    }

    synchronized void record(String operation, String requestId) {
        calls.merge(operation, 1L, Long::sum);
        if (requestId != null) {
            requestIds.add(requestId);
        }
    }

    /** HTTP requests per operation, retries included (what the Identity Store counts against the quota). */
    @Override
    public synchronized Map<String, Long> calls() {
        return new TreeMap<>(calls);
    }

    @Override
    public synchronized List<String> requestIds() {
        return List.copyOf(requestIds);
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
