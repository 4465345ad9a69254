package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.audit.Changes;
import io.github.jmlidentity.functions.application.audit.Cost;
import io.github.jmlidentity.functions.application.audit.Delivery;
import io.github.jmlidentity.functions.application.audit.EventIdentity;
import io.github.jmlidentity.functions.application.audit.Scheduling;
import io.github.jmlidentity.functions.application.audit.ScopeCheck;
import io.github.jmlidentity.functions.application.audit.UserRef;
import io.github.jmlidentity.functions.application.audit.Verdict;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.ScheduledChange;
import io.github.jmlidentity.functions.domain.Outcome;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Turns what handling an event did into its audit record. */
final class AuditRecords {

    private final Clock clock;
    private final String identityStoreId;
    private final boolean dryRun;
    private final AccessRules rules;

    AuditRecords(Clock clock, String identityStoreId, boolean dryRun, AccessRules rules) {
        this.clock = clock;
        this.identityStoreId = identityStoreId;
        this.dryRun = dryRun;
        this.rules = rules;
    }

    /**
     * A dry run reports the plan; every other outcome reports what was actually done, step by step, so that a
     * FAILED attempt that created a user or changed groups before it failed says so; the event's final record says
     * what all its attempts did. The user name is the directory's when the event found the user, else the one the
     * event names. The scope check reads the record's changes, independently of how they came about.
     */
    AuditRecord record(EventIdentity event, ProcessingResult result, Cost cost, String requestId, boolean coldStart,
                       String source) {
        Changes changes = result.outcome() == Outcome.PLANNED && result.plan() != null
                ? Changes.planned(result.plan()) : result.changes();
        UserRef user = result.user().orNamed(event.userName());
        return new AuditRecord(clock.instant(), event, user, identityStoreId, result.outcome(), dryRun, changes, cost,
                result.verdict(), new Delivery(result.attempt(), result.isFinal(), requestId, coldStart),
                ScopeCheck.violations(rules, result.outcome(), user, changes), result.scheduling(), source);
    }

    /**
     * The record of a pending change another event closed or opened: the change's own HR event, its outcome
     * (CANCELLED: its final record; or SCHEDULED, for the delete after a suspension), why, and when it is or was due.
     * No calls; the Lambda request is the event's that did it.
     */
    AuditRecord notice(SchedulingGate.Notice notice, String requestId, boolean coldStart) {
        ScheduledChange change = notice.change();
        EventIdentity event = new EventIdentity(change.eventId(), change.hrEventId(), change.kind().detailType(),
                notice.employeeId(), change.userName(), change.effectiveAt());
        Verdict verdict = notice.outcome() == Outcome.CANCELLED ? Verdict.skipped(notice.reason())
                : Verdict.NONE.withNote(notice.reason());
        return new AuditRecord(clock.instant(), event, new UserRef(change.userName(), null), identityStoreId,
                notice.outcome(), dryRun, Changes.none(), new Cost(Map.of(), List.of(), 0), verdict,
                new Delivery(1, ProcessingResult.isFinal(notice.outcome(), false), requestId, coldStart), List.of(),
                Scheduling.due(change.dueAt()));
    }
}
