package io.github.jmlidentity.functions.adapter.in;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The failure-queue message for an event that failed permanently: why (as in its audit record) and the original
 * envelope under {@code event}, so that an operator fixes the cause and sends {@code .event} back to the bus
 * (README, Redrive). An envelope that is not JSON is kept as a string.
 */
public final class PermanentFailureMessage {

    /** Tells these messages apart from Lambda destination records in the same queue. */
    public static final String SOURCE = "jml-identity";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PermanentFailureMessage() {
    }

    public static String toJson(byte[] rawEvent, AuditRecord record) {
        ObjectNode n = JSON.createObjectNode();
        n.put("source", SOURCE);
        n.put("outcome", record.outcome().name());
        n.put("errorType", record.errorType());
        n.put("reason", record.reason());
        n.put("auditEventId", record.eventId());
        n.put("hrEventId", record.hrEventId());
        n.put("detailType", record.detailType());
        n.put("employeeId", record.employeeId());
        JsonNode event = envelope(rawEvent);
        if (event != null) {
            n.set("event", event);
        } else {
            n.put("event", new String(rawEvent, StandardCharsets.UTF_8));
        }
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a failure message is always serialisable", e);
        }
    }

    private static JsonNode envelope(byte[] raw) {
        if (raw.length > EventParser.MAX_EVENT_BYTES) {
            return null;
        }
        try {
            JsonNode parsed = JSON.readTree(raw);
            return parsed == null || parsed.isMissingNode() ? null : parsed;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
