package io.github.jmlidentity.functions.adapter.json;

import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.InvalidEventException;
import io.github.jmlidentity.functions.support.Fixtures.InvalidSample;
import io.github.jmlidentity.functions.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventParserTest {

    private static final EventParser PARSER = new EventParser();

    @Test
    void a_malformed_payload_is_rejected_with_where_it_breaks_but_none_of_its_text() {
        String joiner = new String(Fixtures.event("joiner.json"), java.nio.charset.StandardCharsets.UTF_8);
        String unquoted = joiner.replace("\"jane.doe@example.com\"", "jane.doe@example.com");
        String badEscape = joiner.replace("\"jane.doe@example.com\"", "\"jane.doe\\q@example.com\"");

        for (String malformed : new String[] {unquoted, badEscape}) {
            InvalidEventException e = catchThrowableOfType(InvalidEventException.class,
                    () -> PARSER.parse(malformed.getBytes(java.nio.charset.StandardCharsets.UTF_8), EventKind.JOINED));

            assertThat(e.reason()).startsWith("event: is not valid JSON: ").contains(" at line ")
                    .doesNotContain("jane", "example.com");
        }
    }

    @Test
    void the_joiner_sample_parses_into_the_full_employee_record() {
        HrEvent event = PARSER.parse(Fixtures.event("joiner.json"), EventKind.JOINED);

        assertThat(event.kind()).isEqualTo(EventKind.JOINED);
        assertThat(event.hrEventId()).isEqualTo("hr-evt-0001");
        assertThat(event.eventId()).isEqualTo("7f1c2a9e-5d3b-4c1e-9a40-0b8f2d6e1a01");
        assertThat(event.effectiveAt()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
        assertThat(event.employee().userName()).isEqualTo("jane.doe");
        assertThat(event.employee().effectiveDisplayName()).isEqualTo("Jane Doe");
        assertThat(event.employee().department()).isEqualTo("Engineering");
        assertThat(event.employee().managerEmployeeId()).isEqualTo("E0042");
    }

    @Test
    void every_sample_parses_for_its_own_function_and_for_auto_routing() {
        Map<String, EventKind> samples = Map.of("joiner.json", EventKind.JOINED, "mover.json", EventKind.MOVED,
                "leaver.json", EventKind.LEFT, "rehire.json", EventKind.JOINED,
                "change-cancelled.json", EventKind.CANCELLED);
        samples.forEach((file, kind) -> {
            assertThat(PARSER.parse(Fixtures.event(file), kind).kind()).isEqualTo(kind);
            assertThat(PARSER.parse(Fixtures.event(file), null).kind()).isEqualTo(kind);
        });
    }

    @Test
    void a_cancellation_names_the_pending_change_it_cancels_and_is_never_a_follow_up() {
        HrEvent cancel = PARSER.parse(Fixtures.event("change-cancelled.json"), EventKind.CANCELLED);
        assertThat(cancel.cancelsEventId()).isEqualTo("hr-evt-0003");
        assertThat(cancel.leaveReason()).isEqualTo("Resignation withdrawn");
        assertThat(cancel.employee()).isNull();
        assertThat(cancel.isFollowUp()).isFalse();
        assertThat(PARSER.parse(Fixtures.event("leaver.json"), EventKind.LEFT).isFollowUp()).isFalse();
    }

    @Test
    void unknown_detail_fields_are_ignored_for_forward_compatibility() {
        // rehire.json carries "badgeColour", which no schema knows.
        HrEvent rehire = PARSER.parse(Fixtures.event("rehire.json"), EventKind.JOINED);
        assertThat(rehire.employee().department()).isEqualTo("Finance");
    }

    @Test
    void the_leaver_needs_no_user_name() {
        byte[] leaver = Fixtures.bytes(removeUserName());
        HrEvent event = PARSER.parse(leaver, EventKind.LEFT);
        assertThat(event.userName()).isNull();
        assertThat(event.employee()).isNull();
        assertThat(event.leaveReason()).isEqualTo("Resignation");
    }

    @Test
    void a_configured_source_replaces_the_default() {
        EventParser workday = new EventParser("com.acme.workday");
        assertThatThrownBy(() -> workday.parse(Fixtures.event("joiner.json"), EventKind.JOINED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("source: 'com.example.hr' is not the configured HR event source 'com.acme.workday'");
    }

    @Test
    void several_problems_are_all_named_in_one_reason() {
        InvalidEventException e = catchThrowableOfType(InvalidEventException.class, () -> PARSER.parse(
                Fixtures.read(Fixtures.events().resolve("invalid/joiner-several-problems.json")), EventKind.JOINED));
        assertThat(e.violations()).extracting(v -> v.field())
                .contains("detail.userName", "detail.email", "detail.effectiveAt");
    }

    @Test
    void there_are_at_least_fifty_invalid_samples_and_each_has_an_expected_reason() {
        String[] files = Fixtures.events().resolve("invalid").toFile()
                .list((dir, name) -> name.endsWith(".json") && !name.equals("expected-reasons.json"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(50);
        assertThat(Fixtures.invalidSamples().keySet()).containsExactlyInAnyOrder(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSamples")
    void every_invalid_sample_is_rejected_with_its_expected_reason(InvalidSample sample) {
        EventKind expected = sample.function().equals("auto") ? null
                : EventKind.fromFunctionName(sample.function()).orElseThrow();
        InvalidEventException e = catchThrowableOfType(InvalidEventException.class,
                () -> PARSER.parse(sample.bytes(), expected));
        assertThat(e).as("%s must be rejected", sample.file()).isNotNull();
        assertThat(e.reason()).contains(sample.reason());
    }

    static Stream<InvalidSample> invalidSamples() {
        return Fixtures.invalidSamples().values().stream();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode removeUserName() {
        var root = Fixtures.eventJson("leaver.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("detail")).remove("userName");
        return root;
    }

}
