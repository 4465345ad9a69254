package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.FaultyDirectory;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Events that fail part-way (a call throttled out after the SDK's retries, or an invocation killed between two
 * calls): whatever was done before the failure is in the ledger and the audit trail, and the retries converge.
 */
class PartialFailureStoryTest extends StoryTest {

    private static final List<String> JANES_GROUPS = List.of("jml-all-staff", "jml-engineering", "jml-office-london");

    @Test
    void a_joiner_that_failed_after_create_user_leaves_no_account_a_leaver_without_user_name_cannot_find() {
        // GIVEN the joiner created Jane and added one group, then was throttled out on the second membership
        StoryWorld world = newWorld();
        Audit joined = givenTheJoinerThrottledOutOnItsSecondMembership(world);
        assertThat(joined.retryable()).isTrue();
        assertThat(world.state().user("jane.doe").groups()).containsExactly("jml-all-staff");

        // WHEN her leave arrives before the joiner's retry, without a userName (it is optional on Employee Left)
        Audit left = world.deliver("leaver", leaverWithoutUserName());
        Audit retry = world.deliver("joiner.json");

        // THEN the leaver found the user through the ledger and deleted it; the joiner's retry is STALE
        assertThat(left.outcome()).isEqualTo("APPLIED");
        assertThat(left.userId()).isEqualTo(joined.userId());
        assertThat(left.json().path("userDeleted").asBoolean()).isTrue();
        assertThat(left.list("membershipsBefore")).containsExactly("jml-all-staff");
        assertThat(retry.outcome()).isEqualTo("STALE");
        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
    }

    @Test
    void the_failed_attempt_records_what_it_did_and_the_final_record_says_what_every_attempt_did() {
        // GIVEN the joiner is throttled out on its second membership
        StoryWorld world = newWorld();
        world.faults.throttle("addMembership", 2);

        // WHEN it fails, and Lambda retries it
        Audit failed = world.deliver("joiner.json");
        Audit retry = world.deliver("joiner.json");

        // THEN the FAILED record (attempt 1, not final) says the user was created and added to the first group
        assertThat(failed.outcome()).isEqualTo("FAILED");
        assertThat(failed.json().path("attempt").asInt()).isEqualTo(1);
        assertThat(failed.json().path("final").asBoolean()).isFalse();
        assertThat(failed.userId()).isNotBlank();
        assertThat(failed.list("attributesChanged")).contains("userName", "title", "emails");
        assertThat(failed.list("groupsAdded")).containsExactly("jml-all-staff");
        assertThat(failed.json().path("userCreatedByAttempt").asInt()).isEqualTo(1);
        // AND the retry's APPLIED record is the final one (attempt 2): every change of both attempts, and that the
        // first attempt created the user
        assertThat(retry.outcome()).isEqualTo("APPLIED");
        assertThat(retry.json().path("attempt").asInt()).isEqualTo(2);
        assertThat(retry.json().path("final").asBoolean()).isTrue();
        assertThat(retry.json().path("userCreatedByAttempt").asInt()).isEqualTo(1);
        assertThat(retry.list("attributesChanged")).contains("userName", "title", "emails");
        assertThat(retry.list("groupsAdded")).containsExactlyInAnyOrderElementsOf(JANES_GROUPS);
        assertThat(world.state().user("jane.doe").groups()).containsExactlyElementsOf(JANES_GROUPS);
    }

    @Test
    void a_mover_that_failed_part_way_records_the_groups_it_changed() {
        StoryWorld world = newWorld();
        world.deliver("joiner.json");
        world.faults.throttle("removeMembership", 1);

        Audit failed = world.deliver("mover.json");

        assertThat(failed.outcome()).isEqualTo("FAILED");
        assertThat(failed.list("attributesChanged")).contains("title");
        assertThat(failed.list("groupsAdded")).containsExactlyInAnyOrder("jml-on-call", "jml-platform", "jml-prod-access");
        assertThat(failed.list("groupsRemoved")).isEmpty();
        assertThat(world.state().user("jane.doe").groups()).contains("jml-engineering", "jml-platform");
    }

    @Test
    void a_leaver_killed_between_delete_user_and_its_audit_line_is_still_audited_with_its_memberships() {
        // GIVEN Jane joined, and the leaver's invocation dies right after DeleteUser (no audit line, lease kept)
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE, StoryWorld.SHIPPED_RULES, false,
                StoryWorld.clientFor(IDENTITY_STORE.server()), Duration.ofMinutes(2));
        String userId = world.deliver("joiner.json").userId();
        world.faults.dieAfter("deleteUser", 1);
        assertThatThrownBy(() -> world.deliver("leaver.json")).isInstanceOf(FaultyDirectory.InvocationKilled.class);
        assertThat(world.auditLines).hasSize(1);
        assertThat(world.state().user("jane.doe")).isNull();

        // WHEN Lambda retries it once the dead invocation's lease has lapsed
        world.clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        Audit retry = world.deliver("leaver.json");

        // THEN its record has the memberships the first attempt logged in the ledger before deleting
        assertThat(retry.outcome()).isEqualTo("APPLIED");
        assertThat(retry.userId()).isEqualTo(userId);
        assertThat(retry.json().path("userDeleted").asBoolean()).isTrue();
        assertThat(retry.list("membershipsBefore")).containsExactlyInAnyOrderElementsOf(JANES_GROUPS);
        assertThat(retry.json().path("note").asText()).contains("earlier attempt");
        // AND the leave is recorded: a late joiner is STALE
        assertThat(world.deliver("joiner", Fixtures.eventWith("joiner.json", Map.of("eventId", "hr-evt-late")))
                .outcome()).isEqualTo("STALE");
    }

    @Test
    void a_leaver_retried_after_a_throttled_delete_keeps_its_mass_deletion_slot() {
        // GIVEN a cap of one leaver per hour, and Jane's DeleteUser throttled out on the first attempt
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE, cap(1), false);
        world.deliver("joiner.json");
        world.faults.throttle("deleteUser", 1);

        // WHEN Lambda delivers the leaver and retries it
        List<Audit> attempts = world.deliverAsLambda("leaver", Fixtures.event("leaver.json"));

        // THEN the retry uses the slot the first attempt took, and deletes her
        assertThat(attempts).extracting(Audit::outcome).containsExactly("FAILED", "APPLIED");
        assertThat(attempts.get(0).retryable()).isTrue();
        assertThat(attempts.get(1).errorType()).isNull();
        assertThat(world.state().user("jane.doe")).isNull();
        assertThat(world.failureQueue.messages()).isEmpty();
        // AND the cap still holds for another employee
        world.deliver("joiner", Fixtures.eventWith("joiner.json",
                Map.of("employeeId", "E2", "userName", "john.roe", "eventId", "j2")));
        Audit second = world.deliver("leaver", Fixtures.eventWith("leaver.json",
                Map.of("employeeId", "E2", "userName", "john.roe", "eventId", "l2")));
        assertThat(second.errorType()).isEqualTo("MASS_DELETION_GUARD");
        assertThat(world.state().user("john.roe")).isNotNull();
    }

    private static byte[] leaverWithoutUserName() {
        var leaver = Fixtures.eventJson("leaver.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) leaver.get("detail")).remove("userName");
        assertThat(new String(Fixtures.bytes(leaver), StandardCharsets.UTF_8)).doesNotContain("jane.doe");
        return Fixtures.bytes(leaver);
    }

    private static AccessRules cap(int maxLeaversPerHour) {
        AccessRules r = StoryWorld.SHIPPED_RULES;
        return new AccessRules(r.defaultGroups(), r.managedGroups(), r.rules(), r.protectedUsers(),
                r.missingGroupPolicy(), r.leaverPolicy(), maxLeaversPerHour);
    }
}
