package io.github.jmlidentity.functions.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the access rules (and the event detail) name the constants of {@link HrAttribute} and {@link MatchOperator}:
 * the constant's name in lowerCamelCase, e.g. EMPLOYMENT_TYPE is {@code employmentType}, ANY_OF is {@code anyOf}.
 */
public final class RulesName {
    private RulesName() {
    }

    public static String of(Enum<?> constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    /** The constant of {@code type} the rules call {@code name}, if any (the case matters, as in the rules' schema). */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> of(constant).equals(name)).findFirst();
    }
}
