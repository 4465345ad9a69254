package io.github.jmlidentity.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * The two functions of effective dating, beside the three lifecycle stages: the canceller, which takes HR's
 * {@value #CHANGE_CANCELLED} events (and calls no Identity Store API), and the scheduler, which an EventBridge
 * schedule invokes every {@value #SCHEDULE_RATE_MINUTES} minutes to apply the changes that have come due. As for
 * {@link LifecycleStage}: the function's name and the Lambda handler class in functions.jar.
 */
public enum EffectiveDatingFunction {
    CANCELLER(EffectiveDatingFunction.CHANGE_CANCELLED, "ChangeCancelledHandler"),
    SCHEDULER(null, "DueChangesHandler");

    /** The detail-type of HR's cancellation of a pending change. */
    public static final String CHANGE_CANCELLED = "Employee Change Cancelled";
    /** How often the scheduler runs: a due change is applied within this many minutes of its due time. */
    public static final int SCHEDULE_RATE_MINUTES = 5;

    private final String detailType;
    private final String handlerSimpleName;

    EffectiveDatingFunction(String detailType, String handlerSimpleName) {
        this.detailType = detailType;
        this.handlerSimpleName = handlerSimpleName;
    }

    /** The HR detail-type routed to this function; empty for the scheduler, which only its schedule invokes. */
    public Optional<String> detailType() {
        return Optional.ofNullable(detailType);
    }

    /** canceller, scheduler: construct ids, log groups, `jml invoke`. */
    public String functionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String handlerClass() {
        return LifecycleStage.HANDLER_PACKAGE + "." + handlerSimpleName;
    }

    /** The Lambda {@code Handler} setting, {@code class::method}. */
    public String handler() {
        return handlerClass() + "::" + LifecycleStage.HANDLER_METHOD;
    }

    /** canceller or scheduler, ignoring case. */
    public static Optional<EffectiveDatingFunction> fromFunctionName(String name) {
        for (EffectiveDatingFunction function : values()) {
            if (function.functionName().equalsIgnoreCase(name)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }
}
