package io.github.jmlidentity.infra;

/**
 * The three HR lifecycle events, the EventBridge detail-type that carries each and the Lambda handler
 * that processes it (names fixed by the functions module's contract).
 */
public enum LifecycleStage {
    JOINER("Employee Joined", "io.github.jmlidentity.functions.adapter.in.JoinerHandler::handleRequest"),
    MOVER("Employee Moved", "io.github.jmlidentity.functions.adapter.in.MoverHandler::handleRequest"),
    LEAVER("Employee Left", "io.github.jmlidentity.functions.adapter.in.LeaverHandler::handleRequest");

    private final String detailType;
    private final String handler;

    LifecycleStage(String detailType, String handler) {
        this.detailType = detailType;
        this.handler = handler;
    }

    /** The EventBridge detail-type the HR system sends for this stage. */
    public String detailType() {
        return detailType;
    }

    /** The Lambda handler string, {@code class::method}. */
    public String handler() {
        return handler;
    }

    /** Lower-case name used in construct ids, log group names and alarm names: joiner, mover, leaver. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Capitalised name for construct ids: Joiner, Mover, Leaver. */
    String title() {
        return name().charAt(0) + id().substring(1);
    }
}
