package io.github.jmlidentity.functions.adapter.in;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.jmlidentity.functions.adapter.json.AuditJson;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.HrEventResult;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A thin Lambda handler: read the envelope, let the inbound port parse, validate, handle and audit it within the
 * invocation's remaining time, write the audit record as the invocation's result, then:
 * <ul>
 * <li>a permanent failure (REJECTED, or FAILED with a reason a retry cannot change, e.g. MASS_DELETION_GUARD) has
 * gone straight to the processing failure queue, and the invocation ends normally: Lambda's retries would only
 * write the same audit record twice more, or re-run a guarded leaver without the operator's check;</li>
 * <li>any other failure (retryable: throttling, 5xx, concurrent delivery; or permanent when the failure queue could
 * not take it) is thrown, so that Lambda retries it and then sends it to the on-failure destination.</li>
 * </ul>
 */
public abstract class LifecycleHandler implements RequestStreamHandler {

    private final EventKind kind;
    private final ProcessHrEvent functions;
    /**
     * True until this handler (Lambda makes one per container) handles its first event. A SnapStart snapshot is taken
     * before any event (priming does not go through a handler), so a container restored from it starts cold too.
     */
    private final AtomicBoolean cold = new AtomicBoolean(true);

    protected LifecycleHandler(EventKind kind, ProcessHrEvent functions) {
        this.kind = kind;
        this.functions = functions;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] envelope = input.readAllBytes();
        Instant deadline = context == null ? null
                : Instant.now().plusMillis(Math.max(0, context.getRemainingTimeInMillis()));
        HrEventResult result = functions.process(HrEventRequest.envelope(envelope).expecting(kind).within(deadline)
                .invocation(context == null ? null : context.getAwsRequestId(), cold.getAndSet(false)));
        output.write(AuditJson.toLine(result.audit()).getBytes(StandardCharsets.UTF_8));
        if (result.isOpenFailure()) {
            throw new EventFailedException(result.audit(), result.queueFailure());
        }
    }

    /**
     * The container's functions, wired during Lambda's init phase (class loading), not on the first event: clients,
     * schemas and rules are ready before the first invocation, and a SnapStart snapshot includes them.
     */
    static final class Container {
        static final ProcessHrEvent FUNCTIONS = LifecycleFunctions.fromEnvironment(System.getenv());

        private Container() {
        }
    }
}
