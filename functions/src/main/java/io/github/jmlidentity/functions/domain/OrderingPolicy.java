package io.github.jmlidentity.functions.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides from the ledger whether an event applies. EventBridge delivers at least once and in no order, so:
 * <ul>
 * <li>a known HR event id is a DUPLICATE; a known id with another payload (fingerprint) is REJECTED,
 * EVENT_ID_REUSED: the HR system must send a change under a new id;</li>
 * <li>a leave ends employment: a leaver applies whatever joiner or mover was applied after its effectiveAt; only a
 * joiner with a later effectiveAt (a rehire, or the hire itself) supersedes it, and then it is STALE;</li>
 * <li>a joiner or mover older than the last applied event is STALE;</li>
 * <li>at the same effectiveAt (HR systems often send dates only), the lifecycle order decides: joiner before
 * mover before leaver, so an event of a lower kind than the last applied one is STALE; of two events of the same
 * kind and the same effectiveAt, the one with the greater HR {@code sequence} wins when both carry one, else the
 * one put on the bus later (envelope {@code time}), else the greater HR event id, so that either arrival order
 * ends in the same state;</li>
 * <li>once the employee has left, a mover is STALE whatever its date (a post-termination correction must not
 * re-provision a departed employee), and a joiner at or before the leave is STALE; only a joiner after the
 * leave applies: a rehire.</li>
 * </ul>
 * The delete that follows a suspension (leaverPolicy suspend-then-delete) is a leave with its leave's effectiveAt: a
 * rehire after that leave supersedes it, as it does the leave.
 */
public final class OrderingPolicy {

    /** An HR event id seen before with another payload. */
    public static final String EVENT_ID_REUSED = "EVENT_ID_REUSED";

    private OrderingPolicy() {
    }

    /**
     * @param errorType for a REJECTED decision, why (e.g. {@link #EVENT_ID_REUSED}); null otherwise
     */
    public record Decision(Outcome skipOutcome, String reason, String errorType) {

        public Decision(Outcome skipOutcome, String reason) {
            this(skipOutcome, reason, null);
        }

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
            return known(event, entry);
        }
        if (event.kind() == EventKind.LEFT) {
            return decideLeave(event, entry);
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
                && event.kind() == entry.lastEventKind() && entry.lastEventId() != null) {
            Optional<String> lostTie = lostTie(event, entry);
            if (lostTie.isPresent()) {
                return new Decision(Outcome.STALE, "effectiveAt " + event.effectiveAt() + " equals that of the last"
                        + " applied event " + entry.lastEventId() + " of the same kind, which wins the tie: "
                        + lostTie.get());
            }
        }
        if (event.kind() == EventKind.MOVED && entry.status() == EmploymentStatus.LEFT) {
            return new Decision(Outcome.STALE, "employee " + event.employeeId() + " left at " + entry.leftAt()
                    + ": only an Employee Joined event (a rehire) provisions them again");
        }
        if (entry.status() == EmploymentStatus.LEFT && entry.leftAt() != null
                && !event.effectiveAt().isAfter(entry.leftAt())) {
            return new Decision(Outcome.STALE, "effectiveAt " + event.effectiveAt()
                    + " is at or before the recorded leave at " + entry.leftAt());
        }
        return Decision.apply();
    }

    /** A re-send of a known event is a DUPLICATE; the same id with another payload is refused. */
    private static Decision known(HrEvent event, LedgerEntry entry) {
        Optional<RecentEvent> known = entry.recent(event.hrEventId());
        String fingerprint = event.fingerprint();
        if (known.isPresent() && !known.get().fingerprint().equals(fingerprint)) {
            RecentEvent first = known.get();
            return new Decision(Outcome.REJECTED, "HR event id " + event.hrEventId() + " was already used by envelope "
                    + first.envelopeId() + " (payload fingerprint " + first.fingerprint() + ", " + first.outcome()
                    + "); envelope " + event.eventId() + " reuses it with another payload (fingerprint " + fingerprint
                    + "): the HR system must send a change under a new eventId", EVENT_ID_REUSED);
        }
        String what = known.map(k -> k.outcome() == Outcome.APPLIED ? "already applied"
                : "already handled (" + k.outcome() + ")").orElse("already applied");
        return new Decision(Outcome.DUPLICATE, "HR event " + event.hrEventId() + " was " + what);
    }

    /** A leave applies unless a joiner dated after it was applied (the hire, or a rehire, supersedes it). */
    private static Decision decideLeave(HrEvent event, LedgerEntry entry) {
        Instant joined = entry.lastJoinedAt();
        if (joined != null && joined.isAfter(event.effectiveAt())) {
            return new Decision(Outcome.STALE, "effectiveAt " + event.effectiveAt() + " is before the Employee Joined"
                    + " event applied at " + joined + " (a hire or rehire supersedes an earlier leave)");
        }
        return Decision.apply();
    }

    /**
     * Why the last applied event (same kind, same effectiveAt) wins the tie against {@code event}, or empty when
     * {@code event} wins: the greater HR sequence when both carry one, else the later envelope time when both are
     * known, else the greater HR event id (compared as text: arbitrary, but the same whatever the arrival order).
     */
    private static Optional<String> lostTie(HrEvent event, LedgerEntry entry) {
        if (event.sequence() != null && entry.lastSequence() != null
                && !event.sequence().equals(entry.lastSequence())) {
            return event.sequence() < entry.lastSequence()
                    ? Optional.of("its HR sequence " + entry.lastSequence() + " is greater than " + event.sequence())
                    : Optional.empty();
        }
        if (event.time() != null && entry.lastEventTime() != null && !event.time().equals(entry.lastEventTime())) {
            return event.time().isBefore(entry.lastEventTime())
                    ? Optional.of("it was put on the bus later (envelope time " + entry.lastEventTime() + ", this one "
                            + event.time() + ")")
                    : Optional.empty();
        }
        return event.hrEventId().compareTo(entry.lastEventId()) < 0
                ? Optional.of("neither an HR sequence nor the envelope time tells them apart, and its HR event id sorts"
                        + " after " + event.hrEventId() + " (the last resort, so that either arrival order ends the same)")
                : Optional.empty();
    }
}
