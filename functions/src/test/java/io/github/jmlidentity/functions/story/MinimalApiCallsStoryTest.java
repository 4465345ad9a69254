package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API calls per sample event equal the minimum, counted by the emulator (and equal to what the audit record
 * reports). Group ids are cached per container, so a warm container pays only for the changes themselves.
 */
class MinimalApiCallsStoryTest extends StoryTest {

    private StoryWorld world;

    @BeforeEach
    void givenAWarmContainerThatHasSeenTheGroups() {
        world = newWorld();
        // Another employee with the same groups warms the group-id cache, as earlier events in a container do.
        world.deliver("joiner", Fixtures.eventWith("joiner.json", Map.of("employeeId", "E0001",
                "userName", "warm.up", "eventId", "warm-1")));
        world.deliver("mover", Fixtures.eventWith("mover.json", Map.of("employeeId", "E0001",
                "userName", "warm.up", "eventId", "warm-2")));
    }

    @Test
    void joiner_with_k_groups_makes_one_create_user_and_k_memberships() {
        world.server.resetStats();

        Audit joined = world.deliver("joiner.json");

        assertThat(world.server.stats().callsByOperation())
                .isEqualTo(Map.of("CreateUser", 1L, "CreateGroupMembership", 3L));
        assertThat(joined.apiCalls()).isEqualTo(world.server.stats().callsByOperation());
        assertThat(joined.list("requestIds")).hasSize(4);
    }

    @Test
    void mover_reads_the_user_once_and_writes_only_the_changes() {
        world.deliver("joiner.json");
        world.server.resetStats();

        Audit moved = world.deliver("mover.json");

        // 1 read of the profile, 1 page of memberships, 1 UpdateUser for all changed attributes,
        // +3 granted groups, -1 group no longer granted.
        assertThat(world.server.stats().callsByOperation()).isEqualTo(Map.of(
                "DescribeUser", 1L, "ListGroupMembershipsForMember", 1L, "UpdateUser", 1L,
                "CreateGroupMembership", 3L, "DeleteGroupMembership", 1L));
        assertThat(moved.apiCalls()).isEqualTo(world.server.stats().callsByOperation());
    }

    @Test
    void leaver_lists_memberships_and_direct_assignments_once_and_deletes_the_user_in_one_call() {
        world.deliver("joiner.json");
        world.server.resetStats();

        Audit left = world.deliver("leaver.json");

        // DeleteUser removes the memberships with the user: no DeleteGroupMembership per group. A user with no direct
        // account assignment costs one more call: the one page of ListAccountAssignmentsForPrincipal.
        assertThat(world.server.stats().callsByOperation()).isEqualTo(Map.of(
                "DescribeUser", 1L, "ListGroupMembershipsForMember", 1L, "ListAccountAssignmentsForPrincipal", 1L,
                "DeleteUser", 1L));
        assertThat(left.apiCalls()).isEqualTo(world.server.stats().callsByOperation());
    }

    @Test
    void a_duplicate_costs_no_identity_store_call() {
        world.deliver("joiner.json");
        world.server.resetStats();

        world.deliver("joiner.json");

        assertThat(world.server.stats().totalCalls()).isZero();
    }
}
