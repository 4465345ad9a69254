package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.audit.Changes;
import io.github.jmlidentity.functions.application.audit.Cost;
import io.github.jmlidentity.functions.application.audit.EventIdentity;
import io.github.jmlidentity.functions.domain.Outcome;

import java.time.Clock;

/** Turns what handling an event did into its audit record. */
final class AuditRecords {

    private final Clock clock;
    private final String identityStoreId;
    private final boolean dryRun;

    AuditRecords(Clock clock, String identityStoreId, boolean dryRun) {
        this.clock = clock;
        this.identityStoreId = identityStoreId;
        this.dryRun = dryRun;
    }

    /**
     * A dry run reports the plan; every other outcome reports what was actually done, step by step, so that a
     * FAILED attempt that created a user or changed groups before it failed says so (its retry reports the rest).
     * The user name is the directory's when the event found the user, else the one the event names.
     */
    AuditRecord record(EventIdentity event, ProcessingResult result, Cost cost, String source) {
        Changes changes = result.outcome() == Outcome.PLANNED && result.plan() != null
                ? Changes.planned(result.plan()) : result.changes();
        return new AuditRecord(clock.instant(), event, result.user().orNamed(event.userName()), identityStoreId,
                result.outcome(), dryRun, changes, cost, result.verdict(), source);
    }
}
