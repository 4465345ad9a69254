package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.ProvisioningRefusedException.Refusal;
import io.github.jmlidentity.functions.application.audit.Changes;
import io.github.jmlidentity.functions.application.audit.UserRef;
import io.github.jmlidentity.functions.application.audit.Verdict;
import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.AppliedChanges;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.FinalRecord;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.Plan;
import io.github.jmlidentity.functions.domain.Planner;
import io.github.jmlidentity.identitycenter.DirectoryFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps every event goes through: refuse protected users, admit through the ledger (duplicate, stale,
 * lease), plan, apply unless dry-run, record in the ledger. Subclasses plan and apply one event kind.
 */
public abstract class LifecycleService {

    protected final IdentityDirectory directory;
    protected final AccessRules rules;
    protected final Planner planner;
    protected final boolean dryRun;
    final LedgerGate gate;

    protected LifecycleService(LifecycleSettings settings) {
        this.directory = settings.directory();
        this.rules = settings.rules();
        this.planner = new Planner(settings.rules());
        this.dryRun = settings.dryRun();
        this.gate = new LedgerGate(settings.ledger(), settings.clock(), settings.lease(), settings.maxLeaseWait(),
                settings.leaseWait());
    }

    /** What an execution found and did; filled in as it goes so that a failure's audit record still says it. */
    protected static final class Progress {
        String userId;
        String userName;
        Plan plan;
        String note;
        /** Which delivery of the event this is. */
        int attempt = 1;
        /** What earlier attempts of the event did (from the ledger). */
        AppliedChanges earlier = AppliedChanges.NONE;
        /** The ledger entry as last written under this delivery's lease (null on a dry run). */
        LedgerGate.Admission admission;
        final List<String> attributesChanged = new ArrayList<>();
        final List<String> groupsAdded = new ArrayList<>();
        final List<String> groupsRemoved = new ArrayList<>();
        boolean userDeleted;
        boolean userCreated;
        List<String> membershipsBefore = List.of();
        final List<DirectAssignment> assignmentsRemoved = new ArrayList<>();

        /** What this attempt did. */
        AppliedChanges mine() {
            return new AppliedChanges(attributesChanged, groupsAdded, groupsRemoved, userDeleted, membershipsBefore,
                    userCreated ? attempt : null, assignmentsRemoved);
        }

        /** What every attempt of the event did, this one included. */
        AppliedChanges all() {
            return earlier.then(mine());
        }

        /** The result with everything found and done so far (by every attempt when the outcome is final). */
        ProcessingResult result(Outcome outcome, String resultUserId, Verdict verdict) {
            ProcessingResult own = new ProcessingResult(outcome, new UserRef(userName, resultUserId), plan,
                    Changes.of(mine()), verdict.withNote(note), attempt, null);
            return own.isFinal() ? new ProcessingResult(outcome, own.user(), plan, Changes.of(all()), own.verdict(),
                    attempt, null) : own;
        }
    }

    /** The result of planning (and, unless dry-run, applying) an admitted event. */
    protected record Execution(Outcome outcome, String userId, EmploymentStatus status) {
    }

    /**
     * Handles an event for a caller that writes no audit record of its own (e.g. a test of the services): the final
     * record is marked written at once, releasing the lease.
     */
    public final ProcessingResult handle(HrEvent event) {
        ProcessingResult result = handle(event, null);
        if (result.receipt() != null) {
            published(result.receipt());
        }
        return result;
    }

    /**
     * Handles an event; an applied one keeps the employee's lease until the caller has written its audit record and
     * called {@link #published} with the result's receipt (the EventPipeline does).
     *
     * @param lease how long this delivery holds the employee (e.g. the invocation's remaining time plus a
     *              margin, so that a crashed invocation blocks the employee no longer than needed); null for
     *              the configured default
     */
    public final ProcessingResult handle(HrEvent event, Duration lease) {
        Progress progress = new Progress();
        progress.userName = event.userName();
        try {
            if (event.kind() != EventKind.LEFT) {
                // A leaver's user name is only a look-up fallback: the leaver resolves the employee's own user first.
                refuseIfProtected(event.userName());
            }
            LedgerGate.Admission admission = gate.admit(event, dryRun, lease);
            progress.attempt = admission.attempt();
            progress.earlier = admission.entry().carriedOf(event.hrEventId());
            if (!admission.decision().applies()) {
                return notApplied(event, admission, progress);
            }
            Execution execution;
            progress.admission = admission;
            PublishReceipt receipt = null;
            try {
                execution = execute(event, admission.entry(), progress);
                if (!dryRun) {
                    // The ledger forgets a deleted user; the audit record still names it.
                    String recordUserId = execution.userId() != null ? execution.userId() : progress.userId;
                    receipt = gate.commit(progress.admission, event, execution.userId(), execution.status(),
                            new FinalRecord(event.hrEventId(), event.eventId(), execution.outcome(), recordUserId,
                                    progress.userName, progress.all(), progress.note, progress.attempt));
                }
            } catch (RuntimeException e) {
                if (!dryRun) {
                    try {
                        gate.release(progress.admission, progress.all());
                    } catch (RuntimeException releaseFailed) {
                        // The lease lapses by itself; what matters is why the event failed.
                        e.addSuppressed(releaseFailed);
                    }
                }
                throw e;
            }
            Outcome outcome = dryRun ? Outcome.PLANNED : execution.outcome();
            String userId = execution.userId() != null ? execution.userId() : progress.userId;
            ProcessingResult result = progress.result(outcome, userId, Verdict.NONE);
            return new ProcessingResult(result.outcome(), result.user(), result.plan(), result.changes(),
                    result.verdict(), result.attempt(), receipt);
        } catch (ProvisioningRefusedException e) {
            return progress.result(e.outcome(), progress.userId, Verdict.failed(e.errorType(), e.getMessage(), false));
        } catch (ConcurrentDeliveryException e) {
            return progress.result(Outcome.FAILED, progress.userId,
                    Verdict.failed(ConcurrentDeliveryException.ERROR_TYPE, e.getMessage(), true));
        } catch (DirectoryFailure e) {
            return progress.result(Outcome.FAILED, progress.userId,
                    Verdict.failed(e.errorType(), e.getMessage(), e.isTransient()));
        }
    }

    /** The final audit record of an applied event is written: the ledger forgets it, and the lease is released. */
    public final void published(PublishReceipt receipt) {
        gate.published(receipt);
    }

    private ProcessingResult notApplied(HrEvent event, LedgerGate.Admission admission, Progress progress) {
        LedgerEntry entry = admission.entry();
        if (admission.reEmit()) {
            FinalRecord record = entry.unpublished();
            return new ProcessingResult(record.outcome(), new UserRef(record.userName(), record.userId()), null,
                    Changes.of(record.changes()), Verdict.NONE.withNote((record.note() == null ? "" : record.note() + "; ")
                            + "re-emitted from the ledger by attempt " + progress.attempt + ": attempt "
                            + record.attempt() + " applied the event and ended before writing this record"),
                    progress.attempt, gate.receiptFor(admission, event));
        }
        if (admission.decision().skipOutcome() == Outcome.REJECTED) {
            return progress.result(Outcome.REJECTED, entry.userId(), Verdict.failed(admission.decision().errorType(),
                    admission.decision().reason(), false));
        }
        if (!progress.earlier.isEmpty()) {
            progress.note = "earlier attempts of this event changed the directory before it was "
                    + admission.decision().skipOutcome();
        }
        return progress.result(admission.decision().skipOutcome(), entry.userId(),
                Verdict.skipped(admission.decision().reason()));
    }

    protected abstract Execution execute(HrEvent event, LedgerEntry entry, Progress progress);

    /** Records a user this delivery just created in the ledger, under its lease (nothing on a dry run). */
    protected final void recordCreatedUser(HrEvent event, Progress progress, String userId, boolean createdNow) {
        progress.userId = userId;
        progress.userCreated = progress.userCreated || createdNow;
        if (!dryRun) {
            progress.admission = gate.recordUser(progress.admission, event, userId, progress.all());
        }
    }

    /** Records the memberships a leaver found in the ledger before anything changes, under its lease. */
    protected final void recordLeaveIntent(HrEvent event, Progress progress, String userId, List<String> groups) {
        progress.membershipsBefore = List.copyOf(groups);
        if (!dryRun) {
            progress.admission = gate.recordLeaveIntent(progress.admission, event, userId, groups);
        }
    }

    protected final void refuseIfProtected(String userName) {
        rules.protectedUserLike(userName).ifPresent(protectedName -> {
            String what = protectedName.toLowerCase(java.util.Locale.ROOT).equals(userName.toLowerCase(java.util.Locale.ROOT))
                    ? "user '" + protectedName + "' is a protected user in the access rules"
                    : "the user name looks like protected user '" + protectedName + "' (compared on confusable-folded"
                            + " names)";
            throw new ProvisioningRefusedException(Refusal.PROTECTED_USER,
                    what + ": no function modifies it");
        });
    }

    /** A user found by name is this employee only if its employeeNumber is the HR employeeId. */
    protected final void requireSameEmployee(DirectoryUser user, String employeeId) {
        String number = user.profile().employeeNumber();
        if (!employeeId.equals(number)) {
            throw new ProvisioningRefusedException(Refusal.IDENTITY_CONFLICT,
                    "user name '" + user.userName() + "' belongs to directory user " + user.userId() + " whose "
                            + (number == null ? "employeeNumber is not set" : "employeeNumber is '" + number + "'")
                            + ", not employee " + employeeId + ": refusing to adopt or change it");
        }
    }
}
