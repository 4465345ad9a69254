package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.port.out.EmployeeLedger;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.OrderingPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Admits an event through the ledger: decides DUPLICATE/STALE, and otherwise takes a per-employee lease with a
 * conditional write, so that two concurrent deliveries for one employee never apply at the same time.
 */
final class LedgerGate {

    /** An admitted event (or the reason it is skipped), with the ledger entry as read or as locked. */
    record Admission(LedgerEntry entry, OrderingPolicy.Decision decision, boolean leased) {
    }

    private final EmployeeLedger ledger;
    private final Clock clock;
    private final Duration lease;
    private final Duration maxWait;

    LedgerGate(EmployeeLedger ledger, Clock clock, Duration lease, Duration maxWait) {
        this.ledger = ledger;
        this.clock = clock;
        this.lease = lease;
        this.maxWait = maxWait;
    }

    Admission admit(HrEvent event, boolean dryRun, Duration leaseOrNull) {
        Duration leaseFor = leaseOrNull != null ? leaseOrNull : lease;
        // Waiting for another delivery never takes more than half of this invocation's time.
        Duration wait = leaseOrNull != null && leaseOrNull.dividedBy(2).compareTo(maxWait) < 0
                ? leaseOrNull.dividedBy(2) : maxWait;
        Instant deadline = clock.instant().plus(wait);
        long backoffMillis = 20;
        while (true) {
            LedgerEntry entry = ledger.find(event.employeeId()).orElse(LedgerEntry.empty(event.employeeId()));
            OrderingPolicy.Decision decision = OrderingPolicy.decide(event, entry);
            if (!decision.applies() || dryRun) {
                return new Admission(entry, decision, false);
            }
            Instant now = clock.instant();
            if (entry.isLockedAt(now)) {
                if (now.isAfter(deadline)) {
                    throw new ConcurrentDeliveryException("employee " + event.employeeId()
                            + " is being changed by HR event " + entry.lockOwner() + " (lease until "
                            + entry.lockExpiresAt() + ")");
                }
                pause(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 400);
                continue;
            }
            LedgerEntry locked = entry.locked(event.hrEventId(), now.plus(leaseFor));
            if (ledger.put(locked, entry.version())) {
                return new Admission(locked, decision, true);
            }
            // Lost the race for the lease: read again; the winner may have made this event a duplicate.
        }
    }

    void commit(Admission admission, HrEvent event, String userId, EmploymentStatus status) {
        LedgerEntry next = admission.entry().applied(event, userId, status);
        if (!ledger.put(next, admission.entry().version())) {
            throw new ConcurrentDeliveryException("the lease on employee " + event.employeeId()
                    + " lapsed and was taken over before HR event " + event.hrEventId() + " was recorded");
        }
    }

    /**
     * Writes the directory user an event has just created, while still holding the lease: if the event then
     * fails, a later leaver (whose userName is optional) still finds the user through the ledger.
     */
    Admission recordUser(Admission admission, HrEvent event, String userId) {
        return advance(admission, event, admission.entry().withUserId(userId));
    }

    /** Writes the memberships a leaver found before it changes anything ("logged first"), holding the lease. */
    Admission recordLeaveIntent(Admission admission, HrEvent event, String userId, java.util.List<String> groups) {
        return advance(admission, event, admission.entry().withLeaveIntent(event.hrEventId(), userId, groups));
    }

    private Admission advance(Admission admission, HrEvent event, LedgerEntry next) {
        if (!ledger.put(next, admission.entry().version())) {
            throw new ConcurrentDeliveryException("the lease on employee " + event.employeeId()
                    + " lapsed and was taken over while HR event " + event.hrEventId() + " was being applied");
        }
        return new Admission(next, admission.decision(), admission.leased());
    }

    /** Best effort: a lease that cannot be released lapses by itself. */
    void release(Admission admission) {
        if (admission.leased()) {
            ledger.put(admission.entry().unlocked(), admission.entry().version());
        }
    }

    /** Idempotent per HR event: a retry of a leaver that took a slot keeps that slot. */
    boolean reserveLeaverSlot(HrEvent event, int maxPerHour) {
        return ledger.reserveLeaverSlot(event.hrEventId(), clock.instant(), Duration.ofHours(1), maxPerHour);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentDeliveryException("interrupted while waiting for the ledger lease");
        }
    }
}
