package io.github.jmlidentity.functions.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A validated HR lifecycle event.
 *
 * @param eventId     the EventBridge envelope id (differs between re-sends of the same HR event)
 * @param hrEventId   the HR system's event id: the idempotency key
 * @param effectiveAt the ordering key
 * @param employee    the full record for Joined/Moved; null for Left
 * @param userName    the user name the event names (for Left it is optional and only a lookup fallback)
 * @param leaveReason optional reason of a Left event
 * @param time        the envelope's {@code time} (when the event was put on the bus; a replay keeps it): breaks a
 *                    tie between two events of one kind with the same effectiveAt; null when unknown
 * @param sequence    the HR system's optional ordering number (detail {@code sequence}): breaks such a tie first
 */
public record HrEvent(String eventId, String hrEventId, EventKind kind, String employeeId, Instant effectiveAt,
                      Employee employee, String userName, String leaveReason, Instant time, Long sequence) {

    public HrEvent {
        Objects.requireNonNull(hrEventId, "hrEventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        if (kind != EventKind.LEFT) {
            Objects.requireNonNull(employee, "employee");
        }
    }

    /** An event without envelope time or HR sequence (ties then fall back to the HR event id). */
    public HrEvent(String eventId, String hrEventId, EventKind kind, String employeeId, Instant effectiveAt,
                   Employee employee, String userName, String leaveReason) {
        this(eventId, hrEventId, kind, employeeId, effectiveAt, employee, userName, leaveReason, null, null);
    }

    /** What identifies the HR system's payload: equal for re-sends of one HR event, different for any change. */
    public String fingerprint() {
        return EventFingerprint.of(this);
    }
}
