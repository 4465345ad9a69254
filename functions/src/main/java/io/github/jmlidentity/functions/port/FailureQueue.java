package io.github.jmlidentity.functions.port;

/**
 * The processing failure queue, for events that failed permanently (REJECTED, or FAILED with a reason a retry
 * cannot change, such as MASS_DELETION_GUARD): they go there at once instead of through Lambda's retries, which
 * would only write the same verdict two more times (or, for a guarded leaver, re-run it without the operator's
 * check). A send that fails throws, so that the event still reaches the on-failure destination: nothing is lost.
 */
public interface FailureQueue {

    /** Sends one message (a JSON document, see the README's Redrive section). */
    void send(String messageBody);
}
