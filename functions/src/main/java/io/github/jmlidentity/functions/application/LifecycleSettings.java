package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.port.out.AccountAssignments;
import io.github.jmlidentity.functions.application.port.out.EmployeeLedger;
import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.functions.application.port.out.Sleeper;
import io.github.jmlidentity.functions.domain.AccessRules;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What every lifecycle service works with.
 *
 * @param lease        how long a delivery may hold an employee before another may take over; longer than the
 *                     function timeout, so a live invocation never loses it
 * @param maxLeaseWait how long a concurrent delivery waits for the lease before failing for a later retry, when the
 *                     caller gives no deadline (with one, it waits up to half of its remaining time)
 * @param assignmentRemoval how a leaver removes the user's direct account assignments (used only when the rules
 *                          say directAssignments: remove)
 * @param leaseWait    how the wait for another delivery's lease passes (the thread sleeps; tests move their clock)
 */
public record LifecycleSettings(IdentityDirectory directory, EmployeeLedger ledger, AccessRules rules, Clock clock,
                                boolean dryRun, Duration lease, Duration maxLeaseWait,
                                AssignmentRemoval assignmentRemoval, Sleeper leaseWait) {

    public LifecycleSettings {
        for (Object setting : new Object[] {directory, ledger, rules, clock, lease, maxLeaseWait, assignmentRemoval,
                leaseWait}) {
            Objects.requireNonNull(setting, "every lifecycle setting is required");
        }
    }

    /** Settings whose lease wait sleeps the thread. */
    public LifecycleSettings(IdentityDirectory directory, EmployeeLedger ledger, AccessRules rules, Clock clock,
                             boolean dryRun, Duration lease, Duration maxLeaseWait,
                             AssignmentRemoval assignmentRemoval) {
        this(directory, ledger, rules, clock, dryRun, lease, maxLeaseWait, assignmentRemoval, Sleeper.threadSleep());
    }

    /** Settings for functions whose users have no direct account assignment (tests of other concerns). */
    public LifecycleSettings(IdentityDirectory directory, EmployeeLedger ledger, AccessRules rules, Clock clock,
                             boolean dryRun, Duration lease, Duration maxLeaseWait) {
        this(directory, ledger, rules, clock, dryRun, lease, maxLeaseWait, Sleeper.threadSleep());
    }

    /** Settings with no direct account assignment whose lease wait passes as {@code leaseWait} says. */
    public LifecycleSettings(IdentityDirectory directory, EmployeeLedger ledger, AccessRules rules, Clock clock,
                             boolean dryRun, Duration lease, Duration maxLeaseWait, Sleeper leaseWait) {
        this(directory, ledger, rules, clock, dryRun, lease, maxLeaseWait, new AssignmentRemoval(
                AccountAssignments.NONE, clock, leaseWait, AssignmentRemoval.Waiting.DEFAULT), leaseWait);
    }

    /** The same settings with the mass-deletion guard's hourly cap at {@code max} (an operator-confirmed batch). */
    public LifecycleSettings withMaxLeaversPerHour(int max) {
        AccessRules r = rules;
        return new LifecycleSettings(directory, ledger, new AccessRules(r.defaultGroups(), r.managedGroups(), r.rules(),
                r.protectedUsers(), r.missingGroupPolicy(), r.leaverPolicy(), max, r.directAssignments()), clock, dryRun,
                lease, maxLeaseWait, assignmentRemoval, leaseWait);
    }

    public static LifecycleSettings of(IdentityDirectory directory, EmployeeLedger ledger, AccessRules rules,
                                       boolean dryRun) {
        return new LifecycleSettings(directory, ledger, rules, Clock.systemUTC(), dryRun,
                Duration.ofMinutes(2), Duration.ofSeconds(20));
    }
}
