package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.ProvisioningRefusedException.Refusal;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.Employee;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.Plan;
import io.github.jmlidentity.identitycenter.UniquenessConflictException;

import java.util.List;
import java.util.Map;

/**
 * Joiner and mover share one job: make the directory match the employee's full record. They differ in how
 * they look for the user first (see {@link #lookUpByNameFirst()}).
 */
abstract class ProvisioningService extends LifecycleService {

    private final GroupResolver groups;

    ProvisioningService(LifecycleSettings settings) {
        super(settings);
        this.groups = new GroupResolver(settings.directory(), settings.rules());
    }

    /**
     * A joiner normally creates a user that does not exist yet, so it tries CreateUser straight away and only
     * looks the name up on a conflict (minimal API calls); a mover expects the user to exist.
     */
    protected abstract boolean lookUpByNameFirst();

    @Override
    protected Execution execute(HrEvent event, LedgerEntry entry, Progress progress) {
        Employee employee = event.employee();
        DirectoryUser current = null;
        if (entry.userId() != null) {
            current = directory.findUser(entry.userId()).orElse(null);
            if (current == null && event.kind() != EventKind.JOINED && entry.status() == EmploymentStatus.ACTIVE) {
                // Deleted outside jml-identity (e.g. the security team contained the account): a mover must not
                // bring it back; only a joiner (a rehire) creates a user again.
                throw new ProvisioningRefusedException(Refusal.USER_DELETED_OUTSIDE, "user " + entry.userId() + " of employee " + employee.employeeId()
                        + " no longer exists, and jml-identity did not delete it: it was deleted outside (e.g. to"
                        + " contain the account); this " + event.kind().functionName() + " does not re-create it."
                        + " If access should be restored, HR sends an Employee Joined event (a rehire)");
            }
        }
        if (current == null && (lookUpByNameFirst() || dryRun)) {
            current = directory.findUserByUserName(employee.userName()).orElse(null);
            if (current != null) {
                requireSameEmployee(current, employee.employeeId());
            }
        }
        if (current == null && lookUpByNameFirst() && employee.email() != null) {
            // A user the old script created, now renamed by HR: the same person if its employeeNumber is this
            // employee's (otherwise a different person who happens to share the address: provision as usual).
            current = directory.findUserByEmail(employee.email())
                    .filter(byEmail -> employee.employeeId().equals(byEmail.profile().employeeNumber()))
                    .orElse(null);
            if (current != null) {
                progress.note = "employee " + employee.employeeId() + " had no ledger entry and no user named '"
                        + employee.userName() + "': adopted user " + current.userId() + " ('" + current.userName()
                        + "') by email and employeeNumber";
            }
        }
        if (current == null && event.kind() != EventKind.JOINED) {
            progress.note = "employee " + employee.employeeId() + " was not in the directory: provisioned by the "
                    + event.kind().functionName();
        }
        Plan plan = planFor(employee, current, progress);
        Map<String, String> groupIds = groups.resolve(plan.groupsToAdd());
        if (dryRun) {
            return new Execution(Outcome.PLANNED, progress.userId, EmploymentStatus.ACTIVE);
        }
        if (plan.createsUser()) {
            try {
                String created = directory.createUser(plan.createProfile());
                progress.attributesChanged.addAll(plan.attributesChanged());
                // Into the ledger at once, so that a leaver finds this user even if the rest of the event fails.
                recordCreatedUser(event, progress, created, true);
            } catch (UniquenessConflictException taken) {
                // Duplicate delivery, a half-applied earlier attempt, or a user created by hand: converge on it
                // if it is this employee.
                current = directory.findUserByUserName(employee.userName()).orElseThrow(() -> taken);
                requireSameEmployee(current, employee.employeeId());
                if (!current.userId().equals(entry.userId())) {
                    progress.note = "user '" + current.userName() + "' already existed with this employee's"
                            + " employeeNumber (created by an earlier attempt of this event whose ledger write was lost,"
                            + " or by another tool): converged on it";
                }
                plan = planFor(employee, current, progress);
                groupIds = groups.resolve(plan.groupsToAdd());
                if (!current.userId().equals(entry.userId())) {
                    recordCreatedUser(event, progress, current.userId(), false);
                }
            }
        }
        if (!plan.attributeChanges().isEmpty()) {
            directory.updateUser(plan.userId(), plan.attributeChanges());
            progress.attributesChanged.addAll(plan.attributesChanged());
        }
        for (String group : plan.groupsToAdd()) {
            directory.addMembership(groups.idOrCreate(group, groupIds.get(group)), progress.userId);
            progress.groupsAdded.add(group);
        }
        for (Membership membership : plan.membershipsToRemove()) {
            directory.removeMembership(membership.membershipId());
            progress.groupsRemoved.add(membership.label());
        }
        return new Execution(plan.isEmpty() ? Outcome.NO_CHANGE : Outcome.APPLIED, progress.userId,
                EmploymentStatus.ACTIVE);
    }

    private Plan planFor(Employee employee, DirectoryUser current, Progress progress) {
        List<Membership> memberships = List.of();
        if (current != null) {
            refuseIfProtected(current.userName());
            progress.userId = current.userId();
            memberships = directory.memberships(current.userId());
        }
        Plan plan = planner.converge(employee, current, memberships);
        progress.plan = plan;
        return plan;
    }
}
