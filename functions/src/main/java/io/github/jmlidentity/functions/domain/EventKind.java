package io.github.jmlidentity.functions.domain;

import java.util.Optional;

/**
 * The three HR lifecycle events, keyed by their EventBridge detail-type. Declared in lifecycle order (joiner,
 * mover, leaver): OrderingPolicy breaks ties between events with the same effectiveAt by it.
 */
public enum EventKind {
    JOINED("Employee Joined", "joiner"),
    MOVED("Employee Moved", "mover"),
    LEFT("Employee Left", "leaver");

    private final String detailType;
    private final String functionName;

    EventKind(String detailType, String functionName) {
        this.detailType = detailType;
        this.functionName = functionName;
    }

    public String detailType() {
        return detailType;
    }

    /** The function that handles this kind: joiner, mover or leaver. */
    public String functionName() {
        return functionName;
    }

    public static Optional<EventKind> fromDetailType(String detailType) {
        for (EventKind kind : values()) {
            if (kind.detailType.equals(detailType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static Optional<EventKind> fromFunctionName(String name) {
        for (EventKind kind : values()) {
            if (kind.functionName.equalsIgnoreCase(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
