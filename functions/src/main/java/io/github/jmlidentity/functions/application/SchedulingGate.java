package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.functions.application.ProvisioningRefusedException.Refusal;
import io.github.jmlidentity.functions.application.audit.Scheduling;
import io.github.jmlidentity.functions.application.audit.UserRef;
import io.github.jmlidentity.functions.application.audit.Verdict;
import io.github.jmlidentity.functions.application.port.out.EmployeeLedger;
import io.github.jmlidentity.functions.application.port.out.PendingChanges;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.EffectiveDating;
import io.github.jmlidentity.functions.domain.EmployeeSchedule;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.InvalidEventException;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.OrderingPolicy;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.ScheduledChange;
import io.github.jmlidentity.functions.domain.ScheduledChange.State;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Effective dating, in the pipeline before the ledger gate. An event due later than now is validated, kept as a
 * pending change and audited SCHEDULED: it changes nothing in the directory and does not move the ordering watermark
 * until it is applied. When it comes due, its envelope goes through the same pipeline again (the scheduler) and the
 * gate lets it through to its lifecycle service, having claimed it, so that a cancellation cannot race it. The gate
 * also keeps the schedule consistent with what is applied: a newer event of the same kind replaces a pending one, a
 * rehire cancels the delete that follows a suspension, and that delete is scheduled when a leave suspends.
 *
 * <p>Every write is conditional on the schedule's version and retried on a lost race, like the ledger's.
 */
final class SchedulingGate {

    private static final int WRITE_ATTEMPTS = 20;
    private static final Set<Outcome> ADMITTED = Set.of(Outcome.APPLIED, Outcome.NO_CHANGE);

    /**
     * A pending change another event closed (CANCELLED) or opened (SCHEDULED: the delete after a suspension): its
     * own audit record says so, so that every HR event's last record tells where it stands.
     */
    record Notice(String employeeId, ScheduledChange change, Outcome outcome, String reason) {
    }

    /**
     * What the gate decided for an event: stop with {@code result}, or let it through (result null).
     *
     * @param scheduled through as a pending change now due (claimed by this delivery or another)
     */
    record Admission(ProcessingResult result, List<Notice> notices, boolean scheduled) {
        Admission(ProcessingResult result, List<Notice> notices) {
            this(result, notices, false);
        }

        static Admission through() {
            return new Admission(null, List.of());
        }

        static Admission throughAsScheduled() {
            return new Admission(null, List.of(), true);
        }

        boolean stops() {
            return result != null;
        }
    }

    /** What handling an admitted event did to the schedule. */
    record Aftermath(Scheduling scheduling, List<Notice> notices) {
        static final Aftermath NONE = new Aftermath(Scheduling.NONE, List.of());
    }

    private final PendingChanges store;
    private final EmployeeLedger ledger;
    private final AccessRules rules;
    private final EffectiveDating dating;
    private final Clock clock;
    private final boolean dryRun;

    SchedulingGate(PendingChanges store, EmployeeLedger ledger, AccessRules rules, Clock clock, boolean dryRun) {
        this.store = store;
        this.ledger = ledger;
        this.rules = rules;
        this.dating = rules.effectiveDating();
        this.clock = clock;
        this.dryRun = dryRun;
    }

    /**
     * A joiner, mover or leaver: SCHEDULED when due later, DUPLICATE when it was already scheduled, cancelled or
     * applied when due, through (claimed) when it is the pending change now due, through when it is due now.
     *
     * @param envelope the envelope as received (kept until due); null for an event that came parsed
     * @throws InvalidEventException when effectiveAt is beyond the horizon
     */
    Admission admit(HrEvent event, byte[] envelope) {
        Instant now = clock.instant();
        if (!event.isFollowUp()) {
            dating.beyondHorizon(event, now).ifPresent(v -> {
                throw new InvalidEventException(List.of(v));
            });
        }
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            EmployeeSchedule schedule = schedule(event.employeeId());
            Optional<ScheduledChange> known = schedule.find(event.hrEventId());
            if (known.isPresent() && known.get().state() != State.FAILED) {
                Optional<Admission> decided = known(event, schedule, known.get(), now);
                if (decided.isPresent()) {
                    return decided.get();
                }
                continue; // lost the race to claim it: read again
            }
            if (event.isFollowUp()) {
                return stop(Outcome.NO_CHANGE, event, "the delete after the suspension by HR event "
                        + event.followUpOf() + " is no longer scheduled");
            }
            Instant dueAt = dating.dueAt(event);
            if (EffectiveDating.isDue(dueAt, now)) {
                return Admission.through();
            }
            Optional<Admission> scheduled = schedule(event, envelope, schedule, dueAt, now);
            if (scheduled.isPresent()) {
                return scheduled.get();
            }
        }
        throw contended(event);
    }

    /** An event the schedule knows: the answer, or empty when claiming it lost a race. */
    private Optional<Admission> known(HrEvent event, EmployeeSchedule schedule, ScheduledChange change, Instant now) {
        if (change.fingerprint() != null && !change.fingerprint().equals(event.fingerprint())) {
            // As the ledger refuses it (OrderingPolicy): an id reused for another payload is no duplicate.
            return Optional.of(new Admission(ProcessingResult.decided(Outcome.REJECTED,
                    new UserRef(event.userName(), null), Verdict.failed(OrderingPolicy.EVENT_ID_REUSED, "HR event id "
                            + event.hrEventId() + " was already used by envelope " + change.eventId() + " (payload"
                            + " fingerprint " + change.fingerprint() + ", scheduled for " + change.dueAt() + ", "
                            + change.state() + "); envelope " + event.eventId() + " reuses it with another payload"
                            + " (fingerprint " + event.fingerprint() + "): the HR system must send a change under a new"
                            + " eventId", false)), List.of()));
        }
        return switch (change.state()) {
            case PENDING -> {
                if (!EffectiveDating.isDue(change.dueAt(), now)) {
                    yield Optional.of(stop(Outcome.DUPLICATE, event, "HR event " + event.hrEventId()
                            + " is already scheduled, due at " + change.dueAt()));
                }
                if (dryRun || store.put(schedule.with(change.withState(State.RUNNING)).nextVersion(),
                        schedule.version())) {
                    yield Optional.of(Admission.throughAsScheduled());
                }
                yield Optional.empty();
            }
            // Being applied by another delivery, or one that died doing so: the ledger's lease lets only one apply.
            case RUNNING -> Optional.of(Admission.throughAsScheduled());
            case DONE -> Optional.of(stop(Outcome.DUPLICATE, event, "HR event " + event.hrEventId()
                    + " was scheduled and applied when due at " + change.dueAt() + " (" + change.outcome() + ")"));
            case REPLACED -> Optional.of(stop(Outcome.DUPLICATE, event, "HR event " + event.hrEventId()
                    + " was scheduled for " + change.dueAt() + " and then replaced by HR event " + change.resolvedBy()));
            case CANCELLED -> Optional.of(change.wasReceived()
                    ? stop(Outcome.DUPLICATE, event, "HR event " + event.hrEventId() + " was scheduled for "
                            + change.dueAt() + " and then cancelled by HR event " + change.resolvedBy())
                    : stop(Outcome.NO_CHANGE, event, "HR event " + event.hrEventId() + " was cancelled by HR event "
                            + change.resolvedBy() + " before it arrived: not applied"));
            case FAILED -> throw new IllegalStateException("a failed change is taken as a new arrival");
        };
    }

    /** Keeps a valid event due later; empty when the write lost a race. */
    private Optional<Admission> schedule(HrEvent event, byte[] envelope, EmployeeSchedule schedule, Instant dueAt,
                                         Instant now) {
        if (rules.isProtected(event.userName())) {
            throw new ProvisioningRefusedException(Refusal.PROTECTED_USER,
                    "user '" + event.userName() + "' is a protected user in the access rules: no function modifies it");
        }
        if (envelope == null) {
            throw new IllegalArgumentException("an event due later is kept with its envelope; this one came parsed");
        }
        // A newer event of the same kind is HR's latest word for it: it replaces the pending one (a reschedule). One
        // put on the bus before the pending one (or with a lower HR sequence) arrived late: the pending one stands.
        List<ScheduledChange> sameKind = pendingOfSameKind(schedule, event);
        Optional<ScheduledChange> later = sameKind.stream().filter(c -> !c.isSupersededBy(event)).findFirst();
        if (later.isPresent()) {
            return lateArrival(event, envelope, schedule, dueAt, later.get(), now);
        }
        List<ScheduledChange> replaced = sameKind;
        EmployeeSchedule next = schedule;
        List<Notice> notices = new ArrayList<>();
        for (ScheduledChange old : replaced) {
            next = next.with(old.resolved(State.REPLACED, event.hrEventId(), now));
            notices.add(new Notice(event.employeeId(), old, Outcome.CANCELLED, "replaced by HR event "
                    + event.hrEventId() + ", a later " + event.kind().detailType() + " event for the same employee,"
                    + " due at " + dueAt + " (rescheduled)"));
        }
        next = next.with(ScheduledChange.pending(event, dueAt, new String(envelope, StandardCharsets.UTF_8), now));
        String note = "effective " + event.effectiveAt() + (dueAt.equals(event.effectiveAt()) ? ""
                : " (due " + dating.preHireLeadDays() + " days ahead: preHireLeadDays)")
                + ": kept until due" + (replaced.isEmpty() ? "" : "; replaces pending HR event "
                + String.join(", ", replaced.stream().map(ScheduledChange::hrEventId).toList()));
        ProcessingResult result = ProcessingResult.scheduled(new UserRef(event.userName(), null), dueAt, note)
                .with(Scheduling.due(dueAt).withCancelled(replaced.stream().map(ScheduledChange::hrEventId).toList()));
        if (dryRun) {
            return Optional.of(new Admission(result, List.of()));
        }
        if (!store.put(next.nextVersion(), schedule.version())) {
            return Optional.empty();
        }
        return Optional.of(new Admission(result, notices));
    }

    /**
     * An event of a kind already pending for the employee, but HR's earlier word (put on the bus before the pending
     * one, or with a lower sequence) that EventBridge delivered late: STALE, and kept as replaced by the pending one,
     * so that a redelivery of it is a DUPLICATE. Empty when the write lost a race.
     */
    private Optional<Admission> lateArrival(HrEvent event, byte[] envelope, EmployeeSchedule schedule, Instant dueAt,
                                            ScheduledChange later, Instant now) {
        String reason = "HR event " + later.hrEventId() + ", a " + later.kind().detailType() + " event for the same"
                + " employee due at " + later.dueAt() + ", is pending and HR's later word (" + (later.sequence() != null
                && event.sequence() != null ? "HR sequence " + later.sequence() + " > " + event.sequence()
                : "put on the bus at " + later.sentAt() + ", this one at " + event.time()) + "): not scheduled";
        Admission stale = new Admission(ProcessingResult.decided(Outcome.STALE, new UserRef(event.userName(), null),
                Verdict.skipped(reason)).with(Scheduling.due(dueAt)), List.of());
        if (dryRun) {
            return Optional.of(stale);
        }
        ScheduledChange kept = ScheduledChange.pending(event, dueAt, new String(envelope, StandardCharsets.UTF_8), now)
                .resolved(State.REPLACED, later.hrEventId(), now);
        return store.put(schedule.with(kept).nextVersion(), schedule.version()) ? Optional.of(stale) : Optional.empty();
    }

    /**
     * After the lifecycle service handled an event the gate let through: resolves the change this delivery claimed,
     * replaces pending changes a newer joiner or leaver supersedes, cancels the delete after a suspension on a
     * rehire, and schedules that delete when a leave has suspended.
     */
    Aftermath afterHandled(HrEvent event, Admission admission, ProcessingResult result) {
        // A mover applied at once touches no other pending change (only joiners and leavers replace, cancel or
        // schedule one): no read.
        if (dryRun || !event.kind().isLifecycle() || (event.kind() == EventKind.MOVED && !admission.scheduled())) {
            return Aftermath.NONE;
        }
        Instant now = clock.instant();
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            EmployeeSchedule schedule = schedule(event.employeeId());
            EmployeeSchedule next = schedule;
            List<Notice> notices = new ArrayList<>();
            List<String> cancelled = new ArrayList<>();
            Optional<ScheduledChange> own = schedule.find(event.hrEventId());
            boolean claimed = own.isPresent() && own.get().state() == State.RUNNING;
            if (claimed) {
                next = next.with(resolve(own.get(), result, now));
            }
            if (!claimed && !event.isFollowUp() && ADMITTED.contains(result.outcome())
                    && (event.kind() == EventKind.JOINED || event.kind() == EventKind.LEFT)) {
                for (ScheduledChange old : pendingOfSameKind(next, event)) {
                    if (old.isSupersededBy(event)) {
                        next = next.with(old.resolved(State.REPLACED, event.hrEventId(), now));
                        cancelled.add(old.hrEventId());
                        notices.add(new Notice(event.employeeId(), old, Outcome.CANCELLED, "replaced by HR event "
                                + event.hrEventId() + ", a later " + event.kind().detailType()
                                + " event for the same employee, applied at once"));
                    }
                }
            }
            if (event.kind() == EventKind.JOINED && ADMITTED.contains(result.outcome())) {
                for (ScheduledChange delete : next.open()) {
                    if (delete.isFollowUp() && delete.state() == State.PENDING) {
                        next = next.with(delete.resolved(State.CANCELLED, event.hrEventId(), now));
                        cancelled.add(delete.hrEventId());
                        notices.add(new Notice(event.employeeId(), delete, Outcome.CANCELLED,
                                "cancelled by the rehire, HR event " + event.hrEventId()));
                    }
                }
            }
            Optional<ScheduledChange> delete = deleteToSchedule(event, result, next, now);
            if (delete.isPresent()) {
                next = next.with(delete.get());
                notices.add(new Notice(event.employeeId(), delete.get(), Outcome.SCHEDULED, "the user was suspended"
                        + " by HR event " + event.hrEventId() + " (" + LeaverPolicy.KEY + " "
                        + LeaverPolicy.SUSPEND_THEN_DELETE.configName() + "): it is deleted "
                        + dating.deleteAfterDays() + " days after the leave unless a rehire cancels it"));
            }
            if (next.equals(schedule)) {
                return Aftermath.NONE;
            }
            if (store.put(next.nextVersion(), schedule.version())) {
                Scheduling scheduling = claimed ? Scheduling.due(own.get().dueAt()) : Scheduling.NONE;
                return new Aftermath(scheduling.withCancelled(cancelled), notices);
            }
        }
        throw contended(event);
    }

    /** The claimed change once its delivery is done: applied, back to pending for a retry, or failed for good. */
    private static ScheduledChange resolve(ScheduledChange claimed, ProcessingResult result, Instant now) {
        return switch (result.outcome()) {
            case APPLIED, NO_CHANGE, STALE, DUPLICATE -> claimed.finished(State.DONE, result.outcome(), now);
            case FAILED -> result.retryable() ? claimed.withState(State.PENDING)
                    : claimed.finished(State.FAILED, result.outcome(), now);
            case REJECTED -> claimed.finished(State.FAILED, result.outcome(), now);
            default -> claimed.withState(State.PENDING);
        };
    }

    /**
     * Under suspend-then-delete, a leave that kept a (now suspended) user schedules its delete, once: the ledger must
     * still show that leave as the last applied event, so that a late redelivery after a rehire schedules nothing.
     */
    private Optional<ScheduledChange> deleteToSchedule(HrEvent event, ProcessingResult result,
                                                       EmployeeSchedule schedule, Instant now) {
        if (rules.leaverPolicy() != LeaverPolicy.SUSPEND_THEN_DELETE || event.kind() != EventKind.LEFT
                || event.isFollowUp() || !Set.of(Outcome.APPLIED, Outcome.NO_CHANGE, Outcome.DUPLICATE)
                .contains(result.outcome())) {
            return Optional.empty();
        }
        String id = ScheduledChange.followUpId(event.hrEventId());
        Optional<ScheduledChange> existing = schedule.find(id);
        if (existing.isPresent() && existing.get().state() != State.FAILED) {
            return Optional.empty();
        }
        LedgerEntry entry = ledger.find(event.employeeId()).orElse(null);
        if (entry == null || entry.status() != EmploymentStatus.LEFT || entry.userId() == null
                || !event.hrEventId().equals(entry.lastEventId())) {
            return Optional.empty();
        }
        String userName = result.user().userName() != null ? result.user().userName() : event.userName();
        return Optional.of(ScheduledChange.deleteAfterSuspension(event, userName,
                dating.deleteDueAt(event.effectiveAt()), now));
    }

    /** What an Employee Change Cancelled event does: cancel the pending change it names, or say why it cannot. */
    Admission cancel(HrEvent cancellation) {
        Instant now = clock.instant();
        String target = cancellation.cancelsEventId();
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            EmployeeSchedule schedule = schedule(cancellation.employeeId());
            if (schedule.changes().stream().anyMatch(c -> c.state() == State.CANCELLED
                    && cancellation.hrEventId().equals(c.resolvedBy()))) {
                return stop(Outcome.DUPLICATE, cancellation, "HR event " + cancellation.hrEventId()
                        + " already cancelled HR event " + target);
            }
            Optional<ScheduledChange> known = schedule.find(target);
            if (known.isEmpty()) {
                Optional<Admission> unknown = cancelUnknown(cancellation, schedule, now);
                if (unknown.isPresent()) {
                    return unknown.get();
                }
                continue; // lost a race: read again
            }
            ScheduledChange change = known.get();
            switch (change.state()) {
                case DONE:
                    return stop(Outcome.NO_CHANGE, cancellation, "HR event " + target + " was already applied when"
                            + " due at " + change.dueAt() + " (" + change.outcome() + "): a change that took effect"
                            + " cannot be cancelled; send the event that undoes it");
                case CANCELLED:
                    return stop(Outcome.NO_CHANGE, cancellation, "HR event " + target
                            + " was already cancelled by HR event " + change.resolvedBy());
                case REPLACED:
                    return stop(Outcome.NO_CHANGE, cancellation, "HR event " + target + " was replaced by HR event "
                            + change.resolvedBy() + " (rescheduled): cancel that one instead");
                case RUNNING:
                    return new Admission(ProcessingResult.decided(Outcome.FAILED, UserRef.UNKNOWN,
                            Verdict.failed(ConcurrentDeliveryException.ERROR_TYPE, "HR event " + target + " is being"
                                    + " applied right now: retried, this cancellation then finds it applied or"
                                    + " pending again", true)), List.of());
                default:
                    break;
            }
            // PENDING, or FAILED (in the failure queue: a redrive of it must not apply it either)
            String what = change.state() == State.FAILED ? "the failed change " : "the pending ";
            ProcessingResult result = ProcessingResult.decided(dryRun ? Outcome.PLANNED : Outcome.APPLIED,
                    new UserRef(change.userName(), null), Verdict.NONE.withNote("cancelled " + what
                            + change.label() + " HR event " + target + ", due at " + change.dueAt()
                            + (change.state() == State.FAILED ? "; a redrive of it will not apply it" : "")))
                    .with(Scheduling.NONE.withCancelled(List.of(target)));
            if (dryRun) {
                return new Admission(result, List.of());
            }
            if (store.put(schedule.with(change.resolved(State.CANCELLED, cancellation.hrEventId(), now))
                    .nextVersion(), schedule.version())) {
                List<Notice> notices = change.state() == State.PENDING ? List.of(new Notice(cancellation.employeeId(),
                        change, Outcome.CANCELLED, "cancelled by HR event " + cancellation.hrEventId()
                        + (cancellation.leaveReason() == null ? "" : ": " + cancellation.leaveReason())))
                        : List.of();
                return new Admission(result, notices);
            }
        }
        throw contended(cancellation);
    }

    /**
     * A cancellation of a change the schedule does not know: applied already (the ledger knows it), or not arrived
     * (yet): it is recorded as cancelled, so that it is not applied if it arrives later. Empty when the write lost.
     */
    private Optional<Admission> cancelUnknown(HrEvent cancellation, EmployeeSchedule schedule, Instant now) {
        String target = cancellation.cancelsEventId();
        LedgerEntry entry = ledger.find(cancellation.employeeId()).orElse(null);
        if (entry != null && entry.recentEventIds().contains(target)) {
            return Optional.of(stop(Outcome.NO_CHANGE, cancellation, "HR event " + target + " was already applied"
                    + " (it took effect when it arrived): a change that took effect cannot be cancelled; send the"
                    + " event that undoes it"));
        }
        Admission unknown = stop(Outcome.NO_CHANGE, cancellation, "no pending change with HR event id " + target
                + " for employee " + cancellation.employeeId() + ": nothing to cancel; recorded, so that HR event "
                + target + " is not applied if it arrives later");
        if (dryRun || store.put(schedule.with(ScheduledChange.cancelledBeforeArrival(target,
                cancellation.hrEventId(), now)).nextVersion(), schedule.version())) {
            return Optional.of(unknown);
        }
        return Optional.empty();
    }

    /**
     * The other pending HR events of the event's kind: what a newer event of that kind replaces (follow-ups left out:
     * only a rehire cancels one).
     */
    private static List<ScheduledChange> pendingOfSameKind(EmployeeSchedule schedule, HrEvent event) {
        return schedule.open().stream()
                .filter(c -> c.state() == State.PENDING && c.kind() == event.kind() && !c.isFollowUp())
                .filter(c -> !c.hrEventId().equals(event.hrEventId())).toList();
    }

    private EmployeeSchedule schedule(String employeeId) {
        return store.find(employeeId).orElse(EmployeeSchedule.empty(employeeId));
    }

    private static Admission stop(Outcome outcome, HrEvent event, String reason) {
        return new Admission(ProcessingResult.decided(outcome, new UserRef(event.userName(), null),
                outcome == Outcome.DUPLICATE || outcome == Outcome.NO_CHANGE ? Verdict.skipped(reason)
                        : Verdict.NONE.withNote(reason)), List.of());
    }

    private static ConcurrentDeliveryException contended(HrEvent event) {
        return new ConcurrentDeliveryException("the schedule of employee " + event.employeeId()
                + " stayed contended after " + WRITE_ATTEMPTS + " attempts (HR event " + event.hrEventId() + ")");
    }
}
