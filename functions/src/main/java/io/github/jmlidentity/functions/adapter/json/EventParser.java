package io.github.jmlidentity.functions.adapter.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.functions.application.audit.EventIdentity;
import io.github.jmlidentity.functions.application.port.out.EnvelopeParser;
import io.github.jmlidentity.functions.domain.Employee;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.InvalidEventException;
import io.github.jmlidentity.functions.domain.Violation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that parses HR event envelopes: size limit, JSON, the JSON Schemas of events/schemas (2020-12),
 * then the checks a schema cannot express (configured source, the function's detail-type, reserved user names).
 * Every violation found is reported, each naming its field.
 */
public final class EventParser implements EnvelopeParser {

    /** Far above a real HR event (about 1 KiB) and below EventBridge's 256 KiB entry limit. */
    public static final int MAX_EVENT_BYTES = 64 * 1024;
    public static final String DEFAULT_SOURCE = FunctionEnvironment.DEFAULT_HR_EVENT_SOURCE;
    private static final Set<String> RESERVED_USER_NAMES = Set.of("administrator", "awsadministrators");
    private static final String SCHEMA_BASE = "https://jmlidentity.github.io/schemas/";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Map<EventKind, String> SCHEMA_FILES = new EnumMap<>(Map.of(
            EventKind.JOINED, "employee-joined.schema.json",
            EventKind.MOVED, "employee-moved.schema.json",
            EventKind.LEFT, "employee-left.schema.json",
            EventKind.CANCELLED, "employee-change-cancelled.schema.json"));
    private static final String ENVELOPE_SCHEMA_FILE = "envelope.schema.json";

    /** Only for naming the event a duplicate field made invalid (see identify). */
    private static final ObjectMapper LENIENT = new ObjectMapper();

    private final String source;
    private final SchemaRegistry registry;
    /** By file name; each is loaded and resolved once, on first use or at init. */
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /**
     * @param loadSchemasNow load and resolve every schema now: a Lambda function does it at init, so that its first
     *                       invocation does not pay for it (and a SnapStart snapshot keeps it); a one-shot command
     *                       loads only the schema of the events it is given, when it is given them
     */
    public EventParser(String source, boolean loadSchemasNow) {
        this.source = source;
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE, "classpath:schemas/"))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .errorMessageKeyword("errorMessage")
                        .locale(Locale.ROOT)
                        .build()));
        if (loadSchemasNow) {
            schema(ENVELOPE_SCHEMA_FILE);
            SCHEMA_FILES.values().forEach(this::schema);
        }
    }

    /** Every schema loaded now, as a Lambda function's init does. */
    public EventParser(String source) {
        this(source, true);
    }

    public EventParser() {
        this(DEFAULT_SOURCE);
    }

    public String source() {
        return source;
    }

    /**
     * Parses an envelope meant for the function that handles {@code expected}, or for any function when
     * {@code expected} is null (`jml invoke auto`).
     *
     * @throws InvalidEventException naming every bad field
     */
    @Override
    public HrEvent parse(byte[] raw, EventKind expected) {
        if (raw.length > MAX_EVENT_BYTES) {
            throw invalid("event", "is " + raw.length + " bytes, more than the " + MAX_EVENT_BYTES + "-byte limit");
        }
        JsonNode root;
        try {
            root = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw invalid("event", "is not valid JSON: " + syntaxError(e));
        } catch (java.io.IOException e) {
            throw invalid("event", "could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("event", "must be a JSON object (an EventBridge envelope), was "
                    + (root == null || root.isMissingNode() ? "empty" : root.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return parse(root, expected);
    }

    /**
     * Validates an envelope already read as JSON (e.g. one a roster row is wrapped in, so that the row is checked by
     * the same schemas as an event).
     *
     * @throws InvalidEventException naming every bad field
     */
    public HrEvent parse(JsonNode root, EventKind expected) {
        EventKind kind = EventKind.fromDetailType(root.path("detail-type").asText(null)).orElse(null);
        JsonNode detail = root.path("detail");
        // NFC first: the schema, the rules and the directory all see one form of each name.
        DetailText.normalise(detail);
        List<Violation> violations = new ArrayList<>();
        Schema schema = schema(kind == null ? ENVELOPE_SCHEMA_FILE : SCHEMA_FILES.get(kind));
        for (Error error : schema.validate(root)) {
            violations.add(toViolation(error));
        }
        violations.addAll(DetailText.violations(detail,
                violations.stream().map(Violation::field).collect(Collectors.toSet())));
        String actualSource = root.path("source").asText(null);
        if (actualSource != null && !actualSource.isEmpty() && !actualSource.equals(source)) {
            // Quoted only when it looks like an event source: a reason never repeats arbitrary text.
            violations.add(new Violation("source", (SOURCE_PATTERN.matcher(actualSource).matches()
                    ? "'" + actualSource + "' is" : "the value is") + " not the configured HR event source '" + source
                    + "' (HR_EVENT_SOURCE)"));
        }
        if (kind != null) {
            violations.addAll(kind.refusedBy(expected));
        }
        String userName = detail.path("userName").isTextual() ? detail.path("userName").asText() : null;
        if (userName != null && RESERVED_USER_NAMES.contains(userName.toLowerCase(Locale.ROOT))) {
            violations.add(new Violation("detail.userName", "'" + userName
                    + "' is reserved by the Identity Store (Administrator, AWSAdministrators)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidEventException(dedupe(violations));
        }
        return toEvent(root, kind, detail);
    }

    /** An event that could not be parsed: names what can safely be read from it, nothing else. */
    @Override
    public EventIdentity identify(byte[] raw) {
        JsonNode root = JSON.missingNode();
        String duplicated = null;
        if (raw.length <= MAX_EVENT_BYTES) {
            try {
                JsonNode parsed = JSON.readTree(raw);
                root = parsed == null ? root : parsed;
            } catch (JsonProcessingException e) {
                // A field given twice names nothing (read leniently, the last value would win, and the record could
                // name a user the event did not mean); the other fields still identify the event.
                duplicated = duplicateField(e);
                root = duplicated == null ? root : lenient(raw);
            } catch (java.io.IOException | RuntimeException unreadable) {
                // The parse failure's reason already says the JSON is invalid.
            }
        }
        JsonNode detail = root.path("detail");
        String detailType = "detail-type".equals(duplicated) ? null
                : EventKind.fromDetailType(root.path("detail-type").asText(null)).map(EventKind::detailType).orElse(null);
        String userName = "userName".equals(duplicated) ? null : identifier(detail.path("userName"), USER_NAME);
        if (userName != null && !DetailText.isPlainUserName(userName)) {
            userName = null;
        }
        return new EventIdentity(identifier(root, "id", TOKEN, duplicated),
                identifier(detail, "eventId", TOKEN, duplicated), detailType,
                identifier(detail, "employeeId", EMPLOYEE_ID, duplicated), userName, null);
    }

    /** The field's value if it matches its identifier pattern and was not given twice, else null. */
    private static String identifier(JsonNode parent, String field, Pattern pattern, String duplicated) {
        return field.equals(duplicated) ? null : identifier(parent.path(field), pattern);
    }

    private static String duplicateField(JsonProcessingException e) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        return duplicate.find() ? duplicate.group(1) : null;
    }

    private static JsonNode lenient(byte[] raw) {
        try {
            JsonNode parsed = LENIENT.readTree(raw);
            return parsed == null ? JSON.missingNode() : parsed;
        } catch (java.io.IOException | RuntimeException unreadable) {
            return JSON.missingNode();
        }
    }

    /**
     * Minimal personal data in the record of an event that was refused: only values that match their identifier's
     * pattern (envelope and HR event ids, employee id, a valid user name); anything else is left out.
     */
    private static String identifier(JsonNode node, Pattern pattern) {
        return node.isTextual() && node.asText().length() <= 128 && pattern.matcher(node.asText()).matches()
                ? node.asText() : null;
    }

    /** The identifier patterns of envelope.schema.json ($defs token, employeeId, userName) and of an event source. */
    private static final Pattern TOKEN = Pattern.compile("[^\\x00-\\x1F\\x7F\\s]+");
    private static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");
    private static final Pattern SOURCE_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,255}");
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '([^']*)'");

    /** A field name safe to quote back: the schema's names are of this form. */
    private static final java.util.regex.Pattern FIELD_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    /**
     * What is wrong and where, without the offending text: Jackson quotes the token it choked on (e.g. an unquoted
     * e-mail address), which must not reach the audit record. Only a duplicate field's name is kept, when it looks
     * like a field name.
     */
    static String syntaxError(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        String what;
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("^Duplicate field '([^']*)'").matcher(original);
        if (duplicate.find() && FIELD_NAME.matcher(duplicate.group(1)).matches()) {
            what = "Duplicate field '" + duplicate.group(1) + "'";
        } else {
            int cut = original.length();
            for (char c : new char[] {'(', '\'', '"', ':', '\n'}) {
                int at = original.indexOf(c);
                if (at >= 0 && at < cut) {
                    cut = at;
                }
            }
            what = original.substring(0, cut).trim();
            if (what.isEmpty()) {
                what = "syntax error";
            }
        }
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? what
                : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static HrEvent toEvent(JsonNode root, EventKind kind, JsonNode detail) {
        String employeeId = text(detail, "employeeId");
        Employee employee = kind == EventKind.LEFT || kind == EventKind.CANCELLED ? null : new Employee(
                employeeId,
                text(detail, "userName"),
                text(detail, "givenName"),
                text(detail, "familyName"),
                text(detail, "displayName"),
                text(detail, "email"),
                text(detail, "title"),
                text(detail, "department"),
                text(detail, "division"),
                text(detail, "organization"),
                text(detail, "costCenter"),
                text(detail, "managerEmployeeId"),
                text(detail, "location"),
                text(detail, "employmentType"),
                text(detail, "locale"),
                text(detail, "timezone"),
                text(detail, "preferredLanguage"));
        JsonNode sequence = detail.path("sequence");
        return new HrEvent(text(root, "id"), text(detail, "eventId"), kind, employeeId,
                instant(text(detail, "effectiveAt"), "detail.effectiveAt"), employee, text(detail, "userName"),
                text(detail, "reason"), instant(text(root, "time"), "time"),
                sequence.isIntegralNumber() ? sequence.longValue() : null,
                kind == EventKind.CANCELLED ? text(detail, "cancelsEventId") : null, null);
    }

    /** The schema has checked the format; this only converts (RFC 3339 allows offsets and fractions). */
    private static Instant instant(String value, String field) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, "is not an RFC 3339 timestamp with a time zone, e.g. 2026-01-15T09:00:00Z");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Violation toViolation(Error error) {
        String at = error.getInstanceLocation().toString();
        String field = fieldName(at);
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return new Violation(field.isEmpty() ? error.getProperty() : field + "." + error.getProperty(),
                    "is required");
        }
        String message = error.getMessage();
        String prefix = at + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        return new Violation(field.isEmpty() ? "event" : field, message);
    }

    /** JSON pointer (/detail/userName) to the dotted name used in every reason (detail.userName). */
    private static String fieldName(String pointer) {
        String path = pointer.startsWith("$") ? pointer.substring(1) : pointer;
        path = path.startsWith("/") || path.startsWith(".") ? path.substring(1) : path;
        return path.replace('/', '.').replace("~1", "/").replace("~0", "~");
    }

    private static List<Violation> dedupe(List<Violation> violations) {
        return violations.stream().distinct().toList();
    }

    private static InvalidEventException invalid(String field, String problem) {
        return new InvalidEventException(List.of(new Violation(field, problem)));
    }

    private Schema schema(String file) {
        return schemas.computeIfAbsent(file, name -> {
            Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + name));
            schema.initializeValidators();
            return schema;
        });
    }

    static {
        // Deeply nested or huge documents are refused by the size limit; keep Jackson's own limits tight too.
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }
}
