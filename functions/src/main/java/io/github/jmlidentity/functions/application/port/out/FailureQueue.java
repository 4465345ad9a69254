package io.github.jmlidentity.functions.application.port.out;

import io.github.jmlidentity.functions.application.audit.AuditRecord;

/**
 * The processing failure queue, for events that failed permanently (REJECTED, or FAILED with a reason a retry
 * cannot change, such as MASS_DELETION_GUARD): they go there at once instead of through Lambda's retries, which
 * would only write the same verdict two more times (or, for a guarded leaver, re-run it without the operator's
 * check). A send that fails throws, so that the event still reaches the on-failure destination: nothing is lost.
 */
public interface FailureQueue {

    /**
     * Sends the event with why it failed (see the README's Redrive section).
     *
     * @param envelope the event as received, so that an operator can send it back once the cause is fixed; null when
     *                 the event came already parsed
     */
    void send(AuditRecord failure, byte[] envelope);
}
