package io.github.jmlidentity.functions.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.MissingGroupPolicy;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IAM policies are built from config/identitystore-actions.json (infra: IdentityStoreAccess, SsoAdminAccess). Here
 * each function runs the stories that reach every one of its code paths, the emulator counts the operations it calls
 * (Identity Store and sso-admin), and they must be exactly the listed actions: a call missing from the list would be
 * denied in AWS, and a listed action no story calls is a grant nothing needs.
 */
class IdentityStoreActionsStoryTest extends StoryTest {

    /** The sso-admin operations Identity Store Local serves (IAM prefix sso:); every other one is identitystore:. */
    private static final Set<String> SSO_ADMIN_OPERATIONS = Set.of("ListInstances", "ListPermissionSets",
            "DescribePermissionSet", "ListAccountAssignments", "ListAccountAssignmentsForPrincipal",
            "ListAccountsForProvisionedPermissionSet", "CreateAccountAssignment", "DeleteAccountAssignment",
            "DescribeAccountAssignmentCreationStatus", "DescribeAccountAssignmentDeletionStatus",
            "ListAccountAssignmentCreationStatus", "ListAccountAssignmentDeletionStatus");

    private final Map<String, Set<String>> called = Map.of("joiner", new TreeSet<>(), "mover", new TreeSet<>(),
            "leaver", new TreeSet<>());

    @AfterEach
    void resetEmulator() {
        IDENTITY_STORE.server().reset();
    }

    @Test
    void with_the_delete_and_fail_policies_each_function_calls_exactly_its_listed_actions() {
        // joiner: a new employee; then one whose user was created by hand, holding a managed group no longer granted
        StoryWorld joiner = world(rules(LeaverPolicy.DELETE, MissingGroupPolicy.FAIL));
        record(joiner, "joiner", Fixtures.event("joiner.json"));
        givenUserByHand(joiner, "john.roe", "E2", "jml-platform");
        record(joiner, "joiner", Fixtures.eventWith("joiner.json",
                Map.of("employeeId", "E2", "userName", "john.roe", "eventId", "j2")));
        IDENTITY_STORE.server().reset();

        // mover: a user the old script created (not in the ledger); then an employee the directory does not know
        StoryWorld mover = world(rules(LeaverPolicy.DELETE, MissingGroupPolicy.FAIL));
        givenUserByHand(mover, "john.roe", "E2", "jml-finance");
        record(mover, "mover", Fixtures.eventWith("mover.json",
                Map.of("employeeId", "E2", "userName", "john.roe", "eventId", "m2")));
        record(mover, "mover", Fixtures.eventWith("mover.json",
                Map.of("employeeId", "E3", "userName", "new.hire", "eventId", "m3")));
        IDENTITY_STORE.server().reset();

        // leaver: a user the old script created, found by userName, with a permission set assigned to it directly; then
        // one the event does not name and the ledger does not know (found by scanning for its employeeNumber)
        StoryWorld leaver = world(rules(LeaverPolicy.DELETE, MissingGroupPolicy.FAIL));
        String jane = givenUserByHand(leaver, "jane.doe", "E1001", "jml-all-staff");
        givenDirectAssignment(leaver, jane);
        record(leaver, "leaver", Fixtures.event("leaver.json"));
        givenUserByHand(leaver, "john.roe", "E2", "jml-all-staff");
        record(leaver, "leaver", leaverNamingNoUser("E2", "l2"));

        for (String function : called.keySet()) {
            assertThat(called.get(function)).as(function).containsExactlyInAnyOrderElementsOf(
                    listed(function, LeaverPolicy.DELETE, MissingGroupPolicy.FAIL, DirectAssignmentPolicy.REMOVE));
        }
    }

    @Test
    void a_suspending_leaver_calls_exactly_its_listed_actions() {
        StoryWorld world = world(rules(LeaverPolicy.SUSPEND, MissingGroupPolicy.FAIL));

        assertThat(leaverCallsForJaneAndAnEmployeeNoEventNames(world)).containsExactlyInAnyOrderElementsOf(
                listed("leaver", LeaverPolicy.SUSPEND, MissingGroupPolicy.FAIL, DirectAssignmentPolicy.REMOVE));
    }

    @Test
    void a_leaver_that_keeps_direct_assignments_calls_no_sso_admin_action() {
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE,
                rules(LeaverPolicy.DELETE, MissingGroupPolicy.FAIL).withDirectAssignments(DirectAssignmentPolicy.KEEP),
                false);

        assertThat(leaverCallsForJaneAndAnEmployeeNoEventNames(world)).containsExactlyInAnyOrderElementsOf(
                listed("leaver", LeaverPolicy.DELETE, MissingGroupPolicy.FAIL, DirectAssignmentPolicy.KEEP))
                .noneMatch(action -> action.startsWith("sso:"));
    }

    @Test
    void under_suspend_then_delete_the_leave_and_the_delete_that_follows_call_exactly_the_listed_actions() {
        AccessRules rules = rules(LeaverPolicy.SUSPEND_THEN_DELETE, MissingGroupPolicy.FAIL)
                .withDirectAssignments(DirectAssignmentPolicy.KEEP);
        StoryWorld world = world(rules);
        givenUserByHand(world, "jane.doe", "E1001", "jml-all-staff");
        world.clock.set(java.time.Instant.parse("2026-07-01T09:00:00Z"));

        record(world, "leaver", Fixtures.event("leaver.json"));
        world.server.resetStats();
        world.clock.set(java.time.Instant.parse("2026-06-30T17:00:00Z")
                .plus(java.time.Duration.ofDays(rules.effectiveDating().deleteAfterDays() + 1)));
        List<Audit> deleted = world.runDue();
        assertThat(deleted).singleElement().satisfies(a -> assertThat(a.json().path("userDeleted").asBoolean()).isTrue());
        world.server.stats().callsByOperation().keySet().forEach(op -> called.get("leaver")
                .add((SSO_ADMIN_OPERATIONS.contains(op) ? "sso:" : "identitystore:") + op));

        // The suspension removes a membership, the delete that follows deletes the user: both listed, nothing else.
        assertThat(called.get("leaver")).contains("identitystore:DeleteGroupMembership", "identitystore:DeleteUser")
                .isSubsetOf(listed("leaver", LeaverPolicy.SUSPEND_THEN_DELETE, MissingGroupPolicy.FAIL,
                        DirectAssignmentPolicy.KEEP));
    }

    @Test
    void with_the_create_policy_joiner_and_mover_create_missing_groups_within_their_listed_actions() {
        StoryWorld world = world(rules(LeaverPolicy.DELETE, MissingGroupPolicy.CREATE));
        deleteGroup(world, "jml-engineering");
        deleteGroup(world, "jml-platform");

        record(world, "joiner", Fixtures.event("joiner.json"));
        record(world, "mover", Fixtures.event("mover.json"));

        for (String function : new String[] {"joiner", "mover"}) {
            assertThat(called.get(function)).as(function).contains("identitystore:CreateGroup")
                    .isSubsetOf(listed(function, LeaverPolicy.DELETE, MissingGroupPolicy.CREATE,
                            DirectAssignmentPolicy.REMOVE));
        }
    }

    /** An Employee Left without the optional userName. */
    /**
     * GIVEN Jane, created by hand with a permission set assigned to her directly, and John, created by hand; WHEN
     * Jane's leave and John's (naming no user) are processed: the leaver's calls.
     */
    private Set<String> leaverCallsForJaneAndAnEmployeeNoEventNames(StoryWorld world) {
        String jane = givenUserByHand(world, "jane.doe", "E1001", "jml-all-staff");
        givenDirectAssignment(world, jane);
        givenUserByHand(world, "john.roe", "E2", "jml-all-staff");
        record(world, "leaver", Fixtures.event("leaver.json"));
        record(world, "leaver", leaverNamingNoUser("E2", "l2"));
        return called.get("leaver");
    }

    private static byte[] leaverNamingNoUser(String employeeId, String eventId) {
        var leaver = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().valueToTree(
                Fixtures.eventJson("leaver.json"));
        var detail = (com.fasterxml.jackson.databind.node.ObjectNode) leaver.get("detail");
        detail.remove("userName");
        detail.put("employeeId", employeeId).put("eventId", eventId);
        return Fixtures.bytes(leaver);
    }

    private StoryWorld world(AccessRules rules) {
        return new StoryWorld(IDENTITY_STORE.server(), DYNALITE, rules, false);
    }

    private void record(StoryWorld world, String function, byte[] event) {
        world.server.resetStats();
        Audit audit = world.deliver(function, event);
        assertThat(audit.outcome()).as(audit.toString()).isEqualTo("APPLIED");
        world.server.stats().callsByOperation().keySet().forEach(op -> called.get(function)
                .add((SSO_ADMIN_OPERATIONS.contains(op) ? "sso:" : "identitystore:") + op));
    }

    private static Set<String> listed(String function, LeaverPolicy leaverPolicy, MissingGroupPolicy missingGroupPolicy,
                                      DirectAssignmentPolicy directAssignments) {
        JsonNode forFunction;
        try {
            forFunction = new ObjectMapper().readTree(Fixtures.repo().resolve("config/identitystore-actions.json")
                    .toFile()).path(function);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> actions = new TreeSet<>();
        for (String key : new String[] {"always", "leaverPolicy=" + leaverPolicy.configName(),
                "missingGroupPolicy=" + missingGroupPolicy.name().toLowerCase(Locale.ROOT),
                "directAssignments=" + directAssignments.name().toLowerCase(Locale.ROOT)}) {
            forFunction.path(key).forEach(a -> actions.add(a.asText()));
        }
        return actions;
    }

    private static AccessRules rules(LeaverPolicy leaverPolicy, MissingGroupPolicy missingGroupPolicy) {
        AccessRules r = StoryWorld.SHIPPED_RULES;
        return new AccessRules(r.defaultGroups(), r.managedGroups(), r.rules(), r.protectedUsers(),
                missingGroupPolicy, leaverPolicy, r.maxLeaversPerHour());
    }

    /** A user created outside jml-identity (by the old script), with its employee number and one group. */
    private static String givenUserByHand(StoryWorld world, String userName, String employeeNumber, String group) {
        String storeId = world.server.identityStoreId();
        String userId = world.client.createUser(r -> r.identityStoreId(storeId).userName(userName)
                .displayName("By Hand").name(n -> n.givenName("By").familyName("Hand"))
                .extensions(Map.of("aws:identitystore:enterprise",
                        Document.fromMap(Map.of("employeeNumber", Document.fromString(employeeNumber)))))).userId();
        world.client.createGroupMembership(r -> r.identityStoreId(storeId).groupId(groupId(world, group))
                .memberId(MemberId.fromUserId(userId)));
        return userId;
    }

    /** An administrator assigned a permission set to the user itself (provisioned by the next call: no delay). */
    private static void givenDirectAssignment(StoryWorld world, String userId) {
        String instanceArn = world.server.instanceArn();
        StoryWorld.ssoAdminClientFor(world.server).createAccountAssignment(r -> r.instanceArn(instanceArn)
                .targetType(TargetType.AWS_ACCOUNT).targetId("222222222222")
                .permissionSetArn(world.server.ssoAdmin().permissionSetArnByName("AdministratorAccess"))
                .principalType(PrincipalType.USER).principalId(userId));
    }

    private static void deleteGroup(StoryWorld world, String group) {
        String storeId = world.server.identityStoreId();
        world.client.deleteGroup(r -> r.identityStoreId(storeId).groupId(groupId(world, group)));
    }

    private static String groupId(StoryWorld world, String group) {
        String storeId = world.server.identityStoreId();
        return world.client.getGroupId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a
                .uniqueAttribute(u -> u.attributePath("displayName").attributeValue(Document.fromString(group)))))
                .groupId();
    }
}
