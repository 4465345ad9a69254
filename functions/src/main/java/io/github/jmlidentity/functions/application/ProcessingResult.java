package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.audit.Changes;
import io.github.jmlidentity.functions.application.audit.UserRef;
import io.github.jmlidentity.functions.application.audit.Verdict;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.Plan;

/**
 * What handling one event did: the outcome, the user it concerns, the plan (applied, or only computed on a dry run
 * or failure; null when nothing was planned), what was done, and the verdict (why it was not applied, notes).
 *
 * @param changes what was done to the directory, whatever the outcome (for PLANNED: nothing; see the plan)
 */
public record ProcessingResult(Outcome outcome, UserRef user, Plan plan, Changes changes, Verdict verdict) {

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
