package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.Plan;

/**
 * What handling one event did: the outcome, the plan (applied, or only computed on a dry run or failure) and,
 * when not applied, why.
 *
 * @param failure   the error behind a FAILED or REJECTED outcome; the handler rethrows it so Lambda retries
 *                  and then sends the event to the on-failure destination
 * @param retryable whether a retry may succeed (throttling, 5xx, concurrent delivery)
 * @param note      something worth logging about an applied event (e.g. a mover that provisioned)
 * @param changes   what was done to the directory, whatever the outcome (for PLANNED: nothing; see the plan)
 */
public record ProcessingResult(
        Outcome outcome,
        String userId,
        String userName,
        Plan plan,
        String errorType,
        String reason,
        String note,
        RuntimeException failure,
        boolean retryable,
        Changes changes) {

    public ProcessingResult {
        changes = changes == null ? Changes.none() : changes;
    }

    public boolean isFailure() {
        return outcome == Outcome.FAILED || outcome == Outcome.REJECTED;
    }
}
