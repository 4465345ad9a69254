package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.functions.application.ProvisioningRefusedException.Refusal;
import io.github.jmlidentity.functions.application.port.out.UserScan;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.Plan;

import java.util.List;
import java.util.Locale;

/**
 * Employee Left: find the employee's own user, list its memberships (recorded in the ledger, and then in the audit
 * record, before anything changes) and the account assignments made to the user directly, remove those assignments
 * (when the rules say so), then delete the user or suspend it per the leaver policy, within the mass-deletion cap.
 * The user is the one the ledger maps the employee to; else the one the event names, if it is this employee's; else
 * the one a scan of every user finds by employeeNumber. Only that scan proves that there is no user (NO_CHANGE); the
 * leave is still recorded so that a late joiner or mover cannot re-provision them.
 * Under suspend-then-delete the leave suspends, and the delete that follows it (scheduled by the SchedulingGate,
 * an event marked as a follow-up) deletes; that delete was counted against the cap with its leave, so it is not
 * counted again.
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
        boolean deletes = event.isFollowUp() || rules.leaverPolicy() == LeaverPolicy.DELETE;
        DirectoryUser user = null;
        boolean ledgerUserGone = false;
        if (entry.userId() != null) {
            user = directory.findUser(entry.userId()).orElse(null);
            ledgerUserGone = user == null;
        }
        if (user == null && event.hrEventId().equals(entry.leaveEventId()) && !dryRun) {
            return alreadyDoneByEarlierAttempt(entry, progress, deletes);
        }
        if (user == null && entry.status() == EmploymentStatus.LEFT && entry.userId() == null) {
            progress.note = "employee " + event.employeeId() + " already left at " + entry.leftAt()
                    + ", and jml-identity deleted their user then";
            return new Execution(Outcome.NO_CHANGE, null, EmploymentStatus.LEFT);
        }
        // A protected user's name in a leaver is never looked up: the employee's own user is found another way.
        boolean namesProtectedUser = rules.isProtected(event.userName());
        if (user == null && event.userName() != null && !namesProtectedUser) {
            user = directory.findUserByUserName(event.userName()).orElse(null);
            if (user != null) {
                requireSameEmployee(user, event.employeeId());
            }
        }
        if (user == null) {
            user = scanByEmployeeNumber(event, progress, ledgerUserGone, entry.userId());
            if (user == null) {
                if (namesProtectedUser) {
                    refuseIfProtected(event.userName());
                }
                return new Execution(Outcome.NO_CHANGE, null, EmploymentStatus.LEFT);
            }
        }
        refuseIfProtected(user.userName());
        if (event.userName() != null
                && !event.userName().toLowerCase(Locale.ROOT).equals(user.userName().toLowerCase(Locale.ROOT))) {
            progress.note = join(progress.note, "USER_NAME_MISMATCH: the event names user '" + event.userName()
                    + "' but employee " + event.employeeId() + "'s user is '" + user.userName()
                    + "': the employee's own user was deprovisioned, the named user was not touched");
        }
        progress.userId = user.userId();
        progress.userName = user.userName();
        if (event.isFollowUp()) {
            progress.note = "the user suspended by HR event " + event.followUpOf() + " is deleted ("
                    + LeaverPolicy.KEY + " " + LeaverPolicy.SUSPEND_THEN_DELETE.configName() + ", "
                    + rules.effectiveDating().deleteAfterDays() + " days after the leave)";
        }
        List<Membership> memberships = directory.memberships(user.userId());
        List<DirectAssignment> direct = rules.removesDirectAssignments()
                ? assignmentRemoval.directAssignments(user.userId()) : List.of();
        Plan plan = planner.leave(user, memberships, direct, deletes);
        progress.plan = plan;
        progress.membershipsBefore = memberships.stream().map(Membership::label).toList();
        if (dryRun) {
            return new Execution(Outcome.PLANNED, user.userId(), EmploymentStatus.LEFT);
        }
        if (plan.isEmpty()) {
            return new Execution(Outcome.NO_CHANGE, user.userId(), EmploymentStatus.LEFT);
        }
        if (!event.isFollowUp() && !gate.reserveLeaverSlot(event, maxLeaversPerHour)) {
            throw new ProvisioningRefusedException(Refusal.MASS_DELETION_GUARD,
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
     * An earlier attempt of this leaver recorded the memberships, changed the directory and died before its audit
     * line: this record reports what that attempt found and did.
     */
    private Execution alreadyDoneByEarlierAttempt(LedgerEntry entry, Progress progress, boolean deletes) {
        List<String> recorded = entry.membershipsBefore();
        progress.userId = entry.userId();
        progress.membershipsBefore = recorded;
        if (deletes) {
            progress.userDeleted = true;
            progress.groupsRemoved.addAll(recorded);
        }
        progress.note = "user " + entry.userId() + " was already gone: an earlier attempt of this event"
                + " recorded its memberships in the ledger and deleted it";
        return new Execution(Outcome.APPLIED, null, EmploymentStatus.LEFT);
    }

    /**
     * Neither the ledger nor the event's user name found the user: read every user for the employeeNumber. One match
     * is the employee's user; none is proof that there is none (NO_CHANGE, with the count in the note); several, or a
     * directory that cannot be listed, fail the event rather than guess.
     */
    private DirectoryUser scanByEmployeeNumber(HrEvent event, Progress progress, boolean ledgerUserGone,
                                               String ledgerUserId) {
        UserScan scan = directory.usersWithEmployeeNumber(event.employeeId());
        String why = ledgerUserGone ? "user " + ledgerUserId + " recorded in the ledger no longer exists (deleted"
                + " outside jml-identity)" : "the ledger maps employee " + event.employeeId() + " to no user"
                + (event.userName() == null ? " and the event names none" : " and the event's user name finds none");
        if (scan == null) {
            throw new ProvisioningRefusedException(Refusal.USER_NOT_RESOLVED,
                    why + ", and this directory cannot be scanned for employeeNumber " + event.employeeId()
                            + ": nothing was changed, and there is no proof that the employee has no user");
        }
        String scanned = "scanned " + scan.usersScanned() + " users in " + scan.pages() + " ListUsers pages";
        if (scan.matches().size() > 1) {
            throw new ProvisioningRefusedException(Refusal.USER_NOT_RESOLVED,
                    why + ", and " + scan.matches().size() + " users have employeeNumber " + event.employeeId() + " ("
                            + scanned + ": " + String.join(", ", scan.matches().stream().map(DirectoryUser::userId)
                            .toList()) + "): nothing was changed; remove the extra users, then redrive this event");
        }
        if (scan.matches().isEmpty()) {
            progress.note = join(progress.note, why + "; no user has employeeNumber " + event.employeeId() + " ("
                    + scanned + "): the employee has no user in the directory");
            return null;
        }
        progress.note = join(progress.note, why + ": found user " + scan.matches().get(0).userId()
                + " by employeeNumber (" + scanned + ")");
        return scan.matches().get(0);
    }

    private static String join(String first, String second) {
        return first == null ? second : first + "; " + second;
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
