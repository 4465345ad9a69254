package io.github.jmlidentity.functions.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The delete that follows a suspension applies only while the leave it follows is still the last applied event. */
class FollowUpOrderingTest {

    private static final Instant NOW = Instant.parse("2026-07-01T09:00:00Z");

    @Test
    void after_its_leave_the_delete_applies() {
        HrEvent leave = Events.event(EventKind.LEFT, "hr-leave", 0);
        HrEvent delete = ScheduledChange.deleteAfterSuspension(leave, "jane.doe", NOW, NOW).followUpEvent(Events.EMPLOYEE);

        assertThat(OrderingPolicy.decide(delete, Events.after(leave, List.of("hr-leave"))).applies()).isTrue();
    }

    @Test
    void after_a_rehire_the_delete_is_stale_and_a_second_delete_is_a_duplicate() {
        HrEvent leave = Events.event(EventKind.LEFT, "hr-leave", 0);
        HrEvent rehire = Events.event(EventKind.JOINED, "hr-rehire", 24);
        HrEvent delete = ScheduledChange.deleteAfterSuspension(leave, "jane.doe", NOW, NOW).followUpEvent(Events.EMPLOYEE);

        OrderingPolicy.Decision afterRehire = OrderingPolicy.decide(delete, Events.after(rehire, List.of("hr-leave", "hr-rehire")));
        assertThat(afterRehire.skipOutcome()).isEqualTo(Outcome.STALE);
        assertThat(OrderingPolicy.decide(delete, Events.after(leave, List.of("hr-leave", delete.hrEventId())))
                .skipOutcome()).isEqualTo(Outcome.DUPLICATE);
    }
}
