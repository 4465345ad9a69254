package io.github.jmlidentity.functions.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.github.jmlidentity.functions.domain.EventKind.JOINED;
import static io.github.jmlidentity.functions.domain.EventKind.LEFT;
import static io.github.jmlidentity.functions.domain.EventKind.MOVED;
import static io.github.jmlidentity.functions.domain.Events.EMPLOYEE;
import static io.github.jmlidentity.functions.domain.Events.T;
import static io.github.jmlidentity.functions.domain.Events.after;
import static io.github.jmlidentity.functions.domain.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

/** Whether an event applies, given what the ledger knows: every rule of the ordering policy, one row each. */
class OrderingPolicyTest {

    static Stream<Arguments> decisions() {
        HrEvent joined = event(JOINED, "hr-1", 0);
        HrEvent moved = event(MOVED, "hr-2", 24);
        HrEvent left = event(LEFT, "hr-3", 48);
        LedgerEntry active = after(moved, List.of("hr-1", "hr-2"));
        LedgerEntry departed = after(left, List.of("hr-1", "hr-2", "hr-3"));
        LedgerEntry departedBeforeKinds = new LedgerEntry(EMPLOYEE, null, EmploymentStatus.LEFT, "hr-3",
                left.effectiveAt(), left.effectiveAt(), List.of("hr-3"), 3, null, null, null, null, List.of());
        return Stream.of(
                row("no ledger entry", null, joined, null, null),
                row("an entry only leased so far", LedgerEntry.empty(EMPLOYEE).locked("hr-0", Events.T), joined, null, null),
                row("a known HR event id", active, joined, Outcome.DUPLICATE, "was already applied"),
                row("an event older than the last applied", active, event(MOVED, "hr-9", 12), Outcome.STALE,
                        "is older than the last applied event hr-2"),
                row("the same effectiveAt, earlier in the lifecycle", departed, event(MOVED, "hr-9", 48), Outcome.STALE,
                        "comes later in the lifecycle"),
                row("the same effectiveAt and kind, a smaller HR event id", active, event(MOVED, "hr-1a", 24),
                        Outcome.STALE, "its HR event id sorts after hr-1a"),
                row("the same effectiveAt and kind, a greater HR event id", active, event(MOVED, "hr-3", 24), null, null),
                row("a later mover for an employee who left", departed, event(MOVED, "hr-9", 72), Outcome.STALE,
                        "only an Employee Joined event (a rehire)"),
                row("a joiner at the leave, in an entry without event kinds", departedBeforeKinds,
                        event(JOINED, "hr-9", 48), Outcome.STALE, "at or before the recorded leave"),
                row("a joiner after the leave: a rehire", departed, event(JOINED, "hr-9", 72), null, null),
                row("a later leaver for an employee who left", departed, event(LEFT, "hr-9", 72), null, null),
                row("a later mover for an active employee", active, event(MOVED, "hr-9", 36), null, null),
                // issue #11 item 5: a leave ends employment; only a later joiner supersedes it
                row("a leaver older than the last applied mover", active, event(LEFT, "hr-9", 12), null, null),
                row("a leaver older than the last applied joiner (hire or rehire)", appliedAfter(joined),
                        event(LEFT, "hr-9", -12), Outcome.STALE, "a hire or rehire supersedes an earlier leave"),
                // issue #11 item 8: a known id with another payload
                row("a known HR event id with another payload", appliedAfter(joined), retitled(joined),
                        Outcome.REJECTED, "reuses it with another payload"),
                row("a known HR event id in another envelope, same payload", appliedAfter(joined),
                        new HrEvent("another-envelope", joined.hrEventId(), JOINED, EMPLOYEE, joined.effectiveAt(),
                                joined.employee(), joined.userName(), null, T.plusSeconds(999), null),
                        Outcome.DUPLICATE, "was already applied"),
                // issue #11 item 9: the tie-break, sequence first, then envelope time, then HR event id
                row("the same effectiveAt and kind, a smaller sequence though put later", stamped(moved, T, 5L),
                        stamp(event(MOVED, "hr-9", 24), T.plusSeconds(60), 4L), Outcome.STALE,
                        "its HR sequence 5 is greater than 4"),
                row("the same effectiveAt and kind, a greater sequence though put earlier", stamped(moved, T, 5L),
                        stamp(event(MOVED, "hr-0", 24), T.minusSeconds(60), 6L), null, null),
                row("the same effectiveAt and kind, no sequence, put earlier", stamped(moved, T, null),
                        stamp(event(MOVED, "hr-9", 24), T.minusSeconds(60), null), Outcome.STALE,
                        "it was put on the bus later"),
                row("the same effectiveAt and kind, no sequence, put later", stamped(moved, T, null),
                        stamp(event(MOVED, "hr-0", 24), T.plusSeconds(60), null), null, null));
    }

    /** The ledger after {@code event} was applied through the ledger's own transitions. */
    private static LedgerEntry appliedAfter(HrEvent event) {
        return LedgerEntry.empty(EMPLOYEE).locked(event.hrEventId(), T).applied(event, "u-1",
                event.kind() == LEFT ? EmploymentStatus.LEFT : EmploymentStatus.ACTIVE);
    }

    private static LedgerEntry stamped(HrEvent event, java.time.Instant time, Long sequence) {
        return appliedAfter(stamp(event, time, sequence));
    }

    private static HrEvent stamp(HrEvent e, java.time.Instant time, Long sequence) {
        return new HrEvent(e.eventId(), e.hrEventId(), e.kind(), e.employeeId(), e.effectiveAt(), e.employee(),
                e.userName(), e.leaveReason(), time, sequence);
    }

    private static HrEvent retitled(HrEvent e) {
        return new HrEvent("another-envelope", e.hrEventId(), e.kind(), e.employeeId(), e.effectiveAt(),
                Events.employee("Principal Engineer", "Engineering", "London"), e.userName(), null);
    }

    private static Arguments row(String given, LedgerEntry entry, HrEvent event, Outcome skip, String reason) {
        return Arguments.of(given, entry, event, skip, reason);
    }

    @ParameterizedTest(name = "GIVEN {0} WHEN the event arrives THEN {3}")
    @MethodSource("decisions")
    void GIVEN_the_ledger_WHEN_an_event_arrives_THEN_it_applies_or_is_skipped_with_a_reason(
            String given, LedgerEntry entry, HrEvent event, Outcome skip, String reason) {
        OrderingPolicy.Decision decision = OrderingPolicy.decide(event, entry);

        assertThat(decision.skipOutcome()).isEqualTo(skip);
        assertThat(decision.applies()).isEqualTo(skip == null);
        if (reason == null) {
            assertThat(decision.reason()).isNull();
        } else {
            assertThat(decision.reason()).contains(reason);
        }
    }
}
