package io.github.jmlidentity.functions.adapter.in;

import io.github.jmlidentity.functions.application.audit.AuditRecord;

/**
 * Thrown by a handler when an event FAILED in a way a retry may fix (or failed permanently and could not be sent
 * to the failure queue), so that Lambda's asynchronous retries and then the on-failure destination take it, with
 * the reason in the error message. Nothing is silently dropped.
 */
public final class EventFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient AuditRecord record;

    public EventFailedException(AuditRecord record, Throwable cause) {
        super(record.outcome() + " " + record.verdict().errorType() + ": " + record.verdict().reason(), cause);
        this.record = record;
    }

    public AuditRecord record() {
        return record;
    }
}
