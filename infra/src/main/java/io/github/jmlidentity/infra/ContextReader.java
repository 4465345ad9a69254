package io.github.jmlidentity.infra;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** Typed access to raw CDK context values ({@link StackSettings}, {@link ReconcileSettings}); every failure names the key. */
record ContextReader(Function<String, Object> context) {

    Optional<String> string(String key) {
        Object raw = context.apply(key);
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof String) && !(raw instanceof Number) && !(raw instanceof Boolean)) {
            throw new InvalidContextException(key, "expected a single value, got " + raw);
        }
        String value = raw.toString().trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    int integer(String key, int defaultValue, int min, int max) {
        Object raw = context.apply(key);
        int value;
        if (raw == null || raw.toString().isBlank()) {
            return defaultValue;
        } else if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            value = number.intValue();
        } else {
            try {
                value = Integer.parseInt(raw.toString().trim());
            } catch (NumberFormatException e) {
                throw new InvalidContextException(key, quote(raw.toString()) + " is not a whole number");
            }
        }
        if (value < min || value > max) {
            throw new InvalidContextException(key, value + " is out of range: expected "
                    + (max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max));
        }
        return value;
    }

    /** {@link #integer} for a key without a default: empty when absent. */
    Optional<Integer> optionalInteger(String key, int min, int max) {
        return string(key).map(value -> integer(key, 0, min, max));
    }

    boolean bool(String key, boolean defaultValue) {
        Object raw = context.apply(key);
        if (raw == null || raw.toString().isBlank()) {
            return defaultValue;
        }
        return switch (raw.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidContextException(key, quote(raw.toString()) + " is not true or false");
        };
    }

    <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        return string(key).map(value -> parseChoice(key, value, type, ""));
    }

    static <E extends Enum<E>> E parseChoice(String key, String value, Class<E> type, String where) {
        for (E candidate : type.getEnumConstants()) {
            if (lower(candidate).equalsIgnoreCase(value.trim().replace('_', '-'))) {
                return candidate;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E candidate : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : " or ").append(lower(candidate));
        }
        throw new InvalidContextException(key, quote(value) + where + " is not a valid choice: expected " + allowed);
    }

    /** The value of {@code key} when given; one that fails {@code valid} is refused: quoted, then {@code problem}. */
    Optional<String> checked(String key, Predicate<String> valid, String problem) {
        Optional<String> value = string(key);
        value.ifPresent(v -> {
            if (!valid.test(v)) {
                throw new InvalidContextException(key, quote(v) + problem);
            }
        });
        return value;
    }

    /** {@link #checked} with a default for an absent key (the default is checked too). */
    String checked(String key, String defaultValue, Predicate<String> valid, String problem) {
        String value = string(key).orElse(defaultValue);
        if (!valid.test(value)) {
            throw new InvalidContextException(key, quote(value) + problem);
        }
        return value;
    }

    /** How a choice is written in context and in access-rules.json: lower case, words joined by '-'. */
    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String quote(String value) {
        return "'" + value + "'";
    }
}
