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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    /**
     * The entry from stored fields; a missing field is null (an empty list, version 0).
     *
     * @throws InvalidStoredField naming the first field that does not hold what the entry needs
     */
    static LedgerEntry entry(Map<String, Object> fields) {
        String employeeId = string(fields, EMPLOYEE_ID);
        if (employeeId == null || employeeId.isEmpty()) {
            throw new InvalidStoredField(EMPLOYEE_ID, "is required");
        }
        Long version = wholeNumber(fields, VERSION);
        if (version != null && version < 0) {
            throw new InvalidStoredField(VERSION, "must not be negative, was " + version);
        }
        String unpublishedEvent = string(fields, UNPUBLISHED + "EventId");
        FinalRecord unpublished = null;
        if (unpublishedEvent != null) {
            Outcome outcome = constant(fields, UNPUBLISHED + "Outcome", Outcome.class);
            if (outcome == null) {
                throw new InvalidStoredField(UNPUBLISHED + "Outcome", "is required with " + UNPUBLISHED + "EventId");
            }
            Long attempt = wholeNumber(fields, UNPUBLISHED + "Attempt");
            unpublished = new FinalRecord(unpublishedEvent, string(fields, UNPUBLISHED + "EnvelopeId"), outcome,
                    string(fields, UNPUBLISHED + "UserId"), string(fields, UNPUBLISHED + "UserName"),
                    changes(fields, UNPUBLISHED), string(fields, UNPUBLISHED + "Note"),
                    attempt == null ? 0 : attempt.intValue());
        }
        return new LedgerEntry(employeeId, string(fields, USER_ID),
                constant(fields, "status", EmploymentStatus.class), string(fields, "lastEventId"),
                instant(fields, "lastEffectiveAt"), instant(fields, "leftAt"), list(fields, "recentEventIds"),
                version == null ? 0 : version, string(fields, "lockOwner"),
                instant(fields, "lockExpiresAt"), constant(fields, "lastEventKind", EventKind.class),
                string(fields, "leaveEventId"), list(fields, "membershipsBefore"),
                instant(fields, "lastEventTime"), wholeNumber(fields, "lastSequence"), instant(fields, "joinedAt"),
                list(fields, "recentEvents"), new AttemptLog(list(fields, "attempts")), unpublished);
    }

    /** A stored field that does not hold what a ledger entry needs: the field and the value's problem. */
    static final class InvalidStoredField extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidStoredField(String field, String problem) {
            super(field + ": " + problem);
            this.field = field;
        }

        String field() {
            return field;
        }
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
        Long createdBy = wholeNumber(fields, prefix + "UserCreatedByAttempt");
        List<DirectAssignment> assignments = list(fields, prefix + "AssignmentsRemoved").stream()
                .map(a -> a.split(" ", 2)).filter(a -> a.length == 2).map(a -> new DirectAssignment(a[0], a[1])).toList();
        return new AppliedChanges(list(fields, prefix + "Attributes"), list(fields, prefix + "GroupsAdded"),
                list(fields, prefix + "GroupsRemoved"), "true".equals(string(fields, prefix + "UserDeleted")),
                list(fields, prefix + "MembershipsBefore"), createdBy == null ? null : createdBy.intValue(),
                assignments);
    }

    private static String text(Instant value) {
        return value == null ? null : value.toString();
    }

    private static String string(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw new InvalidStoredField(name, "must be text, was " + describe(value));
        }
        return (String) value;
    }

    private static Long wholeNumber(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof Long)) {
            throw new InvalidStoredField(name, "must be a whole number, was " + describe(value));
        }
        return (Long) value;
    }

    private static Instant instant(Map<String, Object> fields, String name) {
        String value = string(fields, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException notATime) {
            throw new InvalidStoredField(name, "'" + value + "' is not a UTC timestamp (e.g. 2026-01-05T08:00:00Z)");
        }
    }

    private static <E extends Enum<E>> E constant(Map<String, Object> fields, String name, Class<E> type) {
        String value = string(fields, name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidStoredField(name, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static List<String> list(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new InvalidStoredField(name, "must be a list of text, was " + describe(value));
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String text)) {
                throw new InvalidStoredField(name + "[" + i + "]", "must be text, was " + describe(items.get(i)));
            }
            texts.add(text);
        }
        return texts;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value instanceof String ? "text" : value instanceof Long ? "a number"
                : value instanceof List ? "a list" : abbreviated(String.valueOf(value));
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
