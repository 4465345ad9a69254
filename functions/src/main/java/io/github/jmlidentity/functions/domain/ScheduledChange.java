package io.github.jmlidentity.functions.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change kept until it is due: an HR event effective later (its envelope, as received, is applied when due), or
 * a change the functions scheduled themselves (the delete that follows a suspension). Once resolved it stays for a
 * while as a record of what happened, so that a redelivery of the event is recognised.
 *
 * @param hrEventId   the HR event id (for a follow-up: derived from the one it follows, see {@link #followUpId})
 * @param eventId     the EventBridge envelope id, or a derived id for a follow-up
 * @param kind        the event's kind (LEFT for a follow-up delete)
 * @param effectiveAt the event's effectiveAt (for a follow-up: the leave's)
 * @param dueAt       when it is to be applied
 * @param envelope    the envelope as received (UTF-8 JSON), or null: a follow-up, or a cancellation that arrived
 *                    before the event it cancels
 * @param userName    the user name the event names, for listings
 * @param followUpOf  the HR event id a follow-up follows, null for HR's own events
 * @param recordedAt  when it was recorded
 * @param resolvedBy  the HR event id that cancelled or replaced it; null otherwise
 * @param resolvedAt  when it stopped being pending
 * @param outcome     for DONE and FAILED: the outcome when it was applied
 * @param fingerprint the HR event's payload fingerprint (see {@link HrEvent#fingerprint()}), so that its id reused for
 *                    another payload is refused as the ledger refuses it; null for a follow-up or a cancellation's
 *                    record of an event not yet arrived
 * @param sentAt      the event's envelope {@code time} (when it was put on the bus), or null
 * @param sequence    the event's HR {@code sequence}, or null
 */
public record ScheduledChange(String hrEventId, String eventId, EventKind kind, Instant effectiveAt, Instant dueAt,
                              State state, String envelope, String userName, String followUpOf, Instant recordedAt,
                              String resolvedBy, Instant resolvedAt, Outcome outcome, String fingerprint,
                              Instant sentAt, Long sequence) {

    /** Where a scheduled change stands. */
    public enum State {
        /** Waiting for its due time. */
        PENDING,
        /** Due and being applied (or its delivery died doing so; the scheduler tries it again). */
        RUNNING,
        /** Applied when due (its outcome says how: APPLIED, NO_CHANGE, STALE or DUPLICATE). */
        DONE,
        /** Cancelled by an Employee Change Cancelled event, or a rehire (resolvedBy). */
        CANCELLED,
        /** Replaced by a later event of the same kind for the same employee (resolvedBy): rescheduled. */
        REPLACED,
        /** Applying it failed permanently: it went to the failure queue; a redrive is taken as a new arrival. */
        FAILED;

        public boolean isOpen() {
            return this == PENDING || this == RUNNING;
        }
    }

    /** What separates a follow-up's id from the HR event id it follows: HR event ids hold no spaces (schema). */
    static final String FOLLOW_UP_SUFFIX = " delete";

    public ScheduledChange {
        Objects.requireNonNull(hrEventId, "hrEventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(state, "state");
    }

    /** A pending HR event, kept with its envelope until {@code dueAt}. */
    public static ScheduledChange pending(HrEvent event, Instant dueAt, String envelope, Instant now) {
        return new ScheduledChange(event.hrEventId(), event.eventId(), event.kind(), event.effectiveAt(), dueAt,
                State.PENDING, envelope, event.userName(), null, now, null, null, null, event.fingerprint(),
                event.time(), event.sequence());
    }

    /** The delete that follows the suspension {@code leave} made, due at {@code dueAt}. */
    public static ScheduledChange deleteAfterSuspension(HrEvent leave, String userName, Instant dueAt, Instant now) {
        return new ScheduledChange(followUpId(leave.hrEventId()), followUpId(String.valueOf(leave.eventId())),
                EventKind.LEFT, leave.effectiveAt(), dueAt, State.PENDING, null, userName, leave.hrEventId(), now,
                null, null, null, null, null, null);
    }

    /** A cancellation that arrived before the event it cancels: that event is not applied when it arrives. */
    public static ScheduledChange cancelledBeforeArrival(String hrEventId, String cancelledBy, Instant now) {
        return new ScheduledChange(hrEventId, null, EventKind.CANCELLED, null, now, State.CANCELLED, null, null, null,
                now, cancelledBy, now, null, null, null, null);
    }

    /** The id of the delete that follows the leave {@code hrEventId}: one no HR event can have. */
    public static String followUpId(String hrEventId) {
        return hrEventId + FOLLOW_UP_SUFFIX;
    }

    public boolean isFollowUp() {
        return followUpOf != null;
    }

    /** Whether the event itself was received (a cancellation can arrive first and leave only a record of it). */
    public boolean wasReceived() {
        return envelope != null || isFollowUp();
    }

    /** The change as a parsed event to apply, for a follow-up (HR events are applied from their envelope). */
    public HrEvent followUpEvent(String employeeId) {
        return new HrEvent(eventId, hrEventId, EventKind.LEFT, employeeId, effectiveAt, null, userName,
                "deleteAfterDays after the suspension by HR event " + followUpOf, null, null, null, followUpOf);
    }

    /**
     * Whether {@code event} is HR's later word than this pending change of its kind, by the tie-break rule of the
     * ordering (OrderingPolicy): the greater HR sequence when both carry one, else the one put on the bus later when
     * both times are known, else the one that arrived later ({@code event}).
     */
    public boolean isSupersededBy(HrEvent event) {
        if (sequence != null && event.sequence() != null && !sequence.equals(event.sequence())) {
            return event.sequence() > sequence;
        }
        if (sentAt != null && event.time() != null && !sentAt.equals(event.time())) {
            return event.time().isAfter(sentAt);
        }
        return true;
    }

    /** How the change is listed: the detail-type, or what the follow-up does. */
    public String label() {
        return isFollowUp() ? "delete after suspension" : kind.detailType();
    }

    public ScheduledChange withState(State next) {
        return new ScheduledChange(hrEventId, eventId, kind, effectiveAt, dueAt, next, envelope, userName, followUpOf,
                recordedAt, resolvedBy, resolvedAt, outcome, fingerprint, sentAt, sequence);
    }

    /** Resolved by another HR event: cancelled or replaced. */
    public ScheduledChange resolved(State next, String by, Instant at) {
        return new ScheduledChange(hrEventId, eventId, kind, effectiveAt, dueAt, next, envelope, userName, followUpOf,
                recordedAt, by, at, outcome, fingerprint, sentAt, sequence);
    }

    /** Applied when due (DONE), or failed for good (FAILED), with the outcome. */
    public ScheduledChange finished(State next, Outcome result, Instant at) {
        return new ScheduledChange(hrEventId, eventId, kind, effectiveAt, dueAt, next, envelope, userName, followUpOf,
                recordedAt, resolvedBy, at, result, fingerprint, sentAt, sequence);
    }
}
