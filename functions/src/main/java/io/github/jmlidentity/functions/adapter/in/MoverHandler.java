package io.github.jmlidentity.functions.adapter.in;

import io.github.jmlidentity.functions.domain.EventKind;

/** Lambda entry point for "Employee Moved" events: {@code io.github.jmlidentity.functions.adapter.in.MoverHandler::handleRequest}. */
public final class MoverHandler extends LifecycleHandler {

    /** Used by Lambda: the container's runtime, configured from the environment. */
    public MoverHandler() {
        this(ContainerRuntime.INSTANCE);
    }

    public MoverHandler(FunctionRuntime runtime) {
        super(EventKind.MOVED, runtime);
    }
}
