package io.github.jmlidentity.functions.adapter.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.MissingGroupPolicy;
import io.github.jmlidentity.functions.domain.AccessRule;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.Condition;
import io.github.jmlidentity.functions.domain.HrAttribute;
import io.github.jmlidentity.functions.domain.InvalidAccessRulesException;
import io.github.jmlidentity.functions.domain.ManagedGroups;
import io.github.jmlidentity.functions.domain.MatchOperator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads config/access-rules.json (or the ACCESS_RULES inline JSON) and validates it, every error naming the
 * rule or field, so that a bad rules file fails the deployment's first invocation loudly instead of
 * provisioning the wrong groups.
 */
public final class AccessRulesLoader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> TOP_LEVEL = Set.of("description", "$comment", "defaultGroups", "managedGroups",
            "rules", "protectedUsers", MissingGroupPolicy.KEY, LeaverPolicy.KEY, "massDeletionGuard",
            DirectAssignmentPolicy.KEY);
    private static final int DEFAULT_MAX_LEAVERS_PER_HOUR = 25;

    private AccessRulesLoader() {
    }

    public static AccessRules load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidAccessRulesException(List.of("access rules file " + file + " does not exist"));
        } catch (IOException e) {
            throw new InvalidAccessRulesException(List.of("access rules file " + file + " cannot be read: " + e));
        }
    }

    public static AccessRules parse(String json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidAccessRulesException(List.of(origin + " is not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidAccessRulesException(List.of(origin + " must hold a JSON object"));
        }
        List<String> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                errors.add("'" + name + "' is not a known setting (known: " + String.join(", ", TOP_LEVEL) + ")");
            }
        });
        List<String> defaultGroups = strings(root.path("defaultGroups"), "defaultGroups", errors);
        ManagedGroups managed = managedGroups(root.path("managedGroups"), errors);
        List<AccessRule> rules = rules(root.path("rules"), errors);
        Set<String> protectedUsers = new LinkedHashSet<>(strings(root.path("protectedUsers"), "protectedUsers", errors));
        MissingGroupPolicy missing = choice(root.path(MissingGroupPolicy.KEY), MissingGroupPolicy.KEY,
                MissingGroupPolicy.class, MissingGroupPolicy.FAIL, errors);
        LeaverPolicy leaver = choice(root.path(LeaverPolicy.KEY), LeaverPolicy.KEY, LeaverPolicy.class,
                LeaverPolicy.DELETE, errors);
        int maxLeavers = maxLeaversPerHour(root.path("massDeletionGuard"), errors);
        DirectAssignmentPolicy direct = choice(root.path(DirectAssignmentPolicy.KEY), DirectAssignmentPolicy.KEY,
                DirectAssignmentPolicy.class, DirectAssignmentPolicy.REMOVE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidAccessRulesException(errors);
        }
        // The domain checks the cross-field rules (managed groups, unique rule names) and names the rule at fault.
        return new AccessRules(defaultGroups, managed, rules, protectedUsers, missing, leaver, maxLeavers, direct);
    }

    private static ManagedGroups managedGroups(JsonNode node, List<String> errors) {
        if (node.isMissingNode()) {
            errors.add("managedGroups is required: name the groups the functions may add and remove (names and/or prefix)");
            return new ManagedGroups(Set.of(), null);
        }
        List<String> names = strings(node.path("names"), "managedGroups.names", errors);
        String prefix = null;
        if (!node.path("prefix").isMissingNode()) {
            if (!node.path("prefix").isTextual() || node.path("prefix").asText().isBlank()) {
                errors.add("managedGroups.prefix must be a non-empty string");
            } else {
                prefix = node.path("prefix").asText();
            }
        }
        if (names.isEmpty() && prefix == null) {
            errors.add("managedGroups must have names and/or a prefix");
        }
        return new ManagedGroups(new LinkedHashSet<>(names), prefix);
    }

    private static List<AccessRule> rules(JsonNode node, List<String> errors) {
        List<AccessRule> rules = new ArrayList<>();
        if (node.isMissingNode()) {
            return rules;
        }
        if (!node.isArray()) {
            errors.add("rules must be an array of rules");
            return rules;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode rule = node.get(i);
            String name = rule.path("name").isTextual() && !rule.path("name").asText().isBlank()
                    ? rule.path("name").asText() : null;
            String where = name == null ? "rules[" + i + "]" : "rule '" + name + "' (rules[" + i + "])";
            if (name == null) {
                errors.add(where + ": needs a non-empty 'name'");
            }
            rule.fieldNames().forEachRemaining(field -> {
                if (!Set.of("name", "match", "groups", "description").contains(field)) {
                    errors.add(where + ": '" + field + "' is not a rule field (name, match, groups, description)");
                }
            });
            List<Condition> conditions = conditions(rule.path("match"), where, errors);
            List<String> groups = strings(rule.path("groups"), where + ".groups", errors);
            rules.add(new AccessRule(name == null ? "rules[" + i + "]" : name, conditions, groups));
        }
        return rules;
    }

    private static List<Condition> conditions(JsonNode match, String where, List<String> errors) {
        List<Condition> conditions = new ArrayList<>();
        if (!match.isObject()) {
            errors.add(where + ": 'match' must be an object such as {\"department\": {\"equals\": \"Engineering\"}}");
            return conditions;
        }
        for (Map.Entry<String, JsonNode> field : match.properties()) {
            HrAttribute attribute = HrAttribute.fromFieldName(field.getKey()).orElse(null);
            if (attribute == null) {
                errors.add(where + ": cannot match on '" + field.getKey() + "' (attributes: "
                        + HrAttribute.allFieldNames() + ")");
                continue;
            }
            JsonNode test = field.getValue();
            if (!test.isObject() || test.size() != 1) {
                errors.add(where + ": match." + field.getKey() + " must have exactly one of equals, anyOf, prefix");
                continue;
            }
            String op = test.fieldNames().next();
            MatchOperator operator = MatchOperator.fromJsonName(op).orElse(null);
            if (operator == null) {
                errors.add(where + ": match." + field.getKey() + " uses unknown operator '" + op
                        + "' (equals, anyOf, prefix)");
                continue;
            }
            JsonNode value = test.get(op);
            List<String> values;
            if (operator == MatchOperator.ANY_OF) {
                values = strings(value, where + ": match." + field.getKey() + ".anyOf", errors);
                if (values.isEmpty()) {
                    errors.add(where + ": match." + field.getKey() + ".anyOf must list at least one value");
                }
            } else if (value.isTextual() && !value.asText().isEmpty()) {
                values = List.of(value.asText());
            } else {
                errors.add(where + ": match." + field.getKey() + "." + op + " must be a non-empty string");
                continue;
            }
            conditions.add(new Condition(attribute, operator, values));
        }
        return conditions;
    }

    private static List<String> strings(JsonNode node, String where, List<String> errors) {
        List<String> values = new ArrayList<>();
        if (node.isMissingNode()) {
            return values;
        }
        if (!node.isArray()) {
            errors.add(where + " must be an array of strings");
            return values;
        }
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isBlank()) {
                errors.add(where + " must hold non-empty strings, found " + value);
            } else {
                values.add(value.asText());
            }
        }
        return values;
    }

    private static <E extends Enum<E>> E choice(JsonNode node, String where, Class<E> type, E fallback,
                                                List<String> errors) {
        if (node.isMissingNode()) {
            return fallback;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().toLowerCase(Locale.ROOT).equals(node.asText())) {
                return value;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            allowed.add("\"" + value.name().toLowerCase(Locale.ROOT) + "\"");
        }
        errors.add(where + " must be " + String.join(" or ", allowed) + ", was " + node);
        return fallback;
    }

    private static int maxLeaversPerHour(JsonNode node, List<String> errors) {
        if (node.isMissingNode()) {
            return DEFAULT_MAX_LEAVERS_PER_HOUR;
        }
        JsonNode max = node.path("maxLeaversPerHour");
        if (!max.isInt() || max.asInt() < 1) {
            errors.add("massDeletionGuard.maxLeaversPerHour must be a whole number of at least 1, was " + max);
            return DEFAULT_MAX_LEAVERS_PER_HOUR;
        }
        return max.asInt();
    }
}
