package io.github.jmlidentity.functions.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.contract.AccessRulesSchema;
import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.MissingGroupPolicy;
import io.github.jmlidentity.functions.domain.AccessRule;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.Condition;
import io.github.jmlidentity.functions.domain.EffectiveDating;
import io.github.jmlidentity.functions.domain.HrAttribute;
import io.github.jmlidentity.functions.domain.InvalidAccessRulesException;
import io.github.jmlidentity.functions.domain.ManagedGroups;
import io.github.jmlidentity.functions.domain.MatchOperator;
import io.github.jmlidentity.functions.domain.RulesName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads config/access-rules.json (or the ACCESS_RULES inline JSON) and validates it with the one access-rules schema
 * (config/access-rules.schema.json, the same the CDK app validates with), every error naming the JSON pointer at
 * fault, then the cross-field rules in the domain (every granted group managed, unique rule names), so that a bad
 * rules file fails the deployment's first invocation loudly instead of provisioning the wrong groups.
 */
public final class AccessRulesLoader {

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
            root = AccessRulesSchema.read(json, origin);
        } catch (AccessRulesSchema.InvalidRulesDocument e) {
            throw new InvalidAccessRulesException(e.errors());
        }
        List<String> errors = AccessRulesSchema.errors(root);
        if (!errors.isEmpty()) {
            throw new InvalidAccessRulesException(errors.stream().map(e -> origin + " " + e).toList());
        }
        LeaverPolicy leaver = root.has(LeaverPolicy.KEY)
                ? LeaverPolicy.fromConfigName(root.get(LeaverPolicy.KEY).asText()).orElseThrow() : LeaverPolicy.DELETE;
        if (root.has(EffectiveDating.DELETE_AFTER_DAYS) && leaver != LeaverPolicy.SUSPEND_THEN_DELETE) {
            throw new InvalidAccessRulesException(List.of(origin + " /" + EffectiveDating.DELETE_AFTER_DAYS
                    + ": applies only to " + LeaverPolicy.KEY + " \"" + LeaverPolicy.SUSPEND_THEN_DELETE.configName()
                    + "\", but " + LeaverPolicy.KEY + " is \"" + leaver.configName() + "\""));
        }
        EffectiveDating dating = new EffectiveDating(
                root.path(EffectiveDating.HORIZON_DAYS).asInt(EffectiveDating.DEFAULT_HORIZON_DAYS),
                root.path(EffectiveDating.PRE_HIRE_LEAD_DAYS).asInt(EffectiveDating.DEFAULT_PRE_HIRE_LEAD_DAYS),
                root.path(EffectiveDating.DELETE_AFTER_DAYS).asInt(EffectiveDating.DEFAULT_DELETE_AFTER_DAYS));
        // The schema has checked every shape; the domain checks the cross-field rules and names the rule at fault.
        JsonNode managed = root.path("managedGroups");
        return new AccessRules(strings(root.path("defaultGroups")),
                new ManagedGroups(new LinkedHashSet<>(strings(managed.path("names"))),
                        managed.has("prefix") ? managed.get("prefix").asText() : null),
                rules(root.path("rules")), new LinkedHashSet<>(strings(root.path("protectedUsers"))),
                choice(root.path(MissingGroupPolicy.KEY), MissingGroupPolicy.class, MissingGroupPolicy.FAIL),
                leaver,
                root.path("massDeletionGuard").path("maxLeaversPerHour").asInt(DEFAULT_MAX_LEAVERS_PER_HOUR),
                choice(root.path(DirectAssignmentPolicy.KEY), DirectAssignmentPolicy.class,
                        DirectAssignmentPolicy.REMOVE),
                dating);
    }

    private static List<AccessRule> rules(JsonNode node) {
        List<AccessRule> rules = new ArrayList<>();
        for (JsonNode rule : node) {
            List<Condition> conditions = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : rule.path("match").properties()) {
                Map.Entry<String, JsonNode> test = field.getValue().properties().iterator().next();
                MatchOperator operator = RulesName.parse(MatchOperator.class, test.getKey()).orElseThrow();
                List<String> values = operator == MatchOperator.ANY_OF ? strings(test.getValue())
                        : List.of(nfc(test.getValue().asText()));
                conditions.add(new Condition(RulesName.parse(HrAttribute.class, field.getKey()).orElseThrow(), operator, values));
            }
            rules.add(new AccessRule(rule.path("name").asText(), conditions, strings(rule.path("groups"))));
        }
        return rules;
    }

    /** Text in NFC, as the event parser normalises HR values: a rule and an event spell a value alike. */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(nfc(value.asText())));
        return values;
    }

    private static String nfc(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    private static <E extends Enum<E>> E choice(JsonNode node, Class<E> type, E fallback) {
        return node.isMissingNode() ? fallback : Enum.valueOf(type, node.asText().toUpperCase(Locale.ROOT));
    }

    /** The attribute names rules may match on, for a check that the schema lists exactly these. */
    static Set<String> matchableAttributes() {
        Set<String> names = new LinkedHashSet<>();
        for (HrAttribute attribute : HrAttribute.values()) {
            names.add(attribute.fieldName());
        }
        return names;
    }
}
