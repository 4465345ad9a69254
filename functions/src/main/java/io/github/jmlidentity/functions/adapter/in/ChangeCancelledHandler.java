package io.github.jmlidentity.functions.adapter.in;

import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.EventKind;

/**
 * Lambda entry point for "Employee Change Cancelled" events (EffectiveDatingFunction.CANCELLER in the contract): it
 * cancels a pending change in the ledger table and calls no Identity Store API.
 */
public final class ChangeCancelledHandler extends LifecycleHandler {

    /** Used by Lambda: the container's functions, wired from the environment. */
    public ChangeCancelledHandler() {
        this(Container.FUNCTIONS);
    }

    public ChangeCancelledHandler(ProcessHrEvent functions) {
        super(EventKind.CANCELLED, functions);
    }
}
