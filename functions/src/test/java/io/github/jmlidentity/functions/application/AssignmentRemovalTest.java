package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.functions.support.InMemoryAccountAssignments;
import io.github.jmlidentity.identitycenter.DirectoryFailure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The step that removes a user's direct account assignments: every deletion is asked for first, then each is polled
 * with doubling waits, capped, until it is done; the waits never add up to more than the timeout. A clock that does
 * not move (and a sleeper that does not sleep) keeps the test instant.
 */
class AssignmentRemovalTest {

    private static final String PS = "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef";
    private static final DirectAssignment PRODUCTION = new DirectAssignment("222222222222", PS);
    private static final DirectAssignment AUDIT = new DirectAssignment("444444444444", PS);
    private static final AssignmentRemoval.Waiting WAITING = new AssignmentRemoval.Waiting(Duration.ofSeconds(60),
            Duration.ofMillis(500), Duration.ofSeconds(8));

    private final InMemoryAccountAssignments assignments = new InMemoryAccountAssignments()
            .given("u-1", PRODUCTION.accountId(), PS).given("u-1", AUDIT.accountId(), PS);
    private final List<Duration> slept = new ArrayList<>();
    private final List<DirectAssignment> removed = new ArrayList<>();
    private final AssignmentRemoval removal = new AssignmentRemoval(assignments,
            Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC), slept::add, WAITING);

    @Test
    void GIVEN_deletions_done_at_once_THEN_one_request_and_one_poll_each_and_no_wait() {
        removal.removeAll("u-1", List.of(PRODUCTION, AUDIT), removed::add);

        assertThat(removed).containsExactly(PRODUCTION, AUDIT);
        assertThat(assignments.of("u-1")).isEmpty();
        assertThat(assignments.deletionRequests).isEqualTo(2);
        assertThat(assignments.statusPolls).isEqualTo(2);
        assertThat(slept).isEmpty();
    }

    @Test
    void GIVEN_slow_deletions_THEN_the_waits_double_up_to_the_cap() {
        assignments.inProgressFor(6);

        removal.removeAll("u-1", List.of(PRODUCTION), removed::add);

        assertThat(removed).containsExactly(PRODUCTION);
        assertThat(slept).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8));
        assertThat(assignments.statusPolls).isEqualTo(7);
    }

    @Test
    void GIVEN_a_deletion_that_never_completes_THEN_the_waits_stop_at_the_timeout_and_the_failure_is_retryable() {
        assignments.inProgressFor(Integer.MAX_VALUE);

        assertThatThrownBy(() -> removal.removeAll("u-1", List.of(PRODUCTION), removed::add))
                .isInstanceOfSatisfying(DirectoryFailure.class, failure -> {
                    assertThat(failure.errorType()).isEqualTo(AssignmentRemoval.DELETION_TIMED_OUT);
                    assertThat(failure.isTransient()).isTrue();
                    assertThat(failure.getMessage()).contains("222222222222/" + PS).contains("IN_PROGRESS after PT1M");
                });
        assertThat(slept.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(WAITING.timeout());
        assertThat(removed).isEmpty();
    }

    @Test
    void GIVEN_one_deletion_that_fails_THEN_the_others_still_complete_and_the_failure_names_it_with_the_reason() {
        assignments.failNextDeletion("the role is in use");

        assertThatThrownBy(() -> removal.removeAll("u-1", List.of(PRODUCTION, AUDIT), removed::add))
                .isInstanceOfSatisfying(DirectoryFailure.class, failure -> {
                    assertThat(failure.errorType()).isEqualTo(AssignmentRemoval.DELETION_FAILED);
                    assertThat(failure.isTransient()).isTrue();
                    assertThat(failure.getMessage()).contains("222222222222/" + PS + " FAILED")
                            .contains("the role is in use").doesNotContain("444444444444");
                });
        assertThat(removed).containsExactly(AUDIT);
        assertThat(assignments.of("u-1")).containsExactly(PRODUCTION);
    }

    @Test
    void GIVEN_an_assignment_already_gone_THEN_it_is_neither_polled_nor_reported_removed() {
        removal.removeAll("u-1", List.of(new DirectAssignment("333333333333", PS), AUDIT), removed::add);

        assertThat(removed).containsExactly(AUDIT);
        assertThat(assignments.statusPolls).isEqualTo(1);
    }
}
