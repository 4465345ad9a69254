package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.port.out.EmployeeLedger;
import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.functions.domain.AccessRules;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What every lifecycle service works with.
 *
 * @param lease        how long a delivery may hold an employee before another may take over; longer than the
 *                     function timeout, so a live invocation never loses it
 * @param maxLeaseWait how long a concurrent delivery waits for the lease before failing for a later retry
 */
public record LifecycleSettings(
        IdentityDirectory directory,
        EmployeeLedger ledger,
        AccessRules rules,
        Clock clock,
        boolean dryRun,
        Duration lease,
        Duration maxLeaseWait) {

    public LifecycleSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(maxLeaseWait, "maxLeaseWait");
    }

    public static LifecycleSettings of(IdentityDirectory directory, EmployeeLedger ledger, AccessRules rules,
                                       boolean dryRun) {
        return new LifecycleSettings(directory, ledger, rules, Clock.systemUTC(), dryRun,
                Duration.ofMinutes(2), Duration.ofSeconds(20));
    }
}
