package io.github.jmlidentity.functions.domain;

/**
 * Decides from the ledger whether an event applies. EventBridge delivers at least once and in no order, so:
 * <ul>
 * <li>a known HR event id is a DUPLICATE;</li>
 * <li>an event older than the last applied one is STALE;</li>
 * <li>at the same effectiveAt (HR systems often send dates only), the lifecycle order decides: joiner before
 * mover before leaver, so an event of a lower kind than the last applied one is STALE; of two events of the same
 * kind and the same effectiveAt, the one with the greater HR event id wins (compared as strings), so that either
 * arrival order ends in the same state;</li>
 * <li>once the employee has left, a mover is STALE whatever its date (a post-termination correction must not
 * re-provision a departed employee), and a joiner at or before the leave is STALE; only a joiner after the
 * leave applies: a rehire;</li>
 * <li>the delete that follows a suspension (leaverPolicy suspend-then-delete) applies only while the leave it follows
 * is still the last applied event: after a rehire (or any later event) it is STALE.</li>
 * </ul>
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
        if (event.isFollowUp() && event.followUpOf().equals(entry.lastEventId())) {
            return Decision.apply();
        }
        if (entry.lastEffectiveAt() != null && event.effectiveAt().isBefore(entry.lastEffectiveAt())) {
            return new Decision(Outcome.STALE, "effectiveAt " + event.effectiveAt()
                    + " is older than the last applied event " + entry.lastEventId() + " at " + entry.lastEffectiveAt());
        }
        if (entry.lastEffectiveAt() != null && event.effectiveAt().equals(entry.lastEffectiveAt())
                && entry.lastEventKind() != null && event.kind().ordinal() < entry.lastEventKind().ordinal()) {
            return new Decision(Outcome.STALE, "effectiveAt " + event.effectiveAt() + " equals that of the last applied "
                    + entry.lastEventKind().detailType() + " event " + entry.lastEventId() + ", which comes later in the"
                    + " lifecycle (joiner, mover, leaver)");
        }
        if (entry.lastEffectiveAt() != null && event.effectiveAt().equals(entry.lastEffectiveAt())
                && event.kind() == entry.lastEventKind() && entry.lastEventId() != null
                && event.hrEventId().compareTo(entry.lastEventId()) < 0) {
            return new Decision(Outcome.STALE, "effectiveAt " + event.effectiveAt() + " equals that of the last applied "
                    + "event " + entry.lastEventId() + " of the same kind, whose HR event id sorts after "
                    + event.hrEventId() + " (ties are broken by HR event id, so either arrival order ends the same)");
        }
        if (event.kind() == EventKind.MOVED && entry.status() == EmploymentStatus.LEFT) {
            return new Decision(Outcome.STALE, "employee " + event.employeeId() + " left at " + entry.leftAt()
                    + ": only an Employee Joined event (a rehire) provisions them again");
        }
        if (event.kind() != EventKind.LEFT && entry.status() == EmploymentStatus.LEFT
                && entry.leftAt() != null && !event.effectiveAt().isAfter(entry.leftAt())) {
            return new Decision(Outcome.STALE, "effectiveAt " + event.effectiveAt()
                    + " is at or before the recorded leave at " + entry.leftAt());
        }
        return Decision.apply();
    }
}
