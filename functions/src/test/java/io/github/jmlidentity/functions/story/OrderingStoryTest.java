package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.DirectoryState;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** EventBridge guarantees no order: whatever order joiner, mover and leaver arrive in, the end is the same. */
class OrderingStoryTest extends StoryTest {

    static Stream<List<String>> allSixOrderings() {
        return orderings(List.of("joiner.json", "mover.json", "leaver.json"));
    }

    /** Every order of the events: each one first, followed by every order of the others. */
    private static Stream<List<String>> orderings(List<String> events) {
        if (events.size() <= 1) {
            return Stream.of(events);
        }
        return events.stream().flatMap(first -> orderings(events.stream().filter(e -> !e.equals(first)).toList())
                .map(rest -> Stream.concat(Stream.of(first), rest.stream()).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSixOrderings")
    void any_order_of_joiner_mover_leaver_ends_as_the_in_order_result(List<String> order) {
        DirectoryState reordered = runAsInOrder(order, List.of("joiner.json", "mover.json", "leaver.json"));

        assertThat(reordered.users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
    }

    @Test
    void joiner_and_mover_in_either_order_end_with_the_movers_state() {
        DirectoryState reordered = runAsInOrder(List.of("mover.json", "joiner.json"), List.of("joiner.json", "mover.json"));

        assertThat(reordered.user("jane.doe").title()).isEqualTo("Site Reliability Engineer");
    }

    @Test
    void a_stale_joiner_after_the_leaver_does_not_bring_the_user_back_but_a_rehire_does() {
        StoryWorld world = newWorld();
        world.deliver("joiner.json");
        world.deliver("leaver.json");

        // GIVEN the joiner is redelivered late (a new delivery of the same HR event would be a DUPLICATE; this is
        // an HR re-send with a new HR event id but the old effectiveAt)
        Audit stale = world.deliver("joiner", io.github.jmlidentity.functions.support.Fixtures.eventWith(
                "joiner.json", java.util.Map.of("eventId", "hr-evt-0001-resent")));
        assertThat(stale.outcome()).isEqualTo("STALE");
        assertThat(world.state().user("jane.doe")).isNull();

        Audit rehire = world.deliver("rehire.json");
        assertThat(rehire.outcome()).isEqualTo("APPLIED");
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("jml-all-staff", "jml-contractors", "jml-finance");
    }

    @Test
    void a_mover_dated_after_the_leave_does_not_bring_the_departed_employee_back() {
        // GIVEN Jane joined and left (policy delete: her user is gone)
        StoryWorld world = newWorld();
        world.deliver("joiner.json");
        world.deliver("leaver.json");
        world.server.resetStats();

        // WHEN HR posts a post-termination correction, dated after the leave
        Audit late = world.deliver("mover", Fixtures.eventWith("mover.json",
                Map.of("eventId", "hr-evt-post-term", "effectiveAt", "2026-07-01T09:00:00Z")));

        // THEN it is STALE, nothing is called, and she stays gone; only a rehire brings her back
        assertThat(late.outcome()).isEqualTo("STALE");
        assertThat(late.reason()).contains("only an Employee Joined event (a rehire)");
        assertThat(world.server.stats().totalCalls()).isZero();
        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
        assertThat(world.deliver("rehire.json").outcome()).isEqualTo("APPLIED");
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("jml-all-staff", "jml-contractors", "jml-finance");
    }

    @Test
    void under_suspend_a_mover_dated_after_the_leave_does_not_give_the_kept_user_its_groups_back() {
        // GIVEN Jane joined and left under the suspend policy: her user is kept, with no managed groups
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE, suspend(), false);
        world.deliver("joiner.json");
        world.deliver("leaver.json");
        DirectoryState.UserView suspended = world.state().user("jane.doe");
        assertThat(suspended.groups()).isEmpty();

        // WHEN a mover dated after the leave arrives
        Audit late = world.deliver("mover", Fixtures.eventWith("mover.json",
                Map.of("eventId", "hr-evt-post-term", "effectiveAt", "2026-07-01T09:00:00Z")));

        // THEN the kept user is unchanged: no groups, old title
        assertThat(late.outcome()).isEqualTo("STALE");
        assertThat(world.state().user("jane.doe")).isEqualTo(suspended);
    }

    @Test
    void a_joiner_and_a_mover_with_the_same_effective_at_end_as_the_mover_in_either_order() {
        // HR systems that send dates only give a joiner and a same-day correction the same effectiveAt.
        byte[] joiner = Fixtures.eventWith("joiner.json", Map.of("effectiveAt", "2026-01-05T00:00:00Z"));
        byte[] mover = Fixtures.eventWith("mover.json", Map.of("effectiveAt", "2026-01-05T00:00:00Z"));
        StoryWorld inOrder = newWorld();
        inOrder.deliver("joiner", joiner);
        inOrder.deliver("mover", mover);
        DirectoryState expected = inOrder.state();
        IDENTITY_STORE.server().reset();

        // GIVEN the mover arrived first WHEN the joiner arrives
        StoryWorld reordered = newWorld();
        assertThat(reordered.deliver("mover", mover).outcome()).isEqualTo("APPLIED");
        Audit lateJoiner = reordered.deliver("joiner", joiner);

        // THEN the joiner is STALE (it comes earlier in the lifecycle) and the mover's state stands
        assertThat(lateJoiner.outcome()).isEqualTo("STALE");
        assertThat(lateJoiner.reason()).contains("comes later in the lifecycle");
        assertThat(reordered.state()).isEqualTo(expected);
        assertThat(reordered.state().user("jane.doe").title()).isEqualTo("Site Reliability Engineer");
        assertThat(reordered.state().user("jane.doe").groups()).contains("jml-platform").doesNotContain("jml-engineering");
    }

    @Test
    void two_movers_with_the_same_effective_at_end_the_same_in_either_order() {
        byte[] first = Fixtures.eventWith("mover.json", Map.of("eventId", "hr-evt-0002-a", "title", "Engineer"));
        byte[] second = Fixtures.eventWith("mover.json", Map.of("eventId", "hr-evt-0002-b", "title", "Staff Engineer"));
        List<DirectoryState> ends = new java.util.ArrayList<>();
        for (List<byte[]> order : List.of(List.of(first, second), List.of(second, first))) {
            // GIVEN Jane joined WHEN two movers with the same effectiveAt arrive, in either order
            StoryWorld world = newWorld();
            world.deliver("joiner.json");
            order.forEach(mover -> world.deliver("mover", mover));
            ends.add(world.state());
            IDENTITY_STORE.server().reset();
        }

        // THEN both orders end alike: the tie goes to the greater HR event id
        assertThat(ends.get(0)).isEqualTo(ends.get(1));
        assertThat(ends.get(0).user("jane.doe").title()).isEqualTo("Staff Engineer");
    }

    @Test
    void a_leaver_and_a_mover_with_the_same_effective_at_end_with_the_employee_gone_in_either_order() {
        byte[] mover = Fixtures.eventWith("mover.json", Map.of("effectiveAt", "2026-06-30T17:00:00Z"));
        for (List<String> order : List.of(List.of("mover", "leaver"), List.of("leaver", "mover"))) {
            // GIVEN Jane joined
            StoryWorld world = newWorld();
            world.deliver("joiner.json");

            // WHEN the leaver (effectiveAt 2026-06-30T17:00:00Z) and a mover with the same effectiveAt arrive
            Map<String, Audit> audits = new java.util.HashMap<>();
            for (String function : order) {
                audits.put(function, function.equals("mover") ? world.deliver("mover", mover) : world.deliver("leaver.json"));
            }

            // THEN the leaver applies, whichever came first, and she is gone
            assertThat(audits.get("leaver").outcome()).as("leaver in %s", order).isEqualTo("APPLIED");
            assertThat(world.state().users()).as("after %s", order).containsOnlyKeys(StoryWorld.PROTECTED_USER);
            IDENTITY_STORE.server().reset();
        }
    }

    private static AccessRules suspend() {
        AccessRules r = StoryWorld.SHIPPED_RULES;
        return new AccessRules(r.defaultGroups(), r.managedGroups(), r.rules(), r.protectedUsers(),
                r.missingGroupPolicy(), LeaverPolicy.SUSPEND, r.maxLeaversPerHour());
    }

    /** WHEN the events arrive in {@code order}, THEN the directory ends as when they arrive {@code inOrder}: that state. */
    private static DirectoryState runAsInOrder(List<String> order, List<String> inOrder) {
        DirectoryState expected = run(inOrder);
        IDENTITY_STORE.server().reset();
        DirectoryState reordered = run(order);
        assertThat(reordered).isEqualTo(expected);
        return reordered;
    }

    private static DirectoryState run(List<String> order) {
        StoryWorld world = newWorld();
        for (String sample : order) {
            Audit audit = world.deliver(sample);
            assertThat(audit.outcome()).as("%s in %s", sample, order)
                    .isIn("APPLIED", "NO_CHANGE", "STALE", "DUPLICATE");
        }
        assertThat(world.protectedUserUntouched()).isTrue();
        return world.state();
    }
}
