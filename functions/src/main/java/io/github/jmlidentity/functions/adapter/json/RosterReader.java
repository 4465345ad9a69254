package io.github.jmlidentity.functions.adapter.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.jmlidentity.functions.application.port.out.RosterParser;
import io.github.jmlidentity.functions.application.port.out.RosterSource;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.InvalidEventException;
import io.github.jmlidentity.functions.domain.Violation;
import io.github.jmlidentity.functions.domain.reconcile.InvalidRosterException;
import io.github.jmlidentity.functions.domain.reconcile.Roster;
import io.github.jmlidentity.functions.domain.reconcile.RosterEmployee;
import io.github.jmlidentity.functions.domain.reconcile.RosterProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an HR roster: CSV with a header (jackson-dataformat-csv; columns in any order, a UTF-8 byte order mark
 * accepted, quoted fields may hold commas, quotes and line breaks, empty cells are absent values), or JSON Lines of
 * the event detail shape (one object per line). Each row is wrapped in an EventBridge envelope and validated by the
 * {@link EventParser}'s own schemas: an active row as an Employee Moved detail, a terminated row as an Employee Left
 * detail. Every problem names its line and field; any problem refuses the whole roster (a row left out would look
 * like a leaver). Unknown columns are refused too: in a snapshot an absent attribute means "remove it", so a
 * misspelt header must not empty every employee's department.
 */
public final class RosterReader implements RosterParser {

    /** The columns a CSV header must name. */
    public static final List<String> REQUIRED = List.of("employeeId", "userName", "givenName", "familyName", "email");
    /** Every column (and JSON field) a roster may have: the event detail's, plus status. */
    public static final List<String> FIELDS = List.of("employeeId", "userName", "givenName", "familyName", "email",
            "displayName", "title", "department", "division", "organization", "costCenter", "managerEmployeeId",
            "location", "employmentType", "locale", "timezone", "preferredLanguage", "status");
    static final String STATUS = "status";
    /** Detail fields a JSON line may carry from an event; a roster row is dated by the reconcile's as-of instead. */
    private static final Set<String> REPLACED = Set.of("eventId", "effectiveAt");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final String PLACEHOLDER_TIME = "2000-01-01T00:00:00Z";

    private final EventParser events;

    public RosterReader(EventParser events) {
        this.events = events;
    }

    @Override
    public Roster parse(RosterSource.Document document) {
        byte[] content = withoutByteOrderMark(document.content());
        Rows rows = new Rows();
        if (isJsonLines(content)) {
            readJsonLines(content, rows);
        } else {
            readCsv(content, rows);
        }
        if (!rows.problems.isEmpty()) {
            throw new InvalidRosterException(document.name(), rows.problems);
        }
        if (rows.employees.isEmpty()) {
            throw new InvalidRosterException(document.name(), List.of(new RosterProblem(0, "roster",
                    "has no employee: an empty snapshot would make every managed user a leaver")));
        }
        return new Roster(document.name(), document.takenAt(), rows.employees);
    }

    private void readCsv(byte[] content, Rows rows) {
        try (InputStream in = new ByteArrayInputStream(content);
             CsvParser parser = (CsvParser) CSV.getFactory().createParser(in)) {
            parser.setSchema(CsvSchema.emptySchema().withHeader());
            JsonToken token = parser.nextToken();
            List<String> header = new ArrayList<>();
            parser.getSchema().forEach(column -> header.add(column.getName()));
            if (!checkHeader(header, rows)) {
                return;
            }
            ObjectNode detail = null;
            long line = 0;
            int fields = 0;
            for (; token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> {
                        detail = JsonNodeFactory.instance.objectNode();
                        line = 0;
                        fields = 0;
                    }
                    case FIELD_NAME -> {
                        if (line == 0) {
                            line = parser.currentTokenLocation().getLineNr();
                        }
                    }
                    case VALUE_STRING -> {
                        fields++;
                        String value = parser.getText().strip();
                        if (!value.isEmpty()) {
                            detail.put(parser.currentName(), value);
                        }
                    }
                    case END_OBJECT -> {
                        if (fields < header.size()) {
                            rows.problem(line, header.get(fields), "missing: the row has " + fields
                                    + " fields, the header " + header.size());
                        } else {
                            row(line, detail, rows);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (JsonProcessingException malformed) {
            long at = malformed.getLocation() == null ? 0 : malformed.getLocation().getLineNr();
            rows.problem(at, "csv", "not valid CSV: " + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            rows.problem(0, "roster", "cannot be read: " + unreadable.getMessage());
        }
    }

    private static boolean checkHeader(List<String> header, Rows rows) {
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                rows.problem(1, column, "the header names this column twice");
            } else if (!FIELDS.contains(column)) {
                rows.problem(1, column, "unknown column (a roster has " + String.join(",", FIELDS) + ")");
            }
        }
        for (String column : REQUIRED) {
            if (!seen.contains(column)) {
                rows.problem(1, column, "the header must name it (required: " + String.join(",", REQUIRED) + ")");
            }
        }
        return rows.problems.isEmpty();
    }

    private void readJsonLines(byte[] content, Rows rows) {
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            long line = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(lines[i]);
            } catch (JsonProcessingException e) {
                rows.problem(line, "json", "not valid JSON: " + EventParser.syntaxError(e));
                continue;
            }
            if (node == null || !node.isObject()) {
                rows.problem(line, "json", "must be a JSON object of the event detail shape");
                continue;
            }
            // Parsed for this line alone: edited in place.
            ObjectNode detail = (ObjectNode) node;
            REPLACED.forEach(detail::remove);
            List<String> unknown = new ArrayList<>();
            detail.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    unknown.add(name);
                }
            });
            if (!unknown.isEmpty()) {
                unknown.forEach(name -> rows.problem(line, name, "unknown field (a roster row has "
                        + String.join(",", FIELDS) + ")"));
                continue;
            }
            row(line, detail, rows);
        }
    }

    /** Validates one row by the schema of the event it stands for and keeps it, or records why not. */
    private void row(long line, ObjectNode detail, Rows rows) {
        JsonNode statusNode = detail.remove(STATUS);
        String status = statusNode == null ? "active" : statusNode.isTextual() ? statusNode.asText() : "";
        boolean terminated;
        switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "", "active" -> terminated = false;
            case "terminated" -> terminated = true;
            default -> {
                rows.problem(line, STATUS, "must be active or terminated"
                        + (statusNode != null && statusNode.isTextual() ? ", was '" + status + "'" : ""));
                return;
            }
        }
        detail.put("eventId", "roster-line-" + line);
        detail.put("effectiveAt", PLACEHOLDER_TIME);
        EventKind kind = terminated ? EventKind.LEFT : EventKind.MOVED;
        ObjectNode envelope = JsonNodeFactory.instance.objectNode()
                .put("version", "0").put("id", "roster-line-" + line).put("detail-type", kind.detailType())
                .put("source", events.source()).put("account", "000000000000").put("time", PLACEHOLDER_TIME)
                .put("region", "us-east-1");
        envelope.putArray("resources");
        envelope.set("detail", detail);
        HrEvent event;
        try {
            event = events.parse(envelope, kind);
        } catch (InvalidEventException invalid) {
            for (Violation violation : invalid.violations()) {
                rows.problem(line, violation.field().startsWith("detail.") ? violation.field().substring(7)
                        : violation.field(), violation.problem());
            }
            return;
        }
        RosterEmployee employee = terminated
                ? RosterEmployee.terminated(line, event.employeeId(), event.userName())
                : RosterEmployee.active(line, event.employee());
        rows.add(employee);
    }

    private static boolean isJsonLines(byte[] content) {
        for (byte b : content) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static byte[] withoutByteOrderMark(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            return java.util.Arrays.copyOfRange(content, 3, content.length);
        }
        return content;
    }

    /** The rows read so far, the problems found, and the duplicate checks. */
    private static final class Rows {
        final List<RosterEmployee> employees = new ArrayList<>();
        final List<RosterProblem> problems = new ArrayList<>();
        final Map<String, Long> employeeIds = new HashMap<>();
        final Map<String, Long> userNames = new HashMap<>();

        void problem(long line, String field, String problem) {
            problems.add(new RosterProblem(line, field, problem));
        }

        void add(RosterEmployee employee) {
            boolean unique = unique(employee, "employeeId", employee.employeeId(), employeeIds);
            if (employee.userName() != null) {
                unique &= unique(employee, "userName", employee.userName().toLowerCase(Locale.ROOT), userNames);
            }
            if (unique) {
                employees.add(employee);
            }
        }

        private boolean unique(RosterEmployee employee, String field, String key, Map<String, Long> seen) {
            Long earlier = seen.putIfAbsent(key, employee.line());
            if (earlier != null) {
                problem(employee.line(), field, "'" + key + "' is also on line " + earlier
                        + ": each employee and user name appears once in a roster");
                return false;
            }
            return true;
        }
    }
}
