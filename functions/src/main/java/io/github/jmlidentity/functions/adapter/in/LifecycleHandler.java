package io.github.jmlidentity.functions.adapter.in;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.port.FailureQueue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A thin Lambda handler: read the envelope, let the runtime parse, validate, handle and audit it, then:
 * <ul>
 * <li>a retryable failure (throttling, 5xx, concurrent delivery) is thrown, so that Lambda retries it and then
 * sends it to the on-failure destination;</li>
 * <li>a permanent one (REJECTED, or FAILED with a reason a retry cannot change, e.g. MASS_DELETION_GUARD) is sent
 * straight to the processing failure queue and the invocation ends normally: Lambda's retries would only write
 * the same audit record twice more, or re-run a guarded leaver without the operator's check. If that send
 * fails, it is thrown after all, so the on-failure destination still gets the event.</li>
 * </ul>
 */
public abstract class LifecycleHandler implements RequestStreamHandler {

    private final EventKind kind;
    private final FunctionRuntime runtime;

    protected LifecycleHandler(EventKind kind, FunctionRuntime runtime) {
        this.kind = kind;
        this.runtime = runtime;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] raw = input.readAllBytes();
        Instant deadline = context == null ? null
                : Instant.now().plusMillis(Math.max(0, context.getRemainingTimeInMillis()));
        AuditRecord record = runtime.process(raw, kind, deadline);
        output.write(AuditJson.toLine(record).getBytes(StandardCharsets.UTF_8));
        if (!record.isFailure()) {
            return;
        }
        FailureQueue failureQueue = runtime.failureQueue();
        if (record.retryable() || failureQueue == null) {
            throw new EventFailedException(record, null);
        }
        try {
            failureQueue.send(PermanentFailureMessage.toJson(raw, record));
        } catch (RuntimeException sendFailed) {
            throw new EventFailedException(record, sendFailed);
        }
    }

    /**
     * The container's runtime, built during Lambda's init phase (class loading), not on the first event: clients,
     * schemas and rules are ready before the first invocation, and a SnapStart snapshot includes them.
     */
    static final class ContainerRuntime {
        static final FunctionRuntime INSTANCE = FunctionRuntime.fromEnvironment(System.getenv());

        private ContainerRuntime() {
        }
    }
}
