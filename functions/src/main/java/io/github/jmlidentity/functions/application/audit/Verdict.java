package io.github.jmlidentity.functions.application.audit;

/**
 * Why an event was not applied (a FAILED, REJECTED, DUPLICATE or STALE outcome), what else is worth knowing, and
 * whether a retry may change a failure.
 *
 * @param errorType what kind of failure (e.g. INVALID_EVENT, ThrottlingException); null when not a failure
 * @param reason    why: a failure's cause, or why a duplicate or stale event was skipped
 * @param note      something worth knowing about the event, e.g. a mover that provisioned
 * @param retryable for FAILED: whether a retry may succeed (throttling, 5xx, concurrent delivery)
 */
public record Verdict(String errorType, String reason, String note, boolean retryable) {

    /** Applied (or planned) as the event says, with nothing to add. */
    public static final Verdict NONE = new Verdict(null, null, null, false);

    /** Skipped, not failed: a duplicate or stale event. */
    public static Verdict skipped(String reason) {
        return new Verdict(null, reason, null, false);
    }

    public static Verdict failed(String errorType, String reason, boolean retryable) {
        return new Verdict(errorType, reason, null, retryable);
    }

    public Verdict withNote(String value) {
        return new Verdict(errorType, reason, value, retryable);
    }
}
