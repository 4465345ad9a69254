package io.github.jmlidentity.functions.wiring;

import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.functions.adapter.json.EventParser;
import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.HrEventResult;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.application.port.out.FailureQueue;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.InvalidAccessRulesException;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.InMemoryAccountAssignments;
import io.github.jmlidentity.functions.support.InMemoryIdentityDirectory;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inbound port as any driver gets it from the composition root: envelopes or parsed events, at the clock's
 * time, and what happens to a failure (left to the caller, or taken by the failure queue).
 */
class LifecycleFunctionsTest {

    private static final Instant AS_OF = Instant.parse("2026-06-01T12:00:00Z");

    private final List<String> auditLines = new ArrayList<>();
    private InMemoryIdentityDirectory directory;

    @BeforeEach
    void givenTheRulesGroups() {
        directory = new InMemoryIdentityDirectory();
        StoryWorld.SHIPPED_RULES.allGrantableGroups().forEach(directory::givenGroup);
    }

    private LifecycleFunctions.Builder wiring() {
        return LifecycleFunctions.builder().directory(directory).ledgerInMemory().rules(StoryWorld.SHIPPED_RULES)
                .accountAssignments(new InMemoryAccountAssignments())
                .clock(Clock.fixed(AS_OF, ZoneOffset.UTC)).auditLines(auditLines::add);
    }

    private static HrEvent parsed(String sample) {
        return new EventParser().parse(Fixtures.event(sample), null);
    }

    @Test
    void GIVEN_a_parsed_joiner_WHEN_processed_at_a_fixed_time_THEN_it_applies_and_is_audited_at_that_time() {
        HrEventResult result = wiring().build().process(HrEventRequest.event(parsed("joiner.json")));

        AuditRecord audit = result.audit();
        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(audit.time()).isEqualTo(AS_OF);
        assertThat(audit.event().hrEventId()).isEqualTo("hr-evt-0001");
        assertThat(audit.changes().groupsAdded()).containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
        assertThat(auditLines).singleElement().asString().contains("\"time\":\"2026-06-01T12:00:00Z\"");
        assertThat(result.isOpenFailure()).isFalse();
    }

    @Test
    void GIVEN_a_parsed_mover_WHEN_the_joiner_function_processes_it_THEN_it_is_rejected_naming_the_detail_type() {
        HrEventResult result = wiring().build()
                .process(HrEventRequest.event(parsed("mover.json")).expecting(EventKind.JOINED));

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.audit().verdict().reason())
                .isEqualTo("detail-type: 'Employee Moved' is not handled by the joiner function, which takes 'Employee Joined'");
        assertThat(directory.writeCalls()).isZero();
    }

    /** A failure queue that keeps what it is sent, or refuses it. */
    private record Queue(List<AuditRecord> sent, boolean refuses) implements FailureQueue {
        @Override
        public void send(AuditRecord failure, byte[] envelope) {
            if (refuses) {
                throw new IllegalStateException("queue unavailable (test)");
            }
            sent.add(failure);
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a rejected event, a failure queue", "invalid/joiner-missing-email.json", true, false, true),
                Arguments.of("a rejected event, no failure queue", "invalid/joiner-missing-email.json", false, false, false),
                Arguments.of("a rejected event, a queue that refuses it", "invalid/joiner-missing-email.json", true, true,
                        false),
                Arguments.of("an applied event, a failure queue", "joiner.json", true, false, false));
    }

    @ParameterizedTest(name = "GIVEN {0} WHEN processed THEN queued={4}")
    @MethodSource("failures")
    void GIVEN_a_permanent_failure_WHEN_processed_THEN_the_failure_queue_takes_it_or_the_caller_keeps_it(
            String given, String sample, boolean withQueue, boolean queueRefuses, boolean queued) {
        Queue queue = new Queue(new ArrayList<>(), queueRefuses);
        ProcessHrEvent functions = wiring().failureQueue(withQueue ? queue : null).build();

        HrEventResult result = functions.process(HrEventRequest.envelope(Fixtures.event(sample)));

        assertThat(result.queued()).isEqualTo(queued);
        assertThat(queue.sent()).hasSize(queued ? 1 : 0);
        assertThat(result.isOpenFailure()).isEqualTo(result.audit().isFailure() && !queued);
        assertThat(result.queueFailure() != null).isEqualTo(queueRefuses);
    }

    @Test
    void GIVEN_inline_rules_that_are_not_valid_WHEN_wired_THEN_every_error_names_its_origin() {
        assertThatThrownBy(() -> LifecycleFunctions.builder().rulesJson("{\"leaverPolicy\": \"disable\"}", "ACCESS_RULES"))
                .isInstanceOf(InvalidAccessRulesException.class)
                .hasMessageContaining("ACCESS_RULES /managedGroups: is required")
                .hasMessageContaining("ACCESS_RULES /leaverPolicy: must be \"delete\", \"suspend\" or \"suspend-then-delete\"");
    }

    @Test
    void GIVEN_rules_that_remove_direct_assignments_WHEN_wired_without_them_THEN_the_wiring_refuses() {
        assertThatThrownBy(() -> LifecycleFunctions.builder().directory(directory).ledgerInMemory()
                .rules(StoryWorld.SHIPPED_RULES).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("give the functions the account assignments")
                .hasMessageContaining("directAssignments: keep");
        assertThat(LifecycleFunctions.builder().directory(directory).ledgerInMemory()
                .rules(StoryWorld.SHIPPED_RULES.withDirectAssignments(DirectAssignmentPolicy.KEEP)).build())
                .as("keep: no sso-admin call, nothing to wire").isNotNull();
    }
}
