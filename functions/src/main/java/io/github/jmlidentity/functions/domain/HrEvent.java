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
 */
public record HrEvent(String eventId, String hrEventId, EventKind kind, String employeeId, Instant effectiveAt,
                      Employee employee, String userName, String leaveReason) {

    public HrEvent {
        Objects.requireNonNull(hrEventId, "hrEventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        if (kind != EventKind.LEFT) {
            Objects.requireNonNull(employee, "employee");
        }
    }
}
