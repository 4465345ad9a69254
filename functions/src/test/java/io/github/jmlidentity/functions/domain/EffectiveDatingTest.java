package io.github.jmlidentity.functions.domain;

import io.github.jmlidentity.functions.domain.ScheduledChange.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When a change is due, what is refused as implausible, and what a schedule keeps. */
class EffectiveDatingTest {

    private static final Instant NOW = Instant.parse("2026-07-01T09:00:00Z");
    private static final EffectiveDating DEFAULTS = EffectiveDating.defaults();

    @ParameterizedTest(name = "{0} effective {1} after now: due now {2}")
    @CsvSource({
            "LEFT,   -PT1H,   true",
            "LEFT,   PT2M,    true",
            "LEFT,   PT2M1S,  false",
            "MOVED,  P30D,    false",
            "JOINED, PT1M,    true"})
    void an_event_is_applied_now_only_when_due_within_the_clock_skew(EventKind kind, String after, boolean dueNow) {
        HrEvent event = Events.event(kind, "e", 0);
        HrEvent at = new HrEvent(event.eventId(), event.hrEventId(), kind, event.employeeId(),
                NOW.plus(Duration.parse(after)), event.employee(), event.userName(), null);
        assertThat(EffectiveDating.isDue(DEFAULTS.dueAt(at), NOW)).isEqualTo(dueNow);
    }

    @Test
    void a_joiner_is_due_pre_hire_lead_days_before_its_start_and_nothing_else_is() {
        EffectiveDating lead = new EffectiveDating(400, 5, 30);
        HrEvent joiner = Events.event(EventKind.JOINED, "j", 240);
        HrEvent leaver = Events.event(EventKind.LEFT, "l", 240);
        assertThat(lead.dueAt(joiner)).isEqualTo(joiner.effectiveAt().minus(Duration.ofDays(5)));
        assertThat(lead.dueAt(leaver)).isEqualTo(leaver.effectiveAt());
        assertThat(lead.deleteDueAt(leaver.effectiveAt())).isEqualTo(leaver.effectiveAt().plus(Duration.ofDays(30)));
    }

    @Test
    void an_event_beyond_the_horizon_is_refused_naming_the_field_and_the_setting() {
        HrEvent typo = new HrEvent("e", "h", EventKind.MOVED, "E1", Instant.parse("9999-01-01T00:00:00Z"),
                Events.employee("t", "d", "l"), "u", null);
        assertThat(DEFAULTS.beyondHorizon(typo, NOW)).hasValueSatisfying(v -> {
            assertThat(v.field()).isEqualTo("detail.effectiveAt");
            assertThat(v.problem()).contains("beyond the horizon of 400 days (horizonDays in the access rules)");
        });
        HrEvent atHorizon = new HrEvent("e", "h", EventKind.MOVED, "E1", NOW.plus(Duration.ofDays(400)),
                Events.employee("t", "d", "l"), "u", null);
        assertThat(DEFAULTS.beyondHorizon(atHorizon, NOW)).isEmpty();
    }

    @Test
    void options_out_of_range_are_named() {
        assertThat(new EffectiveDating(0, 0, 30).errors()).singleElement().asString().startsWith("horizonDays:");
        assertThat(new EffectiveDating(10, 10, 30).errors()).singleElement().asString().startsWith("preHireLeadDays:");
        assertThat(new EffectiveDating(400, 0, 0).errors()).singleElement().asString().startsWith("deleteAfterDays:");
        assertThat(DEFAULTS.errors()).isEmpty();
    }

    @Test
    void a_schedule_lists_open_changes_earliest_first_and_keeps_only_the_latest_resolved_ones() {
        EmployeeSchedule schedule = EmployeeSchedule.empty("E1");
        HrEvent late = Events.event(EventKind.LEFT, "late", 48);
        HrEvent early = Events.event(EventKind.MOVED, "early", 24);
        schedule = schedule.with(ScheduledChange.pending(late, late.effectiveAt(), "{}", NOW))
                .with(ScheduledChange.pending(early, early.effectiveAt(), "{}", NOW));
        assertThat(schedule.open()).extracting(ScheduledChange::hrEventId).containsExactly("early", "late");
        assertThat(schedule.nextDueAt()).hasValue(early.effectiveAt());

        List<String> cancelled = new ArrayList<>();
        for (int i = 0; i < EmployeeSchedule.RESOLVED_KEPT + 5; i++) {
            schedule = schedule.with(ScheduledChange.cancelledBeforeArrival("gone-" + i, "c-" + i, NOW));
            cancelled.add("gone-" + i);
        }
        assertThat(schedule.changes()).hasSize(EmployeeSchedule.RESOLVED_KEPT + 2);
        assertThat(schedule.find("gone-0")).isEmpty();
        assertThat(schedule.find(cancelled.get(cancelled.size() - 1))).isPresent();
        assertThat(schedule.open()).hasSize(2);

        EmployeeSchedule done = schedule.with(schedule.find("early").orElseThrow().finished(State.DONE, Outcome.APPLIED, NOW))
                .with(schedule.find("late").orElseThrow().resolved(State.CANCELLED, "c", NOW));
        assertThat(done.nextDueAt()).as("nothing open: the item leaves the due index").isEmpty();
    }

    @Test
    void a_follow_up_id_is_one_no_hr_event_can_have_and_its_event_is_marked() {
        HrEvent leave = Events.event(EventKind.LEFT, "hr-1", 0);
        ScheduledChange delete = ScheduledChange.deleteAfterSuspension(leave, "jane.doe", NOW, NOW);
        assertThat(delete.hrEventId()).isEqualTo("hr-1 delete").contains(" ");
        HrEvent event = delete.followUpEvent("E1001");
        assertThat(event.isFollowUp()).isTrue();
        assertThat(event.followUpOf()).isEqualTo("hr-1");
        assertThat(event.effectiveAt()).isEqualTo(leave.effectiveAt());
    }
}
