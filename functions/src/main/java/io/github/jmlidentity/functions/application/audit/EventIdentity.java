package io.github.jmlidentity.functions.application.audit;

import io.github.jmlidentity.functions.domain.HrEvent;

import java.time.Instant;

/**
 * What an event says about itself, for its audit record. For an event that could not be parsed, only what could
 * safely be read from it (short text values); the rest is null.
 *
 * @param eventId    the EventBridge envelope id
 * @param hrEventId  the HR system's event id
 * @param userName   the user name the event names
 * @param effectiveAt null for an event that could not be parsed
 */
public record EventIdentity(String eventId, String hrEventId, String detailType, String employeeId, String userName,
                            Instant effectiveAt) {

    public static EventIdentity of(HrEvent event) {
        return new EventIdentity(event.eventId(), event.hrEventId(), event.kind().detailType(), event.employeeId(),
                event.userName(), event.effectiveAt());
    }
}
