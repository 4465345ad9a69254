package io.github.jmlidentity.functions.domain;

/**
 * Decides from the ledger whether an event applies. EventBridge delivers at least once and in no order, so:
 * a known HR event id is a DUPLICATE; an event older than the last applied one is STALE; a joiner or mover at or
 * before a recorded leave is STALE (a departed employee is never re-provisioned by a late event); a joiner after
 * the leave is a rehire and applies.
 */
public final class OrderingPolicy {

    private OrderingPolicy() {
    }

    public record Decision(Outcome skipOutcome, String reason) {
        public boolean applies() {
            return skipOutcome == null;
        }

        static Decision apply() {
            return new Decision(null, null);
        }
    }

    public static Decision decide(HrEvent event, LedgerEntry entry) {
        if (entry == null || entry.status() == null) {
            return Decision.apply();
        }
        if (entry.recentEventIds().contains(event.hrEventId())) {
            return new Decision(Outcome.DUPLICATE, "HR event " + event.hrEventId() + " was already applied");
        }
        if (entry.lastEffectiveAt() != null && event.effectiveAt().isBefore(entry.lastEffectiveAt())) {
            return new Decision(Outcome.STALE, "effectiveAt " + event.effectiveAt()
                    + " is older than the last applied event " + entry.lastEventId() + " at " + entry.lastEffectiveAt());
        }
        if (event.kind() != EventKind.LEFT && entry.status() == EmploymentStatus.LEFT
                && entry.leftAt() != null && !event.effectiveAt().isAfter(entry.leftAt())) {
            return new Decision(Outcome.STALE, "effectiveAt " + event.effectiveAt()
                    + " is at or before the recorded leave at " + entry.leftAt());
        }
        return Decision.apply();
    }
}
