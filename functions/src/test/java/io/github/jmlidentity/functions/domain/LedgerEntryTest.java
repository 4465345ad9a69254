package io.github.jmlidentity.functions.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.github.jmlidentity.functions.domain.EventKind.JOINED;
import static io.github.jmlidentity.functions.domain.EventKind.LEFT;
import static io.github.jmlidentity.functions.domain.EventKind.MOVED;
import static io.github.jmlidentity.functions.domain.Events.EMPLOYEE;
import static io.github.jmlidentity.functions.domain.Events.T;
import static io.github.jmlidentity.functions.domain.Events.after;
import static io.github.jmlidentity.functions.domain.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

/** How each write moves a ledger entry on: the watermark, the tie-break kind, the leave, the lease, the version. */
class LedgerEntryTest {

    static Stream<Arguments> applications() {
        HrEvent joined = event(JOINED, "hr-1", 0);
        LedgerEntry active = after(event(MOVED, "hr-2", 24), List.of("hr-1", "hr-2"));
        return Stream.of(
                Arguments.of("a first event", LedgerEntry.empty(EMPLOYEE), joined, EmploymentStatus.ACTIVE,
                        joined.effectiveAt(), JOINED, null),
                Arguments.of("a later event", active, event(MOVED, "hr-3", 48), EmploymentStatus.ACTIVE,
                        T.plusSeconds(48 * 3600), MOVED, null),
                Arguments.of("an earlier event applied late", active, event(JOINED, "hr-0", 12), EmploymentStatus.ACTIVE,
                        T.plusSeconds(24 * 3600), MOVED, null),
                Arguments.of("a leave", active, event(LEFT, "hr-3", 48), EmploymentStatus.LEFT, T.plusSeconds(48 * 3600),
                        LEFT, T.plusSeconds(48 * 3600)),
                Arguments.of("a rehire after the leave", after(event(LEFT, "hr-3", 48), List.of("hr-3")),
                        event(JOINED, "hr-4", 72), EmploymentStatus.ACTIVE, T.plusSeconds(72 * 3600), JOINED,
                        T.plusSeconds(48 * 3600)));
    }

    @ParameterizedTest(name = "GIVEN {0} WHEN applied THEN watermark {4}, kind {5}, left at {6}")
    @MethodSource("applications")
    void GIVEN_an_entry_WHEN_an_event_is_applied_THEN_the_watermark_only_moves_forward(
            String given, LedgerEntry entry, HrEvent event, EmploymentStatus status, Instant watermark,
            EventKind lastKind, Instant leftAt) {
        LedgerEntry next = entry.locked(event.hrEventId(), T).applied(event, "u-2", status);

        assertThat(next.status()).isEqualTo(status);
        // the last event id is the watermark's holder: an earlier event applied late does not take it
        assertThat(next.lastEventId()).isEqualTo(watermark.equals(event.effectiveAt()) ? event.hrEventId()
                : entry.lastEventId());
        assertThat(next.lastEffectiveAt()).isEqualTo(watermark);
        assertThat(next.lastEventKind()).isEqualTo(lastKind);
        assertThat(next.leftAt()).isEqualTo(leftAt);
        assertThat(next.recentEventIds()).endsWith(event.hrEventId());
        assertThat(next.userId()).isEqualTo("u-2");
        assertThat(next.version()).isEqualTo(entry.version() + 2);
        assertThat(next.lockOwner()).as("the lease is released").isNull();
        assertThat(next.leaveEventId()).isNull();
    }

    @Test
    void GIVEN_a_full_list_of_recent_event_ids_WHEN_another_is_applied_THEN_the_oldest_is_forgotten() {
        List<String> full = new ArrayList<>(IntStream.range(0, LedgerEntry.RECENT_EVENT_IDS).mapToObj(i -> "hr-" + i).toList());
        LedgerEntry entry = after(event(MOVED, "hr-19", 0), full);

        LedgerEntry next = entry.applied(event(MOVED, "hr-20", 1), "u-1", EmploymentStatus.ACTIVE);

        assertThat(next.recentEventIds()).hasSize(LedgerEntry.RECENT_EVENT_IDS).doesNotContain("hr-0").endsWith("hr-20");
    }

    @Test
    void GIVEN_a_lease_WHEN_time_passes_THEN_it_holds_until_it_lapses_and_writes_under_it_keep_it() {
        LedgerEntry leased = LedgerEntry.empty(EMPLOYEE).locked("hr-1", T.plusSeconds(60));

        assertThat(leased.isLockedAt(T)).isTrue();
        assertThat(leased.isLockedAt(T.plusSeconds(60))).as("lapsed at its expiry").isFalse();
        LedgerEntry created = leased.withUserId("u-1");
        assertThat(created.lockOwner()).isEqualTo("hr-1");
        assertThat(created.userId()).isEqualTo("u-1");
        LedgerEntry intent = created.withLeaveIntent("hr-1", "u-1", List.of("jml-all-staff"));
        assertThat(intent.leaveEventId()).isEqualTo("hr-1");
        assertThat(intent.membershipsBefore()).containsExactly("jml-all-staff");
        assertThat(intent.isLockedAt(T)).isTrue();
        assertThat(intent.unlocked().isLockedAt(T)).isFalse();
        assertThat(intent.unlocked().version()).isEqualTo(4);
    }
}
