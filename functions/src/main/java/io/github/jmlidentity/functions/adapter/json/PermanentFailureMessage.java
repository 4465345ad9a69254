package io.github.jmlidentity.functions.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.application.audit.AuditRecord;

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

    /** @param rawEvent the envelope as received; null for an event that came already parsed */
    public static String toJson(byte[] rawEvent, AuditRecord record) {
        ObjectNode n = JSON.createObjectNode();
        n.put("source", SOURCE);
        n.put("outcome", record.outcome().name());
        n.put("errorType", record.verdict().errorType());
        n.put("reason", record.verdict().reason());
        n.put("auditEventId", record.event().eventId());
        n.put("hrEventId", record.event().hrEventId());
        n.put("detailType", record.event().detailType());
        n.put("employeeId", record.event().employeeId());
        JsonNode event = rawEvent == null ? null : envelope(rawEvent);
        if (event != null) {
            n.set("event", event);
        } else {
            n.put("event", rawEvent == null ? null : new String(rawEvent, StandardCharsets.UTF_8));
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
