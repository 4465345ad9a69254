package io.github.jmlidentity.identitystore.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.identitystore.local.FaultSettings;
import java.util.Iterator;
import java.util.List;

/**
 * The body of {@code POST /_local/faults}: only the members present change. Every member is checked for its type
 * here and for its range by {@link FaultSettings}, so a typo or a string never silently leaves a fault off.
 */
final class FaultChanges {
    private static final List<String> MEMBERS = List.of("tps", "burst", "internalErrorRate", "latencyMillis",
            "randomSeed", "concurrentModificationRate");

    private FaultChanges() {
    }

    /** The settings with {@code changes} applied; IllegalArgumentException naming the member otherwise. */
    static FaultSettings apply(FaultSettings current, JsonNode changes) {
        for (Iterator<String> names = changes.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw new IllegalArgumentException("Unknown fault setting '" + name + "'; the settings are " + MEMBERS);
            }
        }
        return new FaultSettings(
                number(changes, "tps", current.tps()),
                (int) whole(changes, "burst", current.burst(), Integer.MAX_VALUE),
                number(changes, "internalErrorRate", current.internalErrorRate()),
                whole(changes, "latencyMillis", current.latencyMillis(), Long.MAX_VALUE),
                whole(changes, "randomSeed", current.randomSeed(), Long.MAX_VALUE),
                number(changes, "concurrentModificationRate", current.concurrentModificationRate()));
    }

    private static double number(JsonNode changes, String name, double current) {
        JsonNode value = changes.get(name);
        if (value == null) {
            return current;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new IllegalArgumentException(name + " must be a number, got " + value);
        }
        return value.doubleValue();
    }

    private static long whole(JsonNode changes, String name, long current, long max) {
        JsonNode value = changes.get(name);
        if (value == null) {
            return current;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() > max
                || value.longValue() < -max) {
            throw new IllegalArgumentException(name + " must be a whole number"
                    + (max == Integer.MAX_VALUE ? " up to " + max : "") + ", got " + value);
        }
        return value.longValue();
    }
}
