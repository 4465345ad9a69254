package io.github.jmlidentity.functions.adapter.in;

import io.github.jmlidentity.functions.domain.EventKind;

/** Lambda entry point for "Employee Joined" events: {@code io.github.jmlidentity.functions.adapter.in.JoinerHandler::handleRequest}. */
public final class JoinerHandler extends LifecycleHandler {

    /** Used by Lambda: the container's runtime, configured from the environment. */
    public JoinerHandler() {
        this(ContainerRuntime.INSTANCE);
    }

    public JoinerHandler(FunctionRuntime runtime) {
        super(EventKind.JOINED, runtime);
    }
}
