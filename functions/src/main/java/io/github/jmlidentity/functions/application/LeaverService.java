package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.Plan;

import java.util.List;

/**
 * Employee Left: list the memberships (recorded in the audit record before anything changes), then delete the
 * user or suspend it per the leaver policy, within the mass-deletion cap. An unknown employee is NO_CHANGE, and
 * the leave is still recorded so that a late joiner or mover cannot re-provision them.
 */
public final class LeaverService extends LifecycleService {

    private final int maxLeaversPerHour;

    public LeaverService(LifecycleSettings settings) {
        super(settings);
        this.maxLeaversPerHour = settings.rules().maxLeaversPerHour();
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
            progress.note = "employee " + event.employeeId() + " has no user in the directory";
            return new Execution(Outcome.NO_CHANGE, null, EmploymentStatus.LEFT);
        }
        refuseIfProtected(user.userName());
        progress.userId = user.userId();
        progress.userName = user.userName();
        List<Membership> memberships = directory.memberships(user.userId());
        Plan plan = planner.leave(user, memberships);
        progress.plan = plan;
        if (dryRun) {
            return new Execution(Outcome.PLANNED, user.userId(), EmploymentStatus.LEFT);
        }
        if (plan.isEmpty()) {
            return new Execution(Outcome.NO_CHANGE, user.userId(), EmploymentStatus.LEFT);
        }
        if (!gate.reserveLeaverSlot(maxLeaversPerHour)) {
            throw new ProvisioningRefusedException(ProvisioningRefusedException.MASS_DELETION_GUARD, Outcome.FAILED,
                    "more than " + maxLeaversPerHour + " leavers in the last hour (massDeletionGuard."
                            + "maxLeaversPerHour): nothing was changed for employee " + event.employeeId()
                            + "; redrive this event from the failure queue once the leavers are confirmed");
        }
        if (plan.deleteUser()) {
            directory.deleteUser(user.userId());
            return new Execution(Outcome.APPLIED, null, EmploymentStatus.LEFT);
        }
        for (Membership membership : plan.membershipsToRemove()) {
            directory.removeMembership(membership.membershipId());
        }
        return new Execution(Outcome.APPLIED, user.userId(), EmploymentStatus.LEFT);
    }
}
