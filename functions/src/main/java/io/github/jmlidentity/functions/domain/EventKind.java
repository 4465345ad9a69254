package io.github.jmlidentity.functions.domain;

import io.github.jmlidentity.contract.LifecycleStage;

import java.util.List;
import java.util.Optional;

/**
 * The three HR lifecycle events, one per lifecycle stage of the contract (which names their EventBridge
 * detail-type and function). Declared in lifecycle order (joiner, mover, leaver): OrderingPolicy breaks ties between
 * events with the same effectiveAt by it. The names are stored in the ledger (lastEventKind).
 */
public enum EventKind {
    JOINED, MOVED, LEFT;

    public LifecycleStage stage() {
        return switch (this) {
            case JOINED -> LifecycleStage.JOINER;
            case MOVED -> LifecycleStage.MOVER;
            case LEFT -> LifecycleStage.LEAVER;
        };
    }

    public String detailType() {
        return stage().detailType();
    }

    /** The function that handles this kind: joiner, mover or leaver. */
    public String functionName() {
        return stage().functionName();
    }

    public static EventKind of(LifecycleStage stage) {
        return switch (stage) {
            case JOINER -> JOINED;
            case MOVER -> MOVED;
            case LEAVER -> LEFT;
        };
    }

    public static Optional<EventKind> fromDetailType(String detailType) {
        return LifecycleStage.fromDetailType(detailType).map(EventKind::of);
    }

    public static Optional<EventKind> fromFunctionName(String name) {
        return LifecycleStage.fromFunctionName(name).map(EventKind::of);
    }

    /**
     * Why a function that handles {@code expected} refuses an event of this kind, or empty when it takes it
     * ({@code expected} null: any function, routed by detail-type).
     */
    public List<Violation> refusedBy(EventKind expected) {
        if (expected == null || expected == this) {
            return List.of();
        }
        return List.of(new Violation("detail-type", "'" + detailType() + "' is not handled by the "
                + expected.functionName() + " function, which takes '" + expected.detailType() + "'"));
    }
}
