package io.github.jmlidentity.functions.adapter.in;

import io.github.jmlidentity.contract.LifecycleStage;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.EventKind;

/** Lambda entry point for "Employee Moved" events (LifecycleStage.MOVER in the contract). */
public final class MoverHandler extends LifecycleHandler {

    /** Used by Lambda: the container's functions, wired from the environment. */
    public MoverHandler() {
        this(Container.FUNCTIONS);
    }

    public MoverHandler(ProcessHrEvent functions) {
        super(EventKind.MOVED, functions);
    }
}
