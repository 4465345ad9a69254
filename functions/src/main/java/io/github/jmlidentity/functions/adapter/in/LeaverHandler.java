package io.github.jmlidentity.functions.adapter.in;

import io.github.jmlidentity.functions.domain.EventKind;

/** Lambda entry point for "Employee Left" events: {@code io.github.jmlidentity.functions.adapter.in.LeaverHandler::handleRequest}. */
public final class LeaverHandler extends LifecycleHandler {

    /** Used by Lambda: the container's runtime, configured from the environment. */
    public LeaverHandler() {
        this(ContainerRuntime.INSTANCE);
    }

    public LeaverHandler(FunctionRuntime runtime) {
        super(EventKind.LEFT, runtime);
    }
}
