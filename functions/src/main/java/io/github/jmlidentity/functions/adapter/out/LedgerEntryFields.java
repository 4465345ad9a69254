package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.domain.AppliedChanges;
import io.github.jmlidentity.functions.domain.AttemptLog;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.FinalRecord;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.Outcome;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping of a ledger entry to stored fields, for every ledger that stores one (the DynamoDB table, the
 * local JSON file): field names, and values as plain text, whole numbers ({@link Long}) and lists of text, null when
 * absent. Each store only converts these to its own format (AttributeValue, JSON), so the formats cannot drift.
 * Fields added later are absent from older entries and read as null (an empty list, 0).
 */
final class LedgerEntryFields {

    static final String EMPLOYEE_ID = "employeeId";
    static final String VERSION = "version";
    static final String USER_ID = "userId";
    /** Prefix of the fields of a final record not yet written. */
    private static final String UNPUBLISHED = "unpublished";

    private LedgerEntryFields() {
    }

    /** Every field, in a fixed order (the order of the JSON file). */
    static Map<String, Object> of(LedgerEntry e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(EMPLOYEE_ID, e.employeeId());
        fields.put(USER_ID, e.userId());
        fields.put("status", e.status() == null ? null : e.status().name());
        fields.put("lastEventId", e.lastEventId());
        fields.put("lastEffectiveAt", text(e.lastEffectiveAt()));
        fields.put("leftAt", text(e.leftAt()));
        fields.put("recentEventIds", e.recentEventIds());
        fields.put(VERSION, e.version());
        fields.put("lockOwner", e.lockOwner());
        fields.put("lockExpiresAt", text(e.lockExpiresAt()));
        fields.put("lastEventKind", e.lastEventKind() == null ? null : e.lastEventKind().name());
        fields.put("leaveEventId", e.leaveEventId());
        fields.put("membershipsBefore", e.membershipsBefore());
        fields.put("lastEventTime", text(e.lastEventTime()));
        fields.put("lastSequence", e.lastSequence());
        fields.put("joinedAt", text(e.joinedAt()));
        fields.put("recentEvents", e.recentEvents());
        fields.put("attempts", e.attemptLog().lines());
        FinalRecord r = e.unpublished();
        fields.put(UNPUBLISHED + "EventId", r == null ? null : r.hrEventId());
        fields.put(UNPUBLISHED + "EnvelopeId", r == null ? null : r.envelopeId());
        fields.put(UNPUBLISHED + "Outcome", r == null ? null : r.outcome().name());
        fields.put(UNPUBLISHED + "UserId", r == null ? null : r.userId());
        fields.put(UNPUBLISHED + "UserName", r == null ? null : r.userName());
        fields.put(UNPUBLISHED + "Note", r == null ? null : r.note());
        fields.put(UNPUBLISHED + "Attempt", r == null ? null : (long) r.attempt());
        putChanges(fields, UNPUBLISHED, r == null ? AppliedChanges.NONE : r.changes());
        return fields;
    }

    /** The entry from stored fields; a missing field is null (an empty list, version 0). */
    static LedgerEntry entry(Map<String, Object> fields) {
        String status = (String) fields.get("status");
        String kind = (String) fields.get("lastEventKind");
        String unpublishedEvent = (String) fields.get(UNPUBLISHED + "EventId");
        FinalRecord unpublished = unpublishedEvent == null ? null : new FinalRecord(unpublishedEvent,
                (String) fields.get(UNPUBLISHED + "EnvelopeId"), Outcome.valueOf((String) fields.get(UNPUBLISHED + "Outcome")),
                (String) fields.get(UNPUBLISHED + "UserId"), (String) fields.get(UNPUBLISHED + "UserName"),
                changes(fields, UNPUBLISHED), (String) fields.get(UNPUBLISHED + "Note"),
                (int) number(fields.get(UNPUBLISHED + "Attempt")));
        return new LedgerEntry((String) fields.get(EMPLOYEE_ID), (String) fields.get(USER_ID),
                status == null ? null : EmploymentStatus.valueOf(status), (String) fields.get("lastEventId"),
                instant(fields.get("lastEffectiveAt")), instant(fields.get("leftAt")), list(fields.get("recentEventIds")),
                number(fields.get(VERSION)), (String) fields.get("lockOwner"),
                instant(fields.get("lockExpiresAt")), kind == null ? null : EventKind.valueOf(kind),
                (String) fields.get("leaveEventId"), list(fields.get("membershipsBefore")),
                instant(fields.get("lastEventTime")), (Long) fields.get("lastSequence"), instant(fields.get("joinedAt")),
                list(fields.get("recentEvents")), new AttemptLog(list(fields.get("attempts"))), unpublished);
    }

    private static void putChanges(Map<String, Object> fields, String prefix, AppliedChanges c) {
        fields.put(prefix + "Attributes", c.attributesChanged());
        fields.put(prefix + "GroupsAdded", c.groupsAdded());
        fields.put(prefix + "GroupsRemoved", c.groupsRemoved());
        fields.put(prefix + "UserDeleted", c.userDeleted() ? "true" : null);
        fields.put(prefix + "MembershipsBefore", c.membershipsBefore());
        fields.put(prefix + "UserCreatedByAttempt", c.userCreatedByAttempt() == null ? null : (long) c.userCreatedByAttempt());
        // "accountId permissionSetArn": neither holds a space
        fields.put(prefix + "AssignmentsRemoved", c.assignmentsRemoved().stream()
                .map(a -> a.accountId() + " " + a.permissionSetArn()).toList());
    }

    private static AppliedChanges changes(Map<String, Object> fields, String prefix) {
        Object createdBy = fields.get(prefix + "UserCreatedByAttempt");
        List<DirectAssignment> assignments = list(fields.get(prefix + "AssignmentsRemoved")).stream()
                .map(a -> a.split(" ", 2)).filter(a -> a.length == 2).map(a -> new DirectAssignment(a[0], a[1])).toList();
        return new AppliedChanges(list(fields.get(prefix + "Attributes")), list(fields.get(prefix + "GroupsAdded")),
                list(fields.get(prefix + "GroupsRemoved")), "true".equals(fields.get(prefix + "UserDeleted")),
                list(fields.get(prefix + "MembershipsBefore")), createdBy == null ? null : (int) number(createdBy),
                assignments);
    }

    private static long number(Object value) {
        return value == null ? 0 : (Long) value;
    }

    private static String text(Instant value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse((String) value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
