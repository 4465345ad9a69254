package io.github.jmlidentity.functions.domain;

import java.util.Arrays;
import java.util.Optional;

/** How a rule condition compares an HR attribute; comparisons ignore case because HR data is not consistent about it. */
public enum MatchOperator {
    EQUALS("equals"),
    ANY_OF("anyOf"),
    PREFIX("prefix");

    private final String jsonName;

    MatchOperator(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<MatchOperator> fromJsonName(String name) {
        return Arrays.stream(values()).filter(o -> o.jsonName.equals(name)).findFirst();
    }
}
