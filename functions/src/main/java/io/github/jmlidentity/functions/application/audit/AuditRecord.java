package io.github.jmlidentity.functions.application.audit;

import io.github.jmlidentity.functions.domain.Outcome;

import java.time.Instant;
import java.util.List;

/**
 * The one audit record written per event (one JSON line; field names are stable, auditors query them).
 * Only audit fields: never the HR profile (no phone, address, names or email).
 *
 * @param event    what the event says about itself
 * @param user     the directory user it concerns (named as in the directory, else as the event names it)
 * @param changes  what was done to the directory (for PLANNED: what would be done)
 * @param cost     Identity Store calls and time
 * @param verdict  why the event was not applied, if it was not, and whether a retry may change that
 * @param delivery which delivery of the event this is, whether the record is final, the Lambda request
 * @param scopeViolations changes outside the access rules' scope ({@link ScopeCheck}); empty when none
 * @param scheduling when a scheduled change is due, and the pending changes the event cancelled or replaced
 * @param source   what the event came from: hr-event, or reconcile (an event made from an HR roster)
 */
public record AuditRecord(
        Instant time,
        EventIdentity event,
        UserRef user,
        String identityStoreId,
        Outcome outcome,
        boolean dryRun,
        Changes changes,
        Cost cost,
        Verdict verdict,
        Delivery delivery,
        List<String> scopeViolations,
        Scheduling scheduling,
        String source) {

    public static final String RECORD_TYPE = "jml.audit";
    /** What {@link #source()} is when not given: an HR event. */
    public static final String HR_EVENT = "hr-event";

    public AuditRecord {
        delivery = delivery == null ? Delivery.FIRST : delivery;
        scopeViolations = scopeViolations == null ? List.of() : List.copyOf(scopeViolations);
        scheduling = scheduling == null ? Scheduling.NONE : scheduling;
        source = source == null ? HR_EVENT : source;
    }

    /** A record of an HR event (source hr-event). */
    public AuditRecord(Instant time, EventIdentity event, UserRef user, String identityStoreId, Outcome outcome,
                       boolean dryRun, Changes changes, Cost cost, Verdict verdict, Delivery delivery,
                       List<String> scopeViolations, Scheduling scheduling) {
        this(time, event, user, identityStoreId, outcome, dryRun, changes, cost, verdict, delivery, scopeViolations,
                scheduling, HR_EVENT);
    }

    public AuditRecord(Instant time, EventIdentity event, UserRef user, String identityStoreId, Outcome outcome,
                       boolean dryRun, Changes changes, Cost cost, Verdict verdict) {
        this(time, event, user, identityStoreId, outcome, dryRun, changes, cost, verdict, Delivery.FIRST, List.of(),
                Scheduling.NONE, HR_EVENT);
    }

    /** A record of an HR event that touched no scheduled change. */
    public AuditRecord(Instant time, EventIdentity event, UserRef user, String identityStoreId, Outcome outcome,
                       boolean dryRun, Changes changes, Cost cost, Verdict verdict, Delivery delivery,
                       List<String> scopeViolations) {
        this(time, event, user, identityStoreId, outcome, dryRun, changes, cost, verdict, delivery, scopeViolations,
                Scheduling.NONE, HR_EVENT);
    }

    public boolean isFailure() {
        return outcome == Outcome.FAILED || outcome == Outcome.REJECTED;
    }
}
