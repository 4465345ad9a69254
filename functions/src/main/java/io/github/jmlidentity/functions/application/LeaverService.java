package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.Plan;

import java.util.List;

/**
 * Employee Left: list the memberships (recorded in the ledger, and then in the audit record, before anything
 * changes) and the account assignments made to the user directly, remove those assignments (when the rules say so),
 * then delete the user or suspend it per the leaver policy, within the mass-deletion cap. An unknown employee is
 * NO_CHANGE, and the leave is still recorded so that a late joiner or mover cannot re-provision them.
 */
public final class LeaverService extends LifecycleService {

    private final int maxLeaversPerHour;
    private final AssignmentRemoval assignmentRemoval;

    public LeaverService(LifecycleSettings settings) {
        super(settings);
        this.maxLeaversPerHour = settings.rules().maxLeaversPerHour();
        this.assignmentRemoval = settings.assignmentRemoval();
    }

    @Override
    protected Execution execute(HrEvent event, LedgerEntry entry, Progress progress) {
        DirectoryUser user = null;
        if (entry.userId() != null) {
            user = directory.findUser(entry.userId()).orElse(null);
        }
        if (user == null && event.userName() != null) {
            user = directory.findUserByUserName(event.userName()).orElse(null);
            if (user != null) {
                requireSameEmployee(user, event.employeeId());
            }
        }
        if (user == null) {
            if (event.hrEventId().equals(entry.leaveEventId()) && !dryRun) {
                List<String> recorded = entry.membershipsBefore();
                // An earlier attempt of this leaver recorded the memberships, changed the directory and died before
                // its audit line: this record reports what that attempt found and did.
                progress.userId = entry.userId();
                progress.membershipsBefore = recorded;
                if (rules.leaverPolicy() == LeaverPolicy.DELETE) {
                    progress.userDeleted = true;
                    progress.groupsRemoved.addAll(recorded);
                }
                progress.note = "user " + entry.userId() + " was already gone: an earlier attempt of this event"
                        + " recorded its memberships in the ledger and deleted it";
                return new Execution(Outcome.APPLIED, null, EmploymentStatus.LEFT);
            }
            progress.note = "employee " + event.employeeId() + " has no user in the directory";
            return new Execution(Outcome.NO_CHANGE, null, EmploymentStatus.LEFT);
        }
        refuseIfProtected(user.userName());
        progress.userId = user.userId();
        progress.userName = user.userName();
        List<Membership> memberships = directory.memberships(user.userId());
        List<DirectAssignment> direct = rules.removesDirectAssignments()
                ? assignmentRemoval.directAssignments(user.userId()) : List.of();
        Plan plan = planner.leave(user, memberships, direct);
        progress.plan = plan;
        progress.membershipsBefore = memberships.stream().map(Membership::label).toList();
        if (dryRun) {
            return new Execution(Outcome.PLANNED, user.userId(), EmploymentStatus.LEFT);
        }
        if (plan.isEmpty()) {
            return new Execution(Outcome.NO_CHANGE, user.userId(), EmploymentStatus.LEFT);
        }
        if (!gate.reserveLeaverSlot(event, maxLeaversPerHour)) {
            throw new ProvisioningRefusedException(ProvisioningRefusedException.MASS_DELETION_GUARD, Outcome.FAILED,
                    "more than " + maxLeaversPerHour + " leavers in the last hour (massDeletionGuard."
                            + "maxLeaversPerHour): nothing was changed for employee " + event.employeeId()
                            + "; redrive this event from the failure queue once the leavers are confirmed");
        }
        // Logged first: the memberships go to the ledger before any of them is removed.
        recordLeaveIntent(event, progress, user.userId(), progress.membershipsBefore);
        removeDirectAssignments(user.userId(), plan, progress);
        if (plan.deleteUser()) {
            directory.deleteUser(user.userId());
            progress.userDeleted = true;
            plan.membershipsToRemove().forEach(m -> progress.groupsRemoved.add(m.label()));
            return new Execution(Outcome.APPLIED, null, EmploymentStatus.LEFT);
        }
        for (Membership membership : plan.membershipsToRemove()) {
            directory.removeMembership(membership.membershipId());
            progress.groupsRemoved.add(membership.label());
        }
        return new Execution(Outcome.APPLIED, user.userId(), EmploymentStatus.LEFT);
    }

    /**
     * The one step that removes the user's direct account assignments, before DeleteUser (a deleted user's assignments
     * stay behind as orphans) and when the user is suspended (a suspended user would keep them). A deletion that
     * FAILED or did not complete in time throws a retryable failure before the user is deleted or changed further.
     */
    private void removeDirectAssignments(String userId, Plan plan, Progress progress) {
        if (!plan.assignmentsToRemove().isEmpty()) {
            assignmentRemoval.removeAll(userId, plan.assignmentsToRemove(), progress.assignmentsRemoved::add);
        }
    }
}
