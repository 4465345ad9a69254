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
 * @param changes    what was done to the directory, whatever the outcome (for PLANNED: nothing; see the plan)
 * @param scheduling when the event is due (SCHEDULED), and the pending changes it cancelled or replaced
 */
public record ProcessingResult(Outcome outcome, UserRef user, Plan plan, Changes changes, Verdict verdict,
                               Scheduling scheduling) {

    public ProcessingResult {
        scheduling = scheduling == null ? Scheduling.NONE : scheduling;
    }

    public ProcessingResult(Outcome outcome, UserRef user, Plan plan, Changes changes, Verdict verdict) {
        this(outcome, user, plan, changes, verdict, Scheduling.NONE);
    }

    /** This result, also saying what it did to the scheduled changes. */
    public ProcessingResult with(Scheduling value) {
        return new ProcessingResult(outcome, user, plan, changes, verdict, value);
    }

    /** Kept, not applied: a change effective later (nothing was done to the directory). */
    static ProcessingResult scheduled(UserRef user, java.time.Instant dueAt, String note) {
        return new ProcessingResult(Outcome.SCHEDULED, user, null, Changes.none(), Verdict.NONE.withNote(note),
                Scheduling.due(dueAt));
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

    /** A failure nobody classified: worth a retry (and the failure destination sees the reason). */
    public static ProcessingResult unexpected(RuntimeException failure) {
        return new ProcessingResult(Outcome.FAILED, UserRef.UNKNOWN, null, Changes.none(),
                Verdict.failed(failure.getClass().getSimpleName(), String.valueOf(failure.getMessage()), true));
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
}
