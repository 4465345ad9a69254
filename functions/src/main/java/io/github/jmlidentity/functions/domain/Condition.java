package io.github.jmlidentity.functions.domain;

import java.util.List;
import java.util.Locale;

/** One condition of an access rule, e.g. department anyOf [Platform, SRE]. A missing attribute never matches. */
public record Condition(HrAttribute attribute, MatchOperator operator, List<String> values) {

    public Condition {
        values = List.copyOf(values);
    }

    public boolean matches(Employee employee) {
        String actual = employee.attribute(attribute);
        if (actual == null) {
            return false;
        }
        String value = actual.toLowerCase(Locale.ROOT);
        return switch (operator) {
            case EQUALS, ANY_OF -> values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(value));
            case PREFIX -> values.stream().anyMatch(v -> value.startsWith(v.toLowerCase(Locale.ROOT)));
        };
    }
}
