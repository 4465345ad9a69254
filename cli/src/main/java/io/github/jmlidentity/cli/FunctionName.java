package io.github.jmlidentity.cli;

import io.github.jmlidentity.functions.domain.EventKind;

/** The function `jml invoke` runs: one of the three Lambda functions, or auto (routed by detail-type). */
enum FunctionName {
    joiner(EventKind.JOINED),
    mover(EventKind.MOVED),
    leaver(EventKind.LEFT),
    auto(null);

    private final EventKind kind;

    FunctionName(EventKind kind) {
        this.kind = kind;
    }

    /** The kind the function accepts, or null for auto. */
    EventKind kind() {
        return kind;
    }
}
