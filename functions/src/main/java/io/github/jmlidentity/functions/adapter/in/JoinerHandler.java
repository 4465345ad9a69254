package io.github.jmlidentity.functions.adapter.in;

import io.github.jmlidentity.contract.LifecycleStage;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.EventKind;

/** Lambda entry point for "Employee Joined" events (LifecycleStage.JOINER in the contract). */
public final class JoinerHandler extends LifecycleHandler {

    /** Used by Lambda: the container's functions, wired from the environment. */
    public JoinerHandler() {
        this(Container.FUNCTIONS);
    }

    public JoinerHandler(ProcessHrEvent functions) {
        super(EventKind.JOINED, functions);
    }
}
