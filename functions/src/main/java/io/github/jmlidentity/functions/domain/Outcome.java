package io.github.jmlidentity.functions.domain;

/** The outcome of one event, as written in its audit record. */
public enum Outcome {
    APPLIED,
    NO_CHANGE,
    DUPLICATE,
    STALE,
    REJECTED,
    FAILED,
    PLANNED,
    /** Valid, effective later: recorded as a pending change, applied when due (the audit record's dueAt). */
    SCHEDULED,
    /** A SCHEDULED change that will not be applied: cancelled, replaced by a later event of its kind, or by a rehire. */
    CANCELLED
}
