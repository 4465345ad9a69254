package io.github.jmlidentity.functions.story;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 items 5 to 7: a leaver is never skipped without proof. A leave is superseded only by a later joiner; a
 * leaver finds the employee's own user even without the ledger or a user name; a user deleted outside is not brought
 * back by a mover.
 */
class LeaverResolutionStoryTest extends StoryTest {

    @Test
    void a_leaver_dated_before_a_mover_already_applied_still_deprovisions() {
        // GIVEN Jane joined and a mover dated 2026-03-02 was applied
        StoryWorld world = newWorld();
        world.deliver("joiner.json");
        world.deliver("mover.json");

        // WHEN her leave, dated 2026-02-15 (before the move: HR sent it late), arrives
        Audit left = world.deliver("leaver", Fixtures.eventWith("leaver.json",
                Map.of("eventId", "hr-evt-late-leave", "effectiveAt", "2026-02-15T17:00:00Z")));

        // THEN the leave applies: a leave ends employment, whatever was applied after its date
        assertThat(left.outcome()).isEqualTo("APPLIED");
        assertThat(left.json().path("userDeleted").asBoolean()).isTrue();
        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
        // AND a later mover does not bring her back
        assertThat(world.deliver("mover", Fixtures.eventWith("mover.json",
                Map.of("eventId", "hr-evt-after", "effectiveAt", "2026-04-01T09:00:00Z"))).outcome()).isEqualTo("STALE");
    }

    @Test
    void only_a_rehire_dated_after_a_leave_supersedes_it() {
        // GIVEN Jane joined, left (2026-06-30) and was rehired (2026-09-01)
        StoryWorld world = newWorld();
        world.deliver("joiner.json");
        world.deliver("leaver.json");
        world.deliver("rehire.json");

        // WHEN a leave dated between the two (2026-08-01) arrives late
        Audit stale = world.deliver("leaver", Fixtures.eventWith("leaver.json",
                Map.of("eventId", "hr-evt-between", "effectiveAt", "2026-08-01T17:00:00Z")));

        // THEN it is STALE, naming the rehire, and she keeps her account
        assertThat(stale.outcome()).isEqualTo("STALE");
        assertThat(stale.reason()).contains("a hire or rehire supersedes an earlier leave");
        assertThat(world.state().user("jane.doe")).isNotNull();
    }

    @Test
    void a_leaver_the_ledger_cannot_resolve_finds_the_user_by_employee_number() {
        // GIVEN Jane's user was created by the old script and renamed since: no ledger entry, another user name
        StoryWorld world = newWorld();
        String userId = givenUserByHand(world, "j.doe-old", "E1001");
        world.server.resetStats();

        // WHEN her leaver arrives without a userName
        Audit left = world.deliver("leaver", leaverWithoutUserName());

        // THEN the leaver scans the users for her employeeNumber and deletes her user, and says how it found it
        assertThat(left.outcome()).isEqualTo("APPLIED");
        assertThat(left.userId()).isEqualTo(userId);
        assertThat(left.json().path("userDeleted").asBoolean()).isTrue();
        assertThat(left.json().path("note").asText()).contains("found user " + userId + " by employeeNumber",
                "ListUsers pages");
        assertThat(left.apiCalls()).containsKey("ListUsers");
        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
    }

    @Test
    void a_leaver_with_no_user_anywhere_is_no_change_with_the_proof_in_the_record() {
        // GIVEN no ledger entry and no user for employee E1001
        StoryWorld world = newWorld();

        // WHEN her leaver arrives without a userName
        Audit left = world.deliver("leaver", leaverWithoutUserName());

        // THEN NO_CHANGE, and the record says the scan found no user with her employeeNumber
        assertThat(left.outcome()).isEqualTo("NO_CHANGE");
        assertThat(left.json().path("note").asText()).contains("no user has employeeNumber E1001", "scanned 1 users");
        assertThat(left.apiCalls()).containsEntry("ListUsers", 1L);
    }

    @Test
    void a_leaver_naming_a_protected_user_deprovisions_the_employees_own_user_and_flags_the_mismatch() {
        // GIVEN Jane joined: the ledger maps E1001 to her user
        StoryWorld world = newWorld();
        String janeId = world.deliver("joiner.json").userId();

        // WHEN her leaver names the protected break-glass user (a careless HR operator, or an attacker)
        Audit left = world.deliver("leaver", Fixtures.eventWith("leaver.json",
                Map.of("userName", StoryWorld.PROTECTED_USER)));

        // THEN her own user is deleted, the record names her and flags the mismatch, the protected user is untouched
        assertThat(left.outcome()).isEqualTo("APPLIED");
        assertThat(left.userId()).isEqualTo(janeId);
        assertThat(left.json().path("userName").asText()).isEqualTo("jane.doe");
        assertThat(left.json().path("note").asText()).contains("USER_NAME_MISMATCH", "'breakglass-admin'");
        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
        assertThat(world.protectedUserUntouched()).isTrue();
    }

    @Test
    void a_user_deleted_outside_is_not_recreated_by_a_mover_only_by_a_rehire() {
        // GIVEN Jane joined, then the security team deleted her user to contain it
        StoryWorld world = newWorld();
        String janeId = world.deliver("joiner.json").userId();
        world.client.deleteUser(r -> r.identityStoreId(world.server.identityStoreId()).userId(janeId));

        // WHEN a mover arrives
        Audit moved = world.deliver("mover.json");

        // THEN it FAILS, USER_DELETED_OUTSIDE, goes to the failure queue, and nothing is re-created
        assertThat(moved.outcome()).isEqualTo("FAILED");
        assertThat(moved.errorType()).isEqualTo("USER_DELETED_OUTSIDE");
        assertThat(moved.retryable()).isFalse();
        assertThat(world.failureQueue.messages()).extracting(m -> m.path("errorType").asText())
                .containsExactly("USER_DELETED_OUTSIDE");
        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
        // AND a rehire (a joiner) creates her again
        Audit rehired = world.deliver("joiner", Fixtures.eventWith("joiner.json",
                Map.of("eventId", "hr-evt-rehire", "effectiveAt", "2026-04-01T09:00:00Z")));
        assertThat(rehired.outcome()).isEqualTo("APPLIED");
        assertThat(world.state().user("jane.doe")).isNotNull();
    }

    static byte[] leaverWithoutUserName() {
        ObjectNode leaver = Fixtures.eventJson("leaver.json");
        ((ObjectNode) leaver.get("detail")).remove("userName");
        return Fixtures.bytes(leaver);
    }

    /** A user created outside jml-identity, with its employee number. */
    static String givenUserByHand(StoryWorld world, String userName, String employeeNumber) {
        return world.client.createUser(r -> r.identityStoreId(world.server.identityStoreId()).userName(userName)
                .displayName("By Hand").name(n -> n.givenName("By").familyName("Hand"))
                .extensions(Map.of("aws:identitystore:enterprise",
                        Document.fromMap(Map.of("employeeNumber", Document.fromString(employeeNumber)))))).userId();
    }
}
