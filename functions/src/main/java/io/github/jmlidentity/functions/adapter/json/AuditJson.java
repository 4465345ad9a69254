package io.github.jmlidentity.functions.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.audit.Changes;
import io.github.jmlidentity.functions.application.audit.EventIdentity;
import io.github.jmlidentity.functions.application.audit.Verdict;

/**
 * Writes an audit record as one line of JSON, fields in a fixed order. JSON string escaping keeps any control
 * character from an event on the same line, so a crafted value cannot forge a second log record.
 */
public final class AuditJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditJson() {
    }

    public static String toLine(AuditRecord r) {
        EventIdentity event = r.event();
        Changes changes = r.changes();
        Verdict verdict = r.verdict();
        ObjectNode n = JSON.createObjectNode();
        n.put("recordType", AuditRecord.RECORD_TYPE);
        n.put("time", r.time().toString());
        n.put("eventId", event.eventId());
        n.put("hrEventId", event.hrEventId());
        n.put("detailType", event.detailType());
        n.put("source", r.source());
        n.put("employeeId", event.employeeId());
        n.put("userName", r.user().userName());
        n.put("userId", r.user().userId());
        n.put("identityStoreId", r.identityStoreId());
        n.put("outcome", r.outcome().name());
        n.put("dryRun", r.dryRun());
        n.put("effectiveAt", event.effectiveAt() == null ? null : event.effectiveAt().toString());
        n.put("dueAt", r.scheduling().dueAt() == null ? null : r.scheduling().dueAt().toString());
        changes.attributesChanged().forEach(n.putArray("attributesChanged")::add);
        changes.groupsAdded().forEach(n.putArray("groupsAdded")::add);
        changes.groupsRemoved().forEach(n.putArray("groupsRemoved")::add);
        changes.membershipsBefore().forEach(n.putArray("membershipsBefore")::add);
        r.scheduling().pendingCancelled().forEach(n.putArray("pendingCancelled")::add);
        n.put("userDeleted", changes.userDeleted());
        ArrayNode assignments = n.putArray("assignmentsRemoved");
        changes.assignmentsRemoved().forEach(a -> assignments.addObject()
                .put("accountId", a.accountId()).put("permissionSetArn", a.permissionSetArn()));
        ObjectNode calls = n.putObject("apiCalls");
        r.cost().apiCalls().forEach(calls::put);
        r.cost().requestIds().forEach(n.putArray("requestIds")::add);
        n.put("durationMs", r.cost().durationMs());
        n.put("errorType", verdict.errorType());
        n.put("reason", verdict.reason());
        n.put("note", verdict.note());
        n.put("retryable", verdict.retryable());
        // Added by issue #11, after the original fields (whose names and order stay as they were).
        n.put("attempt", r.delivery().attempt());
        n.put("final", r.delivery().isFinal());
        n.put("requestId", r.delivery().requestId());
        n.put("coldStart", r.delivery().coldStart());
        n.put("userCreatedByAttempt", changes.userCreatedByAttempt());
        n.put("scopeViolation", !r.scopeViolations().isEmpty());
        r.scopeViolations().forEach(n.putArray("scopeViolations")::add);
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record is always serialisable", e);
        }
    }
}
