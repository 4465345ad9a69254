package io.github.jmlidentity.functions.domain;

import io.github.jmlidentity.contract.EffectiveDatingFunction;
import io.github.jmlidentity.contract.LifecycleStage;

import java.util.List;
import java.util.Optional;

/**
 * The HR events: the three lifecycle events, one per lifecycle stage of the contract (which names their EventBridge
 * detail-type and function), and the cancellation of a pending change (the contract's canceller function). The
 * lifecycle events are declared in lifecycle order (joiner, mover, leaver): OrderingPolicy breaks ties between events
 * with the same effectiveAt by it; a cancellation never reaches the ordering. The names are stored in the ledger
 * (lastEventKind).
 */
public enum EventKind {
    JOINED, MOVED, LEFT, CANCELLED;

    /** The lifecycle stage of a joiner, mover or leaver; empty for a cancellation. */
    public Optional<LifecycleStage> stage() {
        return switch (this) {
            case JOINED -> Optional.of(LifecycleStage.JOINER);
            case MOVED -> Optional.of(LifecycleStage.MOVER);
            case LEFT -> Optional.of(LifecycleStage.LEAVER);
            case CANCELLED -> Optional.empty();
        };
    }

    public String detailType() {
        return this == CANCELLED ? EffectiveDatingFunction.CHANGE_CANCELLED : stage().orElseThrow().detailType();
    }

    /** The function that handles this kind: joiner, mover, leaver or canceller. */
    public String functionName() {
        return this == CANCELLED ? EffectiveDatingFunction.CANCELLER.functionName()
                : stage().orElseThrow().functionName();
    }

    /** Whether events of this kind change the directory (joiner, mover, leaver). */
    public boolean isLifecycle() {
        return this != CANCELLED;
    }

    public static EventKind of(LifecycleStage stage) {
        return switch (stage) {
            case JOINER -> JOINED;
            case MOVER -> MOVED;
            case LEAVER -> LEFT;
        };
    }

    public static Optional<EventKind> fromDetailType(String detailType) {
        if (EffectiveDatingFunction.CHANGE_CANCELLED.equals(detailType)) {
            return Optional.of(CANCELLED);
        }
        return LifecycleStage.fromDetailType(detailType).map(EventKind::of);
    }

    public static Optional<EventKind> fromFunctionName(String name) {
        if (EffectiveDatingFunction.CANCELLER.functionName().equalsIgnoreCase(name)) {
            return Optional.of(CANCELLED);
        }
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
