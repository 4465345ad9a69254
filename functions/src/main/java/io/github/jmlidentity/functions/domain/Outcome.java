package io.github.jmlidentity.functions.domain;

/** The outcome of one event, as written in its audit record. */
public enum Outcome {
    APPLIED,
    NO_CHANGE,
    DUPLICATE,
    STALE,
    REJECTED,
    FAILED,
    PLANNED
}
