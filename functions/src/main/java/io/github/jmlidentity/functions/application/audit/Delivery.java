package io.github.jmlidentity.functions.application.audit;

/**
 * Which delivery of an HR event an audit record is about, so that auditors count each HR event once.
 *
 * @param attempt   which delivery of the event this is (1 = the first to reach the ledger; a Lambda retry, an
 *                  EventBridge re-delivery or an operator's redrive counts up)
 * @param isFinal   the record of the event's outcome: every outcome but a DUPLICATE and a FAILED a retry may
 *                  change. An event has one final record (two only if an invocation dies between writing it and
 *                  marking it written in the ledger; both carry the event's hrEventId, so a query counts it once)
 * @param requestId the Lambda request id (null outside Lambda)
 * @param coldStart the first event this container handled
 */
public record Delivery(int attempt, boolean isFinal, String requestId, boolean coldStart) {

    /** A record written outside any delivery bookkeeping (older callers, tests): the first attempt, final. */
    public static final Delivery FIRST = new Delivery(1, true, null, false);
}
