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
        List<String> scopeViolations) {

    public static final String RECORD_TYPE = "jml.audit";

    public AuditRecord {
        delivery = delivery == null ? Delivery.FIRST : delivery;
        scopeViolations = scopeViolations == null ? List.of() : List.copyOf(scopeViolations);
    }

    public AuditRecord(Instant time, EventIdentity event, UserRef user, String identityStoreId, Outcome outcome,
                       boolean dryRun, Changes changes, Cost cost, Verdict verdict) {
        this(time, event, user, identityStoreId, outcome, dryRun, changes, cost, verdict, Delivery.FIRST, List.of());
    }

    public boolean isFailure() {
        return outcome == Outcome.FAILED || outcome == Outcome.REJECTED;
    }
}
