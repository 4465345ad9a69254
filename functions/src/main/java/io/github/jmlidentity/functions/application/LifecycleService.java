package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.audit.Changes;
import io.github.jmlidentity.functions.application.audit.UserRef;
import io.github.jmlidentity.functions.application.audit.Verdict;
import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.Plan;
import io.github.jmlidentity.functions.domain.Planner;
import io.github.jmlidentity.identitycenter.DirectoryFailure;

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
        this.gate = new LedgerGate(settings.ledger(), settings.clock(), settings.lease(), settings.maxLeaseWait());
    }

    /** What an execution found and did; filled in as it goes so that a failure's audit record still says it. */
    protected static final class Progress {
        String userId;
        String userName;
        Plan plan;
        String note;
        /** The ledger entry as last written under this delivery's lease (null on a dry run). */
        LedgerGate.Admission admission;
        final List<String> attributesChanged = new ArrayList<>();
        final List<String> groupsAdded = new ArrayList<>();
        final List<String> groupsRemoved = new ArrayList<>();
        boolean userDeleted;
        List<String> membershipsBefore = List.of();
        final List<DirectAssignment> assignmentsRemoved = new ArrayList<>();

        Changes changes() {
            return new Changes(attributesChanged, groupsAdded, groupsRemoved, userDeleted, membershipsBefore,
                    assignmentsRemoved);
        }

        /** The result with everything found and done so far. */
        ProcessingResult result(Outcome outcome, String resultUserId, Verdict verdict) {
            return new ProcessingResult(outcome, new UserRef(userName, resultUserId), plan, changes(),
                    verdict.withNote(note));
        }
    }

    /** The result of planning (and, unless dry-run, applying) an admitted event. */
    protected record Execution(Outcome outcome, String userId, EmploymentStatus status) {
    }

    public final ProcessingResult handle(HrEvent event) {
        return handle(event, null);
    }

    /**
     * @param lease how long this delivery holds the employee (e.g. the invocation's remaining time plus a
     *              margin, so that a crashed invocation blocks the employee no longer than needed); null for
     *              the configured default
     */
    public final ProcessingResult handle(HrEvent event, java.time.Duration lease) {
        Progress progress = new Progress();
        progress.userName = event.userName();
        try {
            refuseIfProtected(event.userName());
            LedgerGate.Admission admission = gate.admit(event, dryRun, lease);
            if (!admission.decision().applies()) {
                return ProcessingResult.skipped(admission.decision().skipOutcome(),
                        new UserRef(progress.userName, admission.entry().userId()), admission.decision().reason());
            }
            Execution execution;
            progress.admission = admission;
            try {
                execution = execute(event, admission.entry(), progress);
                if (!dryRun) {
                    gate.commit(progress.admission, event, execution.userId(), execution.status());
                }
            } catch (RuntimeException e) {
                if (!dryRun) {
                    gate.release(progress.admission);
                }
                throw e;
            }
            Outcome outcome = dryRun ? Outcome.PLANNED : execution.outcome();
            // The ledger forgets a deleted user; the audit record still names it.
            String userId = execution.userId() != null ? execution.userId() : progress.userId;
            return progress.result(outcome, userId, Verdict.NONE);
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

    protected abstract Execution execute(HrEvent event, LedgerEntry entry, Progress progress);

    /** Records a user this delivery just created in the ledger, under its lease (nothing on a dry run). */
    protected final void recordCreatedUser(HrEvent event, Progress progress, String userId) {
        progress.userId = userId;
        if (!dryRun) {
            progress.admission = gate.recordUser(progress.admission, event, userId);
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
        if (rules.isProtected(userName)) {
            throw new ProvisioningRefusedException(ProvisioningRefusedException.PROTECTED_USER, Outcome.REJECTED,
                    "user '" + userName + "' is a protected user in the access rules: no function modifies it");
        }
    }

    /** A user found by name is this employee only if its employeeNumber is the HR employeeId. */
    protected final void requireSameEmployee(DirectoryUser user, String employeeId) {
        String number = user.profile().employeeNumber();
        if (!employeeId.equals(number)) {
            throw new ProvisioningRefusedException(ProvisioningRefusedException.IDENTITY_CONFLICT, Outcome.FAILED,
                    "user name '" + user.userName() + "' belongs to directory user " + user.userId() + " whose "
                            + (number == null ? "employeeNumber is not set" : "employeeNumber is '" + number + "'")
                            + ", not employee " + employeeId + ": refusing to adopt or change it");
        }
    }
}
