package io.github.jmlidentity.functions.application.port.in;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.domain.Outcome;

/**
 * What processing one HR event came to: its audit record (already written to the audit log) and, for a failure a
 * retry cannot change, whether the failure queue took it.
 *
 * @param queued       the failure was sent to the failure queue: nothing is left for the caller to do
 * @param queueFailure why sending it to the failure queue failed, or null
 */
public record HrEventResult(AuditRecord audit, boolean queued, RuntimeException queueFailure) {

    public Outcome outcome() {
        return audit.outcome();
    }

    /**
     * A failure that is still the caller's: retryable, or permanent without a failure queue to take it. A Lambda
     * handler throws it, so that Lambda retries it and then sends it to the on-failure destination.
     */
    public boolean isOpenFailure() {
        return audit.isFailure() && !queued;
    }
}
