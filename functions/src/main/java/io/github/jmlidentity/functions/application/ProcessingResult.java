package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.audit.Changes;
import io.github.jmlidentity.functions.application.audit.Scheduling;
import io.github.jmlidentity.functions.application.audit.UserRef;
import io.github.jmlidentity.functions.application.audit.Verdict;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.Plan;

/**
 * What handling one event did: the outcome, the user it concerns, the plan (applied, or only computed on a dry run
 * or failure; null when nothing was planned), what was done, and the verdict (why it was not applied, notes).
 *
 * @param changes    what was done to the directory, whatever the outcome (for PLANNED: nothing; see the plan); for a
 *                   final outcome, by every attempt of the event
 * @param attempt    which delivery of the event this was (1 = the first to reach the ledger)
 * @param receipt    for an event just applied: marks its final record as written once the audit line is out; else null
 * @param scheduling when the event is due (SCHEDULED), and the pending changes it cancelled or replaced
 */
public record ProcessingResult(Outcome outcome, UserRef user, Plan plan, Changes changes, Verdict verdict,
                               int attempt, PublishReceipt receipt, Scheduling scheduling) {

    public ProcessingResult {
        scheduling = scheduling == null ? Scheduling.NONE : scheduling;
    }

    public ProcessingResult(Outcome outcome, UserRef user, Plan plan, Changes changes, Verdict verdict) {
        this(outcome, user, plan, changes, verdict, 1, null);
    }

    public ProcessingResult(Outcome outcome, UserRef user, Plan plan, Changes changes, Verdict verdict,
                            int attempt, PublishReceipt receipt) {
        this(outcome, user, plan, changes, verdict, attempt, receipt, Scheduling.NONE);
    }

    /** This result, also saying what it did to the scheduled changes. */
    public ProcessingResult with(Scheduling value) {
        return new ProcessingResult(outcome, user, plan, changes, verdict, attempt, receipt, value);
    }

    /** Kept, not applied: a change effective later (nothing was done to the directory). */
    static ProcessingResult scheduled(UserRef user, java.time.Instant dueAt, String note) {
        return new ProcessingResult(Outcome.SCHEDULED, user, null, Changes.none(), Verdict.NONE.withNote(note), 1,
                null, Scheduling.due(dueAt));
    }

    /** A verdict on an event that changed nothing in the directory: NO_CHANGE, DUPLICATE, APPLIED to the schedule. */
    static ProcessingResult decided(Outcome outcome, UserRef user, Verdict verdict) {
        return new ProcessingResult(outcome, user, null, Changes.none(), verdict);
    }

    /** A duplicate or stale event, skipped before anything was planned. */
    static ProcessingResult skipped(Outcome outcome, UserRef user, String reason) {
        return new ProcessingResult(outcome, user, null, Changes.none(), Verdict.skipped(reason));
    }

    /** An event that is not valid: nothing was done. */
    public static ProcessingResult rejected(String errorType, String reason) {
        return new ProcessingResult(Outcome.REJECTED, UserRef.UNKNOWN, null, Changes.none(),
                Verdict.failed(errorType, reason, false));
    }

    /**
     * A failure nobody classified (a bug): worth a retry. The reason names the exception and where it was thrown;
     * the stack trace goes to the error log, not the audit record.
     */
    public static ProcessingResult unexpected(RuntimeException failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        String where = stack.length == 0 ? "" : " at " + stack[0];
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        return new ProcessingResult(Outcome.FAILED, UserRef.UNKNOWN, null, Changes.none(),
                Verdict.failed(failure.getClass().getSimpleName(), failure.getClass().getName() + message + where
                        + " (unexpected: the stack trace is in the jml.error log line of this request)", true));
    }

    public ProcessingResult withAttempt(int value) {
        return new ProcessingResult(outcome, user, plan, changes, verdict, value, receipt, scheduling);
    }

    public String userId() {
        return user.userId();
    }

    public String errorType() {
        return verdict.errorType();
    }

    public String reason() {
        return verdict.reason();
    }

    public String note() {
        return verdict.note();
    }

    public boolean retryable() {
        return verdict.retryable();
    }

    /**
     * Whether this is the event's final record, the one an auditor counts: every outcome but a DUPLICATE (the
     * event's final record is the earlier one), a FAILED a retry may change (its retry, or the operator's redrive,
     * writes the final one) and a SCHEDULED (the change's final record is written when it is applied, or cancelled).
     */
    public boolean isFinal() {
        return isFinal(outcome, verdict.retryable());
    }

    /** See {@link #isFinal()}. */
    static boolean isFinal(Outcome outcome, boolean retryable) {
        return outcome != Outcome.DUPLICATE && outcome != Outcome.SCHEDULED && !(outcome == Outcome.FAILED && retryable);
    }
}
