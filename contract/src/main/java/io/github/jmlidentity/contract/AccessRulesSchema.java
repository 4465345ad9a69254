package io.github.jmlidentity.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one schema of config/access-rules.json ({@value #FILE_NAME}, beside it in config/ and packaged in this jar),
 * and its validation: the functions run it when they load the rules, the CDK app when it synthesizes, so that a rules
 * file one of them accepts the other accepts too (e.g. {@code "leaverPolicy": "SUSPEND"} fails both, naming
 * {@code /leaverPolicy}). Each error names the JSON pointer of the value at fault.
 */
public final class AccessRulesSchema {

    public static final String FILE_NAME = "access-rules.schema.json";
    private static final String ID = "https://jmlidentity.github.io/schemas/" + FILE_NAME;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Schema SCHEMA = load();

    private AccessRulesSchema() {
    }

    /** The rules document, parsed (duplicate keys refused); errors name {@code origin}. */
    public static JsonNode read(String json, String origin) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new InvalidRulesDocument(List.of(origin + " is empty: it must hold a JSON object"));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidRulesDocument(List.of(origin + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())));
        }
    }

    /** Every way {@code rules} departs from the schema, each as "JSON pointer: problem"; empty when it follows it. */
    public static List<String> errors(JsonNode rules) {
        List<String> errors = new ArrayList<>();
        for (Error error : SCHEMA.validate(rules)) {
            errors.add(describe(error));
        }
        return errors.stream().distinct().toList();
    }

    private static String describe(Error error) {
        String pointer = pointer(error.getInstanceLocation().toString());
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return pointer.replaceAll("/$", "") + "/" + error.getProperty() + ": is required";
        }
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            return pointer.replaceAll("/$", "") + "/" + error.getProperty() + ": is not a known setting";
        }
        String message = error.getMessage();
        String at = error.getInstanceLocation().toString() + ": ";
        if (message.startsWith(at)) {
            message = message.substring(at.length());
        }
        return pointer + ": " + message;
    }

    /** The validator's location ($.rules[0].match or /rules/0/match) as a JSON pointer (RFC 6901). */
    static String pointer(String location) {
        if (location.startsWith("/") || location.isEmpty()) {
            return location.isEmpty() ? "/" : location;
        }
        String path = location.startsWith("$") ? location.substring(1) : location;
        StringBuilder pointer = new StringBuilder();
        for (String part : path.split("(?=[.\\[])")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.startsWith(".") ? part.substring(1)
                    : part.replaceAll("^\\['?", "").replaceAll("'?]$", "");
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.length() == 0 ? "/" : pointer.toString();
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaIdResolvers(resolvers -> resolvers.mapPrefix(ID, "classpath:io/github/jmlidentity/contract/" + FILE_NAME))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .errorMessageKeyword("errorMessage")
                        .locale(Locale.ROOT)
                        .build()));
        Schema schema = registry.getSchema(SchemaLocation.of(ID));
        schema.initializeValidators();
        return schema;
    }

    /** The rules document is not JSON, or not an object; each error names the file. */
    public static final class InvalidRulesDocument extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<String> errors;

        public InvalidRulesDocument(List<String> errors) {
            super(String.join("; ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }
}
