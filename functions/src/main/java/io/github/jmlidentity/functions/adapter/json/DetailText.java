package io.github.jmlidentity.functions.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.domain.Violation;
import io.github.jmlidentity.functions.domain.text.InvisibleCharacters;
import io.github.jmlidentity.functions.domain.text.ScriptMix;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text checks of the event parser that a JSON Schema cannot express: every text value of the detail in Unicode
 * NFC (so that {@code josé} typed as e + U+0301 is the same user name, department or title as {@code josé}), no
 * invisible characters in the values that reach the directory or a rule, and user names in one script.
 */
final class DetailText {

    /** The detail's text fields that reach the directory, a rule or a protected-name comparison. */
    static final List<String> CHECKED_FIELDS = List.of("userName", "givenName", "familyName", "displayName", "email",
            "title", "department", "division", "organization", "costCenter", "location", "employmentType");

    private DetailText() {
    }

    /** Every text value of the detail, in NFC (before the schema validates them). */
    static void normalise(JsonNode detail) {
        if (!(detail instanceof ObjectNode object)) {
            return;
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = object.get(name);
            if (value.isTextual() && !Normalizer.isNormalized(value.asText(), Normalizer.Form.NFC)) {
                object.put(name, Normalizer.normalize(value.asText(), Normalizer.Form.NFC));
            }
        }
    }

    /**
     * Invisible characters and mixed-script user names. Fields the schema already refused are not checked again.
     * A reason names the character by code point and the scripts by name, never the value.
     */
    static List<Violation> violations(JsonNode detail, Set<String> refusedFields) {
        List<Violation> violations = new ArrayList<>();
        for (String field : CHECKED_FIELDS) {
            String path = "detail." + field;
            JsonNode value = detail.path(field);
            if (!value.isTextual() || refusedFields.contains(path)) {
                continue;
            }
            OptionalInt invisible = InvisibleCharacters.firstIn(value.asText());
            if (invisible.isPresent()) {
                violations.add(new Violation(path, "contains " + InvisibleCharacters.describe(invisible.getAsInt())
                        + ", an invisible character: refused so that a value cannot pass for another"));
            } else if (field.equals("userName") && ScriptMix.isMixed(value.asText())) {
                violations.add(new Violation(path, "mixes the " + ScriptMix.scripts(value.asText()).stream()
                        .map(DetailText::scriptName).sorted().collect(Collectors.joining(" and "))
                        + " scripts: a user name is written in one script (or Latin with Han and Japanese kana,"
                        + " Bopomofo or Hangul), so that it cannot pass for another"));
            }
        }
        return violations;
    }

    /** A user name with no invisible character, in one script: one a record may name. */
    static boolean isPlainUserName(String userName) {
        return InvisibleCharacters.firstIn(userName).isEmpty() && !ScriptMix.isMixed(userName);
    }

    private static String scriptName(UnicodeScript script) {
        String name = script.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
