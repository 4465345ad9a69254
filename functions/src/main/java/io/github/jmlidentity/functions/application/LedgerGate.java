package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.port.out.EmployeeLedger;
import io.github.jmlidentity.functions.application.port.out.Sleeper;
import io.github.jmlidentity.functions.domain.AppliedChanges;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.FinalRecord;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.OrderingPolicy;
import io.github.jmlidentity.functions.domain.Outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Admits an event through the ledger: decides DUPLICATE/STALE, and otherwise takes a per-employee lease with a
 * conditional write, so that two concurrent deliveries for one employee never apply at the same time. It also keeps
 * what makes one final audit record per HR event: the attempt count, what failed attempts did, and the final
 * record's essentials until its line is written.
 */
record LedgerGate(EmployeeLedger ledger, Clock clock, Duration lease, Duration maxWait, Sleeper sleeper) {

    /**
     * An admitted event (or the reason it is skipped), with the ledger entry as read or as locked.
     *
     * @param attempt which delivery of the event this is (1 = the first to reach the ledger)
     * @param reEmit  a DUPLICATE whose final record was never written (the delivery that applied it ended first):
     *                this delivery writes it from the ledger
     */
    record Admission(LedgerEntry entry, OrderingPolicy.Decision decision, boolean leased, int attempt,
                     boolean reEmit) {
    }

    private static final Duration MAX_POLL = Duration.ofSeconds(1);

    /**
     * @param leaseOrNull how long this delivery may hold the employee (its remaining time plus a margin); null for the
     *                    configured default. A delivery that finds the employee leased waits for half of it (the
     *                    holder is most likely done well before; its lease never outlasts its own invocation), or
     *                    {@code maxWait} when there is no deadline, then fails for Lambda to retry it later.
     */
    Admission admit(HrEvent event, boolean dryRun, Duration leaseOrNull) {
        Duration leaseFor = leaseOrNull != null ? leaseOrNull : lease;
        Duration wait = leaseOrNull != null ? leaseOrNull.dividedBy(2) : maxWait;
        Instant waitUntil = clock.instant().plus(wait);
        Duration backoff = Duration.ofMillis(20);
        while (true) {
            LedgerEntry entry = ledger.find(event.employeeId()).orElse(LedgerEntry.empty(event.employeeId()));
            OrderingPolicy.Decision decision = OrderingPolicy.decide(event, entry);
            int attempt = entry.attemptsOf(event.hrEventId()) + 1;
            Instant now = clock.instant();
            if (!decision.applies() || dryRun) {
                if (dryRun) {
                    return new Admission(entry, decision, false, attempt, false);
                }
                if (decision.skipOutcome() == Outcome.DUPLICATE && entry.unpublished() != null
                        && entry.unpublished().hrEventId().equals(event.hrEventId()) && !entry.isLockedAt(now)) {
                    return new Admission(entry, decision, false, attempt, true);
                }
                if (decision.skipOutcome() == Outcome.STALE && !entry.isLockedAt(now)
                        && !ledger.put(entry.handled(event, Outcome.STALE), entry.version())) {
                    continue; // someone wrote meanwhile: decide again
                }
                return new Admission(entry, decision, false, attempt, false);
            }
            if (entry.isLockedAt(now)) {
                if (!now.isBefore(waitUntil)) {
                    throw new ConcurrentDeliveryException("employee " + event.employeeId()
                            + " is being changed by HR event " + entry.lockOwner() + " (lease until "
                            + entry.lockExpiresAt() + "); Lambda retries this delivery later");
                }
                Duration untilFree = Duration.between(now, entry.lockExpiresAt());
                Duration untilGivingUp = Duration.between(now, waitUntil);
                pause(min(backoff, min(untilFree, untilGivingUp)));
                backoff = min(backoff.multipliedBy(2), MAX_POLL);
                continue;
            }
            LedgerEntry locked = entry.locked(event.hrEventId(), now.plus(leaseFor));
            if (ledger.put(locked, entry.version())) {
                return new Admission(locked, decision, true, locked.attemptsOf(event.hrEventId()), false);
            }
            // Lost the race for the lease: read again; the winner may have made this event a duplicate.
        }
    }

    /**
     * Records the event as applied, with its final record's essentials, keeping the lease until the record is
     * written ({@link #published}): a duplicate arriving meanwhile is a plain DUPLICATE, and only a delivery that finds
     * the lease lapsed (this invocation died before its audit line) writes the record again.
     */
    PublishReceipt commit(Admission admission, HrEvent event, String userId, EmploymentStatus status,
                          FinalRecord record) {
        LedgerEntry entry = admission.entry();
        LedgerEntry next = entry.applied(event, userId, status)
                .awaitingPublication(record, entry.lockOwner(), entry.lockExpiresAt());
        if (!ledger.put(next, entry.version())) {
            throw new ConcurrentDeliveryException("the lease on employee " + event.employeeId()
                    + " lapsed and was taken over before HR event " + event.hrEventId() + " was recorded");
        }
        return new PublishReceipt(next, event.hrEventId());
    }

    /** The final record of a re-emitting delivery's event: marked written against the entry it read. */
    PublishReceipt receiptFor(Admission admission, HrEvent event) {
        return new PublishReceipt(admission.entry(), event.hrEventId());
    }

    /**
     * The final record is written: forget its essentials and release the lease, with one conditional write (none
     * happens if the entry moved on meanwhile).
     */
    void published(PublishReceipt receipt) {
        ledger.put(receipt.entry().published(receipt.hrEventId()), receipt.entry().version());
    }

    /**
     * Writes the directory user an event has just created, and what its attempts have done so far, while still
     * holding the lease: if the event then fails, a later leaver (whose userName is optional) still finds the user
     * through the ledger, and the event's final record says which attempt created it.
     */
    Admission recordUser(Admission admission, HrEvent event, String userId, AppliedChanges soFar) {
        return advance(admission, event, admission.entry().withUserId(userId).withCarried(soFar));
    }

    /** Writes the memberships a leaver found before it changes anything ("logged first"), holding the lease. */
    Admission recordLeaveIntent(Admission admission, HrEvent event, String userId, List<String> groups) {
        return advance(admission, event, admission.entry().withLeaveIntent(event.hrEventId(), userId, groups));
    }

    private Admission advance(Admission admission, HrEvent event, LedgerEntry next) {
        if (!ledger.put(next, admission.entry().version())) {
            throw new ConcurrentDeliveryException("the lease on employee " + event.employeeId()
                    + " lapsed and was taken over while HR event " + event.hrEventId() + " was being applied");
        }
        return new Admission(next, admission.decision(), admission.leased(), admission.attempt(), false);
    }

    /**
     * Releases the lease of a delivery that failed, keeping what it did for the event's final record. Throws when the
     * ledger cannot be written; the lease then lapses by itself.
     */
    void release(Admission admission, AppliedChanges soFar) {
        if (admission.leased()) {
            ledger.put(admission.entry().releasedWith(soFar), admission.entry().version());
        }
    }

    /** Idempotent per HR event: a retry of a leaver that took a slot keeps that slot. */
    boolean reserveLeaverSlot(HrEvent event, int maxPerHour) {
        return ledger.reserveLeaverSlot(event.hrEventId(), clock.instant(), Duration.ofHours(1), maxPerHour);
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration.isNegative() ? Duration.ZERO : duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentDeliveryException("interrupted while waiting for the ledger lease");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
