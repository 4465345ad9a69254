package io.github.jmlidentity.functions.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A validated HR event: a lifecycle event (joiner, mover, leaver) or the cancellation of a pending change.
 *
 * @param eventId        the EventBridge envelope id (differs between re-sends of the same HR event)
 * @param hrEventId      the HR system's event id: the idempotency key
 * @param effectiveAt    the ordering key, and when the change takes effect (a later one is scheduled)
 * @param employee       the full record for Joined/Moved; null for Left and Cancelled
 * @param userName       the user name the event names (for Left it is optional and only a lookup fallback)
 * @param leaveReason    optional reason of a Left event (or of a cancellation)
 * @param time           the envelope's {@code time} (when the event was put on the bus; a replay keeps it): breaks a
 *                       tie between two events of one kind with the same effectiveAt; null when unknown
 * @param sequence       the HR system's optional ordering number (detail {@code sequence}): breaks such a tie first
 * @param cancelsEventId for a cancellation: the HR event id of the pending change it cancels; null otherwise
 * @param followUpOf     for a change the functions scheduled themselves (the delete that follows a suspension under
 *                       leaverPolicy suspend-then-delete): the HR event id it follows. Never read from an envelope,
 *                       so no HR event can claim to be one; null for HR's own events
 */
public record HrEvent(String eventId, String hrEventId, EventKind kind, String employeeId, Instant effectiveAt,
                      Employee employee, String userName, String leaveReason, Instant time, Long sequence,
                      String cancelsEventId, String followUpOf) {

    public HrEvent {
        Objects.requireNonNull(hrEventId, "hrEventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        if (kind == EventKind.JOINED || kind == EventKind.MOVED) {
            Objects.requireNonNull(employee, "employee");
        }
        if (kind == EventKind.CANCELLED) {
            Objects.requireNonNull(cancelsEventId, "cancelsEventId");
        }
    }

    /** Whether the functions scheduled this change themselves (see {@code followUpOf}). */
    public boolean isFollowUp() {
        return followUpOf != null;
    }

    /** An event without envelope time or HR sequence (ties then fall back to the HR event id). */
    public HrEvent(String eventId, String hrEventId, EventKind kind, String employeeId, Instant effectiveAt,
                   Employee employee, String userName, String leaveReason) {
        this(eventId, hrEventId, kind, employeeId, effectiveAt, employee, userName, leaveReason, null, null);
    }

    /** A lifecycle event from HR (no cancellation, no follow-up). */
    public HrEvent(String eventId, String hrEventId, EventKind kind, String employeeId, Instant effectiveAt,
                   Employee employee, String userName, String leaveReason, Instant time, Long sequence) {
        this(eventId, hrEventId, kind, employeeId, effectiveAt, employee, userName, leaveReason, time, sequence, null,
                null);
    }

    /** What identifies the HR system's payload: equal for re-sends of one HR event, different for any change. */
    public String fingerprint() {
        return EventFingerprint.of(this);
    }
}
