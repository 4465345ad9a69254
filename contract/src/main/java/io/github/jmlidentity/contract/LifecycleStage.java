package io.github.jmlidentity.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * The three HR lifecycle stages as the CDK app deploys them and the functions handle them: the EventBridge
 * detail-type that carries each stage's events, the function's name, and the Lambda handler in functions.jar.
 * Declared in lifecycle order (joiner, mover, leaver): the functions break ties between events with the same
 * effectiveAt by it.
 */
public enum LifecycleStage {
    JOINER("Employee Joined", "JoinerHandler"),
    MOVER("Employee Moved", "MoverHandler"),
    LEAVER("Employee Left", "LeaverHandler");

    /** Where the Lambda handler classes are in functions.jar. */
    public static final String HANDLER_PACKAGE = "io.github.jmlidentity.functions.adapter.in";
    /** The method Lambda calls on a handler ({@code RequestStreamHandler.handleRequest}). */
    public static final String HANDLER_METHOD = "handleRequest";

    private final String detailType;
    private final String handlerSimpleName;

    LifecycleStage(String detailType, String handlerSimpleName) {
        this.detailType = detailType;
        this.handlerSimpleName = handlerSimpleName;
    }

    /** The EventBridge detail-type the HR system sends for this stage. */
    public String detailType() {
        return detailType;
    }

    /** The function that handles this stage, lower case: joiner, mover, leaver (construct ids, log groups, `jml invoke`). */
    public String functionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The handler's fully qualified class name, which Lambda (and the cold-start benchmark) loads by name. */
    public String handlerClass() {
        return HANDLER_PACKAGE + "." + handlerSimpleName;
    }

    /** The Lambda {@code Handler} setting, {@code class::method}. */
    public String handler() {
        return handlerClass() + "::" + HANDLER_METHOD;
    }

    public static Optional<LifecycleStage> fromDetailType(String detailType) {
        for (LifecycleStage stage : values()) {
            if (stage.detailType.equals(detailType)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    /** joiner, mover or leaver, ignoring case. */
    public static Optional<LifecycleStage> fromFunctionName(String name) {
        for (LifecycleStage stage : values()) {
            if (stage.functionName().equalsIgnoreCase(name)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
