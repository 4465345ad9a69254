package io.github.jmlidentity.functions.application.port.in;

import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;

import java.time.Instant;

/**
 * One HR event to process: the EventBridge envelope as received, or an event already parsed (e.g. one a scheduler
 * kept until its effective date).
 *
 * @param envelope  the envelope's bytes; null when {@code event} is given. An event effective later is kept with
 *                  its envelope until it is due, so it must come as an envelope
 * @param event     the parsed event; null when {@code envelope} is given (e.g. the delete the scheduler applies
 *                  after a suspension)
 * @param expected  the kind the calling function handles (an event of another kind is REJECTED); null routes by
 *                  detail-type
 * @param deadline  when the caller's time runs out (Lambda's remaining time): calls and leases stay within it;
 *                  null for none
 * @param requestId the Lambda request id, written in the audit record (null outside Lambda)
 * @param coldStart the first event the calling container handles, written in the audit record
 * @param source    what the event comes from, written in its audit record: {@value #HR_EVENT} (an HR event's
 *                  envelope) or {@value #RECONCILE} (made from an HR roster by a reconcile)
 */
public record HrEventRequest(byte[] envelope, HrEvent event, EventKind expected, Instant deadline, String requestId,
                             boolean coldStart, String source) {

    /** An HR event, as the HR system sent it. */
    public static final String HR_EVENT = "hr-event";
    /** An event a reconcile made from a roster row (deterministic eventId reconcile:as-of:employeeId). */
    public static final String RECONCILE = "reconcile";

    public HrEventRequest {
        if ((envelope == null) == (event == null)) {
            throw new IllegalArgumentException("give the envelope or the parsed event, not both or neither");
        }
        source = source == null ? HR_EVENT : source;
    }

    public HrEventRequest(byte[] envelope, HrEvent event, EventKind expected, Instant deadline, String requestId,
                          boolean coldStart) {
        this(envelope, event, expected, deadline, requestId, coldStart, HR_EVENT);
    }

    public HrEventRequest(byte[] envelope, HrEvent event, EventKind expected, Instant deadline) {
        this(envelope, event, expected, deadline, null, false, HR_EVENT);
    }

    public static HrEventRequest envelope(byte[] raw) {
        return new HrEventRequest(raw, null, null, null);
    }

    public static HrEventRequest event(HrEvent parsed) {
        return new HrEventRequest(null, parsed, null, null);
    }

    /** For a function that handles {@code kind} only (null: any). */
    public HrEventRequest expecting(EventKind kind) {
        return new HrEventRequest(envelope, event, kind, deadline, requestId, coldStart, source);
    }

    public HrEventRequest within(Instant until) {
        return new HrEventRequest(envelope, event, expected, until, requestId, coldStart, source);
    }

    /** The Lambda invocation this request comes from. */
    public HrEventRequest invocation(String lambdaRequestId, boolean firstInContainer) {
        return new HrEventRequest(envelope, event, expected, deadline, lambdaRequestId, firstInContainer, source);
    }

    /** The same event, from {@code value} (see {@link #source()}). */
    public HrEventRequest from(String value) {
        return new HrEventRequest(envelope, event, expected, deadline, requestId, coldStart, value);
    }
}
