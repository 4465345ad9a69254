package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.LedgerEntry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping of a ledger entry to stored fields, for every ledger that stores one (the DynamoDB table, the
 * local JSON file): field names, and values as plain text, whole numbers ({@link Long}) and lists of text, null when
 * absent. Each store only converts these to its own format (AttributeValue, JSON), so the formats cannot drift.
 */
final class LedgerEntryFields {

    static final String EMPLOYEE_ID = "employeeId";
    static final String VERSION = "version";
    static final String USER_ID = "userId";

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
        return fields;
    }

    /** The entry from stored fields; a missing field is null (an empty list, version 0). */
    static LedgerEntry entry(Map<String, Object> fields) {
        String status = (String) fields.get("status");
        String kind = (String) fields.get("lastEventKind");
        Object version = fields.get(VERSION);
        return new LedgerEntry((String) fields.get(EMPLOYEE_ID), (String) fields.get(USER_ID),
                status == null ? null : EmploymentStatus.valueOf(status), (String) fields.get("lastEventId"),
                instant(fields.get("lastEffectiveAt")), instant(fields.get("leftAt")), list(fields.get("recentEventIds")),
                version == null ? 0 : (Long) version, (String) fields.get("lockOwner"),
                instant(fields.get("lockExpiresAt")), kind == null ? null : EventKind.valueOf(kind),
                (String) fields.get("leaveEventId"), list(fields.get("membershipsBefore")));
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
