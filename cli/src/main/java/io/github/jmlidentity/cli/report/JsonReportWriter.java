package io.github.jmlidentity.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The report as one JSON document, written as a stream: {@code groups}, then {@code users}, then
 * {@code missingFromDirectory}, then {@code pendingChanges}, then {@code summary}.
 */
final class JsonReportWriter implements ReportWriter {
    private static final List<String> SECTIONS = List.of("groups", "users", "missingFromDirectory", "pendingChanges");
    private static final int GROUPS = 0;
    private static final int USERS = 1;
    private static final int MISSING = 2;
    private static final int PENDING = 3;

    private final JsonGenerator json;
    /** Index in SECTIONS of the open array; -1 before the first. */
    private int section = -1;

    JsonReportWriter(Writer out) throws IOException {
        this.json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
    }

    @Override
    public void begin(String identityStoreId, String instanceArn, String generatedAt) throws IOException {
        json.writeStartObject();
        json.writeStringField("identityStoreId", identityStoreId);
        json.writeStringField("instanceArn", instanceArn);
        json.writeStringField("generatedAt", generatedAt);
    }

    @Override
    public void group(GroupAccess group) throws IOException {
        startItem(GROUPS, "name", group.name(), "groupId", group.groupId());
        json.writeNumberField("members", group.members());
        strings("assignments", group.labels());
        json.writeEndObject();
    }

    @Override
    public void user(UserAccess user) throws IOException {
        startItem(USERS, "userName", user.userName(), "userId", user.userId(), "displayName", user.displayName(),
                "email", user.email());
        strings("groups", user.groups());
        accesses("groupAccess", user.groupAccess(), null);
        accesses("directAccess", user.directAccess(), null);
        if (user.drift() != null && user.drift().any()) {
            json.writeObjectFieldStart("drift");
            json.writeBooleanField("notInHr", user.drift().notInHr());
            strings("extraGroups", user.drift().extraGroups());
            strings("missingGroups", user.drift().missingGroups());
            accesses("directAssignments", user.drift().directAssignments(), UserAccess.BYPASSES_RULES);
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    @Override
    public void missingFromDirectory(Roster.Entry entry) throws IOException {
        startItem(MISSING, "employeeId", entry.employeeId(), "userName", entry.userName());
        strings("expectedGroups", List.copyOf(entry.expectedGroups()));
        json.writeEndObject();
    }

    @Override
    public void pendingChange(PendingChange change) throws IOException {
        startItem(PENDING, "employeeId", change.employeeId(), "userName", change.userName(), "change", change.change(),
                "dueAt", String.valueOf(change.dueAt()), "effectiveAt", String.valueOf(change.effectiveAt()),
                "hrEventId", change.hrEventId());
        json.writeEndObject();
    }

    @Override
    public void end(ReportSummary summary) throws IOException {
        enter(SECTIONS.size());
        json.writeObjectFieldStart("summary");
        json.writeNumberField("users", summary.users());
        json.writeNumberField("groups", summary.groups());
        json.writeNumberField("memberships", summary.memberships());
        json.writeNumberField("usersWithDrift", summary.usersWithDrift());
        json.writeNumberField("notInHr", summary.notInHr());
        json.writeNumberField("missingFromDirectory", summary.missingFromDirectory());
        json.writeNumberField("usersWithDirectAccess", summary.usersWithDirectAccess());
        json.writeNumberField("directAssignments", summary.directAssignments());
        json.writeObjectFieldStart("assignmentReads");
        json.writeStringField("strategy", summary.assignmentPlan().strategy().label());
        json.writeBooleanField("forced", summary.assignmentPlan().forced());
        json.writeObjectFieldStart("expectedCalls");
        for (Map.Entry<String, Long> expected : summary.assignmentPlan().expectedCallsByStrategy().entrySet()) {
            json.writeNumberField(expected.getKey(), expected.getValue());
        }
        json.writeEndObject();
        json.writeNumberField("countingCalls", summary.assignmentPlan().countingCalls());
        json.writeEndObject();
        json.writeObjectFieldStart("apiCalls");
        for (Map.Entry<String, Long> calls : summary.apiCalls().entrySet()) {
            json.writeNumberField(calls.getKey(), calls.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }

    /** Sections come in a fixed order; an empty one is still written, as an empty array. */
    private void enter(int target) throws IOException {
        if (target == section) {
            return;
        }
        if (section >= 0) {
            json.writeEndArray();
        }
        for (int i = section + 1; i < target; i++) {
            json.writeArrayFieldStart(SECTIONS.get(i));
            json.writeEndArray();
        }
        if (target < SECTIONS.size()) {
            json.writeArrayFieldStart(SECTIONS.get(target));
            section = target;
        } else {
            section = Integer.MAX_VALUE;
        }
    }

    /** Enters the {@code target} section and starts an item of it with these string fields: name, value, name, value... */
    private void startItem(int target, String... namesAndValues) throws IOException {
        enter(target);
        json.writeStartObject();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            json.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
        }
    }

    /** Each access as {accountId, permissionSet[, group][, finding]}. */
    private void accesses(String field, List<Access> values, String finding) throws IOException {
        json.writeArrayFieldStart(field);
        for (Access access : values) {
            json.writeStartObject();
            json.writeStringField("accountId", access.accountId());
            json.writeStringField("permissionSet", access.permissionSet());
            if (access.group() != null) {
                json.writeStringField("group", access.group());
            }
            if (finding != null) {
                json.writeStringField("finding", finding);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void strings(String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
