package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.functions.adapter.json.AccessRulesLoader;
import io.github.jmlidentity.functions.adapter.json.EventParser;
import io.github.jmlidentity.functions.adapter.out.InMemoryEmployeeLedger;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.HrEventResult;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.InMemoryIdentityDirectory;
import io.github.jmlidentity.functions.support.TestClock;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import io.github.jmlidentity.identitycenter.DirectoryFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 items 11 and 12: a delivery that finds the employee leased waits as long as its own deadline allows
 * (moving a test clock, not sleeping), and a failure to release the lease never hides why the event failed.
 */
class LeaseAndFailureHandlingTest {

    private static final AccessRules SHIPPED = AccessRulesLoader.load(Fixtures.accessRulesFile());
    /** The shipped rules, for a directory with no account assignments to remove. */
    private static final AccessRules RULES = SHIPPED.withDirectAssignments(DirectAssignmentPolicy.KEEP);

    private InMemoryIdentityDirectory directory;
    private final TestClock clock = new TestClock();

    @BeforeEach
    void theRulesGroups() {
        directory = new InMemoryIdentityDirectory();
        SHIPPED.allGrantableGroups().forEach(directory::givenGroup);
    }

    @Test
    void a_concurrent_delivery_waits_for_a_long_lease_within_its_own_deadline_instead_of_failing_after_20_seconds() {
        // GIVEN another delivery holds Jane for 90 more seconds (a long leaver, say)
        InMemoryEmployeeLedger ledger = new InMemoryEmployeeLedger();
        ledger.put(LedgerEntry.empty("E1001").locked("hr-evt-running", clock.instant().plusSeconds(90)), 0);
        List<Duration> waited = new ArrayList<>();
        var functions = LifecycleFunctions.builder().directory(directory).ledger(ledger).rules(RULES).clock(clock)
                .sleeper(d -> {
                    waited.add(d);
                    clock.advance(d);
                })
                .auditLines(line -> { }).build();

        // WHEN Jane's joiner arrives in an invocation with 5 minutes left
        HrEventResult result = functions.process(HrEventRequest.envelope(Fixtures.event("joiner.json"))
                .within(clock.instant().plus(Duration.ofMinutes(5))));

        // THEN it waited for the lease to lapse (no failure queue, no Lambda retry) and applied
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(waited.stream().reduce(Duration.ZERO, Duration::plus)).isBetween(Duration.ofSeconds(85),
                Duration.ofSeconds(91));
        assertThat(waited).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void a_lease_held_longer_than_half_the_deadline_fails_for_lambda_to_retry() {
        // GIVEN another delivery holds Jane for 10 more minutes
        InMemoryEmployeeLedger ledger = new InMemoryEmployeeLedger();
        ledger.put(LedgerEntry.empty("E1001").locked("hr-evt-running", clock.instant().plusSeconds(600)), 0);
        var functions = LifecycleFunctions.builder().directory(directory).ledger(ledger).rules(RULES).clock(clock)
                .sleeper(clock.sleeper()).auditLines(line -> { }).build();

        // WHEN Jane's joiner arrives with 5 minutes left
        HrEventResult result = functions.process(HrEventRequest.envelope(Fixtures.event("joiner.json"))
                .within(clock.instant().plus(Duration.ofMinutes(5))));

        // THEN it waited half of its time, then failed as retryable (Lambda retries it; nothing was written)
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.audit().verdict().errorType()).isEqualTo("CONCURRENT_DELIVERY");
        assertThat(result.isOpenFailure()).isTrue();
        assertThat(directory.writeCalls()).isZero();
    }

    @Test
    void a_lease_that_cannot_be_released_does_not_hide_why_the_event_failed() {
        // GIVEN a ledger that accepts the lease but fails when it is released, and a directory that throttles
        InMemoryEmployeeLedger ledger = new InMemoryEmployeeLedger() {
            @Override
            public synchronized boolean put(LedgerEntry next, long expectedVersion) {
                if (next.lockOwner() == null && next.status() == null) {
                    throw new DirectoryFailure(DirectoryFailure.Kind.OTHER_SERVICE, "ProvisionedThroughputExceededException",
                            "release the lease: ledger unavailable (test)", true);
                }
                return super.put(next, expectedVersion);
            }
        };
        directory.failNextCreateUser(new DirectoryFailure(DirectoryFailure.Kind.THROTTLED, "ThrottlingException",
                "CreateUser jane.doe: ThrottlingException: Rate exceeded (test)", true));
        HrEvent event = new EventParser().parse(Fixtures.event("joiner.json"), null);

        // WHEN the joiner fails
        ProcessingResult result = new JoinerService(new LifecycleSettings(directory, ledger, SHIPPED, clock, false,
                Duration.ofMinutes(2), Duration.ofSeconds(20), clock.sleeper())).handle(event, null);

        // THEN the record gives the original failure, not the release's
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.errorType()).isEqualTo("ThrottlingException");
        assertThat(result.reason()).contains("CreateUser jane.doe");
    }
}
