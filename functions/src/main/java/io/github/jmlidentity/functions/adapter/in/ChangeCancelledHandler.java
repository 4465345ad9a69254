package io.github.jmlidentity.functions.adapter.in;

import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.EventKind;

import java.time.Clock;

/**
 * Lambda entry point for "Employee Change Cancelled" events (EffectiveDatingFunction.CANCELLER in the contract): it
 * cancels a pending change in the ledger table and calls no Identity Store API.
 */
public final class ChangeCancelledHandler extends LifecycleHandler {

    /** Used by Lambda: the container's functions, wired from the environment, on the system clock. */
    public ChangeCancelledHandler() {
        this(Container.FUNCTIONS, Clock.systemUTC());
    }

    /** @param clock the functions' clock: an invocation's deadline is its time plus Lambda's remaining time */
    public ChangeCancelledHandler(ProcessHrEvent functions, Clock clock) {
        super(EventKind.CANCELLED, functions, clock);
    }
}
