package io.github.jmlidentity.functions.domain;

import io.github.jmlidentity.contract.LeaverPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a change takes effect: the access rules' effective-dating options and the decisions that follow from them.
 * An event due later than now (beyond {@link #CLOCK_SKEW}) is scheduled rather than applied; an event effective
 * beyond the horizon is refused as implausible (a mistyped year must not become a pending change, nor, applied,
 * the ordering watermark that makes every later leaver STALE).
 *
 * @param horizonDays     effectiveAt more than this many days ahead is REJECTED (horizonDays, default 400)
 * @param preHireLeadDays a joiner is due this many days before its effectiveAt (preHireLeadDays, default 0)
 * @param deleteAfterDays under leaverPolicy suspend-then-delete: the user is deleted this many days after the leave
 *                        (deleteAfterDays, default 30)
 */
public record EffectiveDating(int horizonDays, int preHireLeadDays, int deleteAfterDays) {

    /** Events due within this margin of now are applied now: HR's clock and ours may differ a little. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    public static final int DEFAULT_HORIZON_DAYS = 400;
    public static final int DEFAULT_PRE_HIRE_LEAD_DAYS = 0;
    public static final int DEFAULT_DELETE_AFTER_DAYS = 30;
    /** Ten years: no HR change is entered further ahead. */
    public static final int MAX_HORIZON_DAYS = 3650;

    public static final String HORIZON_DAYS = "horizonDays";
    public static final String PRE_HIRE_LEAD_DAYS = "preHireLeadDays";
    public static final String DELETE_AFTER_DAYS = "deleteAfterDays";

    public static EffectiveDating defaults() {
        return new EffectiveDating(DEFAULT_HORIZON_DAYS, DEFAULT_PRE_HIRE_LEAD_DAYS, DEFAULT_DELETE_AFTER_DAYS);
    }

    /** Errors in the options, each naming its setting (empty when valid). */
    public List<String> errors() {
        List<String> errors = new ArrayList<>();
        boolean horizonValid = horizonDays >= 1 && horizonDays <= MAX_HORIZON_DAYS;
        if (!horizonValid) {
            errors.add(HORIZON_DAYS + ": must be 1 to " + MAX_HORIZON_DAYS + " days, was " + horizonDays);
        }
        if (preHireLeadDays < 0 || (horizonValid && preHireLeadDays >= horizonDays)) {
            errors.add(PRE_HIRE_LEAD_DAYS + ": must be 0 or more and less than " + HORIZON_DAYS + " (" + horizonDays
                    + "), was " + preHireLeadDays);
        }
        if (deleteAfterDays < 1 || deleteAfterDays > MAX_HORIZON_DAYS) {
            errors.add(DELETE_AFTER_DAYS + ": must be 1 to " + MAX_HORIZON_DAYS + " days, was " + deleteAfterDays);
        }
        return errors;
    }

    /** When the event is to be applied: a joiner {@code preHireLeadDays} before its effectiveAt, anything else at it. */
    public Instant dueAt(HrEvent event) {
        return event.kind() == EventKind.JOINED
                ? event.effectiveAt().minus(Duration.ofDays(preHireLeadDays)) : event.effectiveAt();
    }

    /** Whether a change due at {@code dueAt} is to be applied at {@code now} (it is not later than now plus the skew). */
    public static boolean isDue(Instant dueAt, Instant now) {
        return !dueAt.isAfter(now.plus(CLOCK_SKEW));
    }

    /** The field at fault when the event is effective further ahead than the horizon, naming the setting. */
    public Optional<Violation> beyondHorizon(HrEvent event, Instant now) {
        Instant limit = now.plus(Duration.ofDays(horizonDays));
        if (!event.effectiveAt().isAfter(limit)) {
            return Optional.empty();
        }
        long days = Duration.between(now, event.effectiveAt()).toDays();
        return Optional.of(new Violation("detail.effectiveAt", "'" + event.effectiveAt() + "' is " + days
                + " days ahead, beyond the horizon of " + horizonDays + " days (" + HORIZON_DAYS
                + " in the access rules): a mistyped date?"));
    }

    /** When the delete that follows a suspension is due, under {@link LeaverPolicy#SUSPEND_THEN_DELETE}. */
    public Instant deleteDueAt(Instant leaveEffectiveAt) {
        return leaveEffectiveAt.plus(Duration.ofDays(deleteAfterDays));
    }
}
