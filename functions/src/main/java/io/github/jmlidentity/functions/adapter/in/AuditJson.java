package io.github.jmlidentity.functions.adapter.in;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes an audit record as one line of JSON, fields in a fixed order. JSON string escaping keeps any control
 * character from an event on the same line, so a crafted value cannot forge a second log record.
 */
public final class AuditJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditJson() {
    }

    public static String toLine(AuditRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("recordType", AuditRecord.RECORD_TYPE);
        n.put("time", r.time().toString());
        n.put("eventId", r.eventId());
        n.put("hrEventId", r.hrEventId());
        n.put("detailType", r.detailType());
        n.put("employeeId", r.employeeId());
        n.put("userName", r.userName());
        n.put("userId", r.userId());
        n.put("identityStoreId", r.identityStoreId());
        n.put("outcome", r.outcome().name());
        n.put("dryRun", r.dryRun());
        n.put("effectiveAt", r.effectiveAt() == null ? null : r.effectiveAt().toString());
        r.attributesChanged().forEach(n.putArray("attributesChanged")::add);
        r.groupsAdded().forEach(n.putArray("groupsAdded")::add);
        r.groupsRemoved().forEach(n.putArray("groupsRemoved")::add);
        r.membershipsBefore().forEach(n.putArray("membershipsBefore")::add);
        n.put("userDeleted", r.userDeleted());
        ObjectNode calls = n.putObject("apiCalls");
        r.apiCalls().forEach(calls::put);
        r.requestIds().forEach(n.putArray("requestIds")::add);
        n.put("durationMs", r.durationMs());
        n.put("errorType", r.errorType());
        n.put("reason", r.reason());
        n.put("note", r.note());
        n.put("retryable", r.retryable());
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record is always serialisable", e);
        }
    }
}
