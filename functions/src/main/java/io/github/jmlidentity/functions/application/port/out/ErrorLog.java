package io.github.jmlidentity.functions.application.port.out;

import io.github.jmlidentity.functions.application.audit.EventIdentity;

/**
 * Where failures nobody classified go, with their stack trace: one structured line per failure, apart from the
 * audit record (which names the exception and where it was thrown, and stays free of stack traces).
 */
@FunctionalInterface
public interface ErrorLog {

    /**
     * @param context   what it happened during, e.g. "processing an HR event", "marking a final record written"
     * @param event     the event it concerns, as far as known (may be null)
     * @param requestId the Lambda request id, or null
     */
    void error(String context, EventIdentity event, String requestId, Throwable failure);

    /** Discards everything (tests that do not look). */
    ErrorLog NONE = (context, event, requestId, failure) -> { };
}
