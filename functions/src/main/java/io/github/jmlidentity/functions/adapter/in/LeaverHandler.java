package io.github.jmlidentity.functions.adapter.in;

import io.github.jmlidentity.contract.LifecycleStage;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.EventKind;

/** Lambda entry point for "Employee Left" events (LifecycleStage.LEAVER in the contract). */
public final class LeaverHandler extends LifecycleHandler {

    /** Used by Lambda: the container's functions, wired from the environment. */
    public LeaverHandler() {
        this(Container.FUNCTIONS);
    }

    public LeaverHandler(ProcessHrEvent functions) {
        super(EventKind.LEFT, functions);
    }
}
