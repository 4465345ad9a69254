package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.model.MemberId;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The access rules' policies on the emulator: unmanaged groups, suspend, adoption, the mass-deletion guard. */
class PolicyStoriesTest extends StoryTest {

    @Test
    void a_mover_keeps_a_membership_granted_by_hand_in_an_unmanaged_group() {
        StoryWorld world = newWorld();
        Audit joined = world.deliver("joiner.json");
        givenMembership(world, joined.userId(), StoryWorld.UNMANAGED_GROUP);

        world.deliver("mover.json");

        assertThat(world.state().user("jane.doe").groups()).contains(StoryWorld.UNMANAGED_GROUP)
                .doesNotContain("jml-engineering");
    }

    @Test
    void suspend_removes_the_managed_memberships_and_keeps_the_user_and_its_unmanaged_groups() {
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE, rules(LeaverPolicy.SUSPEND, 25), false);
        Audit joined = world.deliver("joiner.json");
        givenMembership(world, joined.userId(), StoryWorld.UNMANAGED_GROUP);

        Audit left = world.deliver("leaver.json");

        assertThat(left.outcome()).isEqualTo("APPLIED");
        assertThat(left.json().path("userDeleted").asBoolean()).isFalse();
        assertThat(left.list("groupsRemoved")).containsExactlyInAnyOrder("jml-all-staff", "jml-engineering", "jml-office-london");
        assertThat(world.state().user("jane.doe").groups()).containsExactly(StoryWorld.UNMANAGED_GROUP);
        // The rehire finds the suspended user and converges on it.
        assertThat(world.deliver("rehire.json").outcome()).isEqualTo("APPLIED");
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("finance-team", "jml-all-staff", "jml-contractors", "jml-finance");
    }

    @Test
    void a_user_created_earlier_by_hand_is_adopted_when_its_employee_number_matches() {
        StoryWorld world = newWorld();
        givenUser(world, "jane.doe", "E1001");

        Audit joined = world.deliver("joiner.json");

        assertThat(joined.outcome()).isEqualTo("APPLIED");
        assertThat(world.state().users()).hasSize(2);
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
        assertThat(world.state().user("jane.doe").title()).isEqualTo("Software Engineer");
    }

    @Test
    void a_user_name_held_by_someone_else_fails_with_a_conflict_and_changes_nothing() {
        StoryWorld world = newWorld();
        givenUser(world, "jane.doe", null);
        var before = world.state();

        Audit joined = world.deliver("joiner.json");

        assertThat(joined.outcome()).isEqualTo("FAILED");
        assertThat(joined.errorType()).isEqualTo("IDENTITY_CONFLICT");
        assertThat(joined.reason()).contains("employeeNumber is not set, not employee E1001");
        assertThat(joined.retryable()).isFalse();
        assertThat(world.state()).isEqualTo(before);
        // the only write call was the CreateUser that found the name taken
        assertThat(world.server.stats().succeeded("CreateUser")).isZero();
        assertThat(world.server.stats().writeCalls()).isEqualTo(1);
    }

    @Test
    void beyond_the_mass_deletion_cap_a_leaver_fails_to_the_failure_queue_and_deletes_nothing() {
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE, rules(LeaverPolicy.DELETE, 1), false);
        for (String who : new String[] {"1", "2"}) {
            world.deliver("joiner", Fixtures.eventWith("joiner.json",
                    Map.of("employeeId", "E" + who, "userName", "user" + who, "eventId", "j" + who)));
        }
        Audit first = world.deliver("leaver", Fixtures.eventWith("leaver.json",
                Map.of("employeeId", "E1", "userName", "user1", "eventId", "l1")));

        Audit second = world.deliver("leaver", Fixtures.eventWith("leaver.json",
                Map.of("employeeId", "E2", "userName", "user2", "eventId", "l2")));

        assertThat(first.outcome()).isEqualTo("APPLIED");
        assertThat(second.outcome()).isEqualTo("FAILED");
        assertThat(second.errorType()).isEqualTo("MASS_DELETION_GUARD");
        assertThat(second.retryable()).isFalse();
        assertThat(second.list("membershipsBefore")).hasSize(3);
        assertThat(world.state().user("user2").groups()).hasSize(3);
        // Straight to the failure queue, not through Lambda's retries (which would re-run it unchecked)
        assertThat(second.threw()).isFalse();
        assertThat(world.failureQueue.messages()).singleElement().satisfies(m -> {
            assertThat(m.path("errorType").asText()).isEqualTo("MASS_DELETION_GUARD");
            assertThat(m.path("event").path("detail").path("eventId").asText()).isEqualTo("l2");
        });
    }

    @Test
    void a_mover_that_renames_the_employee_renames_the_same_user() {
        StoryWorld world = newWorld();
        String userId = world.deliver("joiner.json").userId();

        Audit renamed = world.deliver("mover", Fixtures.eventWith("mover.json",
                Map.of("userName", "jane.smith", "familyName", "Smith", "email", "jane.smith@example.com")));

        assertThat(renamed.outcome()).isEqualTo("APPLIED");
        assertThat(renamed.userId()).isEqualTo(userId);
        assertThat(renamed.list("attributesChanged")).contains("userName", "name.familyName", "emails", "displayName");
        assertThat(world.state().users()).containsKey("jane.smith").doesNotContainKey("jane.doe");
        assertThat(world.state().user("jane.smith").email()).isEqualTo("jane.smith@example.com");
        assertThat(world.state().user("jane.smith").displayName()).isEqualTo("Jane Smith");
    }

    @Test
    void a_mover_that_renames_a_user_the_old_script_created_renames_that_user_instead_of_creating_a_second() {
        // GIVEN jane.doe was created by the old script (no ledger entry) with her employee number and email,
        // and holds a managed group
        StoryWorld world = newWorld();
        String userId = givenUserOfTheOldScript(world, "jane.doe", "E1001");
        givenMembership(world, userId, "jml-engineering");

        // WHEN her first event through jml-identity is a mover that also renames her
        Audit renamed = world.deliver("mover", Fixtures.eventWith("mover.json", Map.of("userName", "jane.smith",
                "familyName", "Smith", "eventId", "hr-evt-rename")));

        // THEN that user is renamed and converged: no second account, and the old one keeps no stale access
        assertThat(renamed.outcome()).isEqualTo("APPLIED");
        assertThat(renamed.userId()).isEqualTo(userId);
        assertThat(renamed.json().path("note").asText()).contains("adopted user " + userId);
        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER, "jane.smith");
        assertThat(world.state().user("jane.smith").groups()).doesNotContain("jml-engineering").contains("jml-platform");
    }

    @Test
    void a_user_with_the_same_email_but_another_employee_number_is_not_adopted() {
        StoryWorld world = newWorld();
        String other = givenUserOfTheOldScript(world, "shared.mailbox", "E9999");

        Audit moved = world.deliver("mover.json");

        assertThat(moved.outcome()).isEqualTo("APPLIED");
        assertThat(moved.userId()).isNotEqualTo(other);
        assertThat(world.state().users()).containsKeys("shared.mailbox", "jane.doe");
        assertThat(world.state().user("shared.mailbox").groups()).isEmpty();
    }

    @Test
    void an_attribute_hr_no_longer_sends_is_removed_from_the_user() {
        // GIVEN Jane joined with a title and a manager
        StoryWorld world = newWorld();
        world.deliver("joiner.json");
        var mover = Fixtures.eventJson("mover.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) mover.get("detail")).remove(java.util.List.of("title", "managerEmployeeId"));

        // WHEN her full record arrives without them
        Audit moved = world.deliver("mover", Fixtures.bytes(mover));

        // THEN both are gone from the directory (state, not delta)
        assertThat(moved.list("attributesChanged")).contains("title", "aws:identitystore:enterprise.manager");
        assertThat(world.state().user("jane.doe").title()).isNull();
        assertThat(world.state().user("jane.doe").enterprise()).doesNotContain("manager");
    }

    private static AccessRules rules(LeaverPolicy policy, int cap) {
        AccessRules r = StoryWorld.SHIPPED_RULES;
        return new AccessRules(r.defaultGroups(), r.managedGroups(), r.rules(), r.protectedUsers(),
                r.missingGroupPolicy(), policy, cap);
    }

    private static void givenMembership(StoryWorld world, String userId, String group) {
        String storeId = world.server.identityStoreId();
        String groupId = world.client.getGroupId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a
                .uniqueAttribute(u -> u.attributePath("displayName").attributeValue(Document.fromString(group)))))
                .groupId();
        world.client.createGroupMembership(r -> r.identityStoreId(storeId).groupId(groupId)
                .memberId(MemberId.fromUserId(userId)));
    }

    private static void givenUser(StoryWorld world, String userName, String employeeNumber) {
        String storeId = world.server.identityStoreId();
        world.client.createUser(r -> {
            r.identityStoreId(storeId).userName(userName).displayName("By Hand")
                    .name(n -> n.givenName("By").familyName("Hand"));
            if (employeeNumber != null) {
                r.extensions(Map.of("aws:identitystore:enterprise",
                        Document.fromMap(Map.of("employeeNumber", Document.fromString(employeeNumber)))));
            }
        });
        world.server.resetStats();
    }

    /** A user created outside jml-identity (no ledger entry), with jane.doe@example.com and an employee number. */
    private static String givenUserOfTheOldScript(StoryWorld world, String userName, String employeeNumber) {
        return world.client.createUser(r -> r.identityStoreId(world.server.identityStoreId()).userName(userName)
                .displayName("Jane Doe").name(n -> n.givenName("Jane").familyName("Doe"))
                .emails(e -> e.value("jane.doe@example.com").type("work").primary(true))
                .extensions(Map.of("aws:identitystore:enterprise",
                        Document.fromMap(Map.of("employeeNumber", Document.fromString(employeeNumber)))))).userId();
    }
}
