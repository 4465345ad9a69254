package io.github.jmlidentity.functions.adapter.in;

import io.github.jmlidentity.contract.LifecycleStage;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.EventKind;

import java.time.Clock;

/** Lambda entry point for "Employee Moved" events (LifecycleStage.MOVER in the contract). */
public final class MoverHandler extends LifecycleHandler {

    /** Used by Lambda: the container's functions, wired from the environment, on the system clock. */
    public MoverHandler() {
        this(Container.FUNCTIONS, Clock.systemUTC());
    }

    /** @param clock the functions' clock: an invocation's deadline is its time plus Lambda's remaining time */
    public MoverHandler(ProcessHrEvent functions, Clock clock) {
        super(EventKind.MOVED, functions, clock);
    }
}
