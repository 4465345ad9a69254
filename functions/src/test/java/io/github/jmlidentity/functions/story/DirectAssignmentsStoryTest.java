package io.github.jmlidentity.functions.story;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.functions.application.AssignmentRemoval;
import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Dynalite;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.MovableClock;
import io.github.jmlidentity.functions.support.StoryWorld;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import io.github.jmlidentity.identitystore.local.ssoadmin.ProvisioningSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A leaver removes the account assignments made to the user directly, before DeleteUser and at suspension, and waits
 * until IAM Identity Center has deleted them. Identity Store Local provisions assignments asynchronously on a clock
 * the story moves: each deletion stays IN_PROGRESS for 20 s, and the functions' sleeper moves that clock instead of
 * sleeping. Deleting an assignment of a user that no longer exists FAILS in the emulator (as in AWS), so a leaver
 * that deleted the user first could not pass these stories.
 */
class DirectAssignmentsStoryTest {

    private static final MovableClock EMULATOR_CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private static final Duration PROVISIONING = Duration.ofSeconds(20);

    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension()
            .withSeed(Fixtures.storySeed())
            .withClock(EMULATOR_CLOCK)
            .withProvisioning(ProvisioningSettings.immediate().withDelay(PROVISIONING));
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private IdentityStoreLocal server;
    private SsoAdminClient ssoAdmin;
    private String readOnly;
    private String admin;
    private String developer;
    private final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void givenTheInstancesPermissionSets() {
        server = IDENTITY_STORE.server();
        ssoAdmin = StoryWorld.ssoAdminClientFor(server);
        readOnly = server.ssoAdmin().permissionSetArnByName("ReadOnlyAccess");
        admin = server.ssoAdmin().permissionSetArnByName("AdministratorAccess");
        developer = server.ssoAdmin().permissionSetArnByName("DeveloperAccess");
    }

    @Test
    void a_leaver_with_two_direct_assignments_has_both_removed_then_the_user_deleted_and_the_audit_lists_both() {
        StoryWorld world = world(rules(LeaverPolicy.DELETE, DirectAssignmentPolicy.REMOVE));
        String jane = world.deliver("joiner.json").userId();
        givenAssignment(jane, PrincipalType.USER, "222222222222", admin);
        givenAssignment(jane, PrincipalType.USER, "444444444444", readOnly);
        String engineering = groupId(world, "jml-engineering");
        givenAssignment(engineering, PrincipalType.GROUP, "333333333333", developer);

        Audit left = world.deliver("leaver.json");

        assertThat(left.outcome()).as(left.toString()).isEqualTo("APPLIED");
        assertThat(left.json().path("userDeleted").asBoolean()).isTrue();
        assertThat(assignments(left)).containsExactlyInAnyOrder(
                Map.of("accountId", "222222222222", "permissionSetArn", admin),
                Map.of("accountId", "444444444444", "permissionSetArn", readOnly));
        assertThat(listed(jane, PrincipalType.USER)).isEmpty();
        assertThat(deletionStatuses()).containsOnly(StatusValues.SUCCEEDED).hasSize(2);
        assertThatThrownBy(() -> world.client.describeUser(r -> r.identityStoreId(server.identityStoreId()).userId(jane)))
                .isInstanceOf(ResourceNotFoundException.class);
        // The group's assignment is the group's: untouched.
        assertThat(listed(engineering, PrincipalType.GROUP)).extracting(AccountAssignmentForPrincipal::accountId)
                .containsExactly("333333333333");
        // The leaver waited on the emulator's clock, with backoff, not on the wall clock.
        assertThat(slept).isNotEmpty().isSortedAccordingTo(Duration::compareTo);
        assertThat(slept.stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThanOrEqualTo(PROVISIONING);
    }

    @Test
    void a_deletion_that_fails_leaves_the_leaver_failed_and_retryable_with_the_user_kept_and_the_retry_finishes() {
        StoryWorld world = world(rules(LeaverPolicy.DELETE, DirectAssignmentPolicy.REMOVE));
        String jane = world.deliver("joiner.json").userId();
        givenAssignment(jane, PrincipalType.USER, "222222222222", admin);
        givenAssignment(jane, PrincipalType.USER, "444444444444", readOnly);
        server.provisioning(server.provisioning().withFailNextDeletions(1)
                .withFailureReason("Simulated: the role is in use"));

        Audit failed = world.deliver("leaver.json");

        assertThat(failed.outcome()).isEqualTo("FAILED");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.threw()).as("thrown to Lambda for its retries").isTrue();
        assertThat(failed.errorType()).isEqualTo(AssignmentRemoval.DELETION_FAILED);
        assertThat(failed.reason()).contains("Simulated: the role is in use").contains("222222222222");
        assertThat(failed.json().path("userDeleted").asBoolean()).isFalse();
        assertThat(assignments(failed)).containsExactly(Map.of("accountId", "444444444444", "permissionSetArn", readOnly));
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
        assertThat(listed(jane, PrincipalType.USER)).extracting(AccountAssignmentForPrincipal::accountId)
                .containsExactly("222222222222");
        assertThat(world.failureQueue.messages()).isEmpty();

        Audit retried = world.deliver("leaver.json");

        assertThat(retried.outcome()).as(retried.toString()).isEqualTo("APPLIED");
        assertThat(retried.json().path("userDeleted").asBoolean()).isTrue();
        // the retry's record is the event's final one: it lists what both attempts removed (issue #11 item 10)
        assertThat(retried.json().path("final").asBoolean()).isTrue();
        assertThat(assignments(retried)).containsExactly(Map.of("accountId", "444444444444", "permissionSetArn", readOnly),
                Map.of("accountId", "222222222222", "permissionSetArn", admin));
        assertThat(listed(jane, PrincipalType.USER)).isEmpty();
        assertThat(world.state().users()).doesNotContainKey("jane.doe");
    }

    @Test
    void a_deletion_still_in_progress_when_the_wait_is_over_fails_the_leaver_before_the_user_is_deleted() {
        server.provisioning(server.provisioning().withDelay(Duration.ofMinutes(30)));
        StoryWorld world = world(rules(LeaverPolicy.DELETE, DirectAssignmentPolicy.REMOVE));
        String jane = world.deliver("joiner.json").userId();
        givenAssignment(jane, PrincipalType.USER, "222222222222", admin);

        Audit timedOut = world.deliver("leaver.json");

        assertThat(timedOut.outcome()).isEqualTo("FAILED");
        assertThat(timedOut.retryable()).isTrue();
        assertThat(timedOut.errorType()).isEqualTo(AssignmentRemoval.DELETION_TIMED_OUT);
        assertThat(timedOut.json().path("userDeleted").asBoolean()).isFalse();
        assertThat(world.state().users()).containsKey("jane.doe");
        assertThat(slept.stream().reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(AssignmentRemoval.Waiting.DEFAULT.timeout());

        EMULATOR_CLOCK.advance(Duration.ofMinutes(30)); // IAM Identity Center finishes the deletion meanwhile
        Audit retried = world.deliver("leaver.json");

        assertThat(retried.outcome()).as(retried.toString()).isEqualTo("APPLIED");
        assertThat(world.state().users()).doesNotContainKey("jane.doe");
        assertThat(listed(jane, PrincipalType.USER)).isEmpty();
    }

    @Test
    void suspend_removes_the_direct_assignments_and_keeps_the_user() {
        StoryWorld world = world(rules(LeaverPolicy.SUSPEND, DirectAssignmentPolicy.REMOVE));
        String jane = world.deliver("joiner.json").userId();
        givenAssignment(jane, PrincipalType.USER, "222222222222", admin);
        givenAssignment(jane, PrincipalType.USER, "444444444444", readOnly);

        Audit suspended = world.deliver("leaver.json");

        assertThat(suspended.outcome()).as(suspended.toString()).isEqualTo("APPLIED");
        assertThat(suspended.json().path("userDeleted").asBoolean()).isFalse();
        assertThat(assignments(suspended)).hasSize(2);
        assertThat(listed(jane, PrincipalType.USER)).isEmpty();
        assertThat(world.state().users()).containsKey("jane.doe");
        assertThat(world.state().user("jane.doe").groups()).isEmpty();
    }

    @Test
    void keep_leaves_the_direct_assignments_and_makes_no_sso_admin_call() {
        StoryWorld world = world(rules(LeaverPolicy.DELETE, DirectAssignmentPolicy.KEEP));
        String jane = world.deliver("joiner.json").userId();
        givenAssignment(jane, PrincipalType.USER, "222222222222", admin);
        server.resetStats();

        Audit left = world.deliver("leaver.json");

        assertThat(left.outcome()).isEqualTo("APPLIED");
        assertThat(left.json().path("userDeleted").asBoolean()).isTrue();
        assertThat(assignments(left)).isEmpty();
        assertThat(server.stats().callsByOperation())
                .isEqualTo(Map.of("DescribeUser", 1L, "ListGroupMembershipsForMember", 1L, "DeleteUser", 1L));
        // Left behind, as before this option existed: orphaned, still listed.
        assertThat(listed(jane, PrincipalType.USER)).hasSize(1);
    }

    @Test
    void a_dry_run_lists_the_direct_assignments_it_would_remove_and_removes_none() {
        StoryWorld world = world(rules(LeaverPolicy.DELETE, DirectAssignmentPolicy.REMOVE));
        String jane = world.deliver("joiner.json").userId();
        givenAssignment(jane, PrincipalType.USER, "222222222222", admin);
        ProcessHrEvent dryRun = LifecycleFunctions.builder().directory(world.faults)
                .ssoAdmin(ssoAdmin, server.instanceArn()).ledgerTable(DYNALITE.client(), world.table)
                .rules(rules(LeaverPolicy.DELETE, DirectAssignmentPolicy.REMOVE)).dryRun(true).auditLines(line -> { })
                .build();
        server.resetStats();

        AuditRecord planned = dryRun.process(HrEventRequest.envelope(Fixtures.event("leaver.json"))).audit();

        assertThat(planned.outcome()).isEqualTo(Outcome.PLANNED);
        assertThat(planned.changes().assignmentsRemoved()).containsExactly(new DirectAssignment("222222222222", admin));
        assertThat(listed(jane, PrincipalType.USER)).hasSize(1);
        assertThat(server.stats().calls("DeleteAccountAssignment")).isZero();
    }

    @Test
    void removing_two_direct_assignments_costs_one_listing_and_a_delete_and_a_status_each_when_provisioning_is_quick() {
        server.provisioning(server.provisioning().withDelay(Duration.ZERO));
        StoryWorld world = world(rules(LeaverPolicy.DELETE, DirectAssignmentPolicy.REMOVE));
        String jane = world.deliver("joiner.json").userId();
        givenAssignment(jane, PrincipalType.USER, "222222222222", admin);
        givenAssignment(jane, PrincipalType.USER, "444444444444", readOnly);
        server.resetStats();

        Audit left = world.deliver("leaver.json");

        assertThat(server.stats().callsByOperation()).isEqualTo(Map.of(
                "DescribeUser", 1L, "ListGroupMembershipsForMember", 1L, "ListAccountAssignmentsForPrincipal", 1L,
                "DeleteAccountAssignment", 2L, "DescribeAccountAssignmentDeletionStatus", 2L, "DeleteUser", 1L));
        assertThat(left.apiCalls()).isEqualTo(server.stats().callsByOperation());
        assertThat(slept).isEmpty();
    }

    /** The functions as deployed, whose sleeper moves the emulator's clock (and records each wait). */
    private StoryWorld world(AccessRules rules) {
        return new StoryWorld(server, DYNALITE, rules, false, StoryWorld.clientFor(server), Duration.ofMinutes(2),
                wiring -> wiring.sleeper(duration -> {
                    slept.add(duration);
                    EMULATOR_CLOCK.advance(duration);
                }));
    }

    private static AccessRules rules(LeaverPolicy leaverPolicy, DirectAssignmentPolicy directAssignments) {
        AccessRules r = StoryWorld.SHIPPED_RULES;
        return new AccessRules(r.defaultGroups(), r.managedGroups(), r.rules(), r.protectedUsers(),
                r.missingGroupPolicy(), leaverPolicy, r.maxLeaversPerHour(), directAssignments);
    }

    /** An administrator assigns a permission set in an account, and IAM Identity Center provisions it. */
    private void givenAssignment(String principalId, PrincipalType type, String accountId, String permissionSetArn) {
        String requestId = ssoAdmin.createAccountAssignment(r -> r.instanceArn(server.instanceArn())
                .targetType(TargetType.AWS_ACCOUNT).targetId(accountId).permissionSetArn(permissionSetArn)
                .principalType(type).principalId(principalId)).accountAssignmentCreationStatus().requestId();
        EMULATOR_CLOCK.advance(server.provisioning().delay());
        assertThat(ssoAdmin.describeAccountAssignmentCreationStatus(r -> r.instanceArn(server.instanceArn())
                .accountAssignmentCreationRequestId(requestId)).accountAssignmentCreationStatus().status())
                .isEqualTo(StatusValues.SUCCEEDED);
    }

    private List<AccountAssignmentForPrincipal> listed(String principalId, PrincipalType type) {
        return ssoAdmin.listAccountAssignmentsForPrincipalPaginator(r -> r.instanceArn(server.instanceArn())
                .principalType(type).principalId(principalId)).accountAssignments().stream().toList();
    }

    private List<StatusValues> deletionStatuses() {
        return ssoAdmin.listAccountAssignmentDeletionStatusPaginator(r -> r.instanceArn(server.instanceArn()))
                .accountAssignmentsDeletionStatus().stream().map(s -> s.status()).toList();
    }

    private static List<Map<String, String>> assignments(Audit audit) {
        List<Map<String, String>> found = new ArrayList<>();
        for (JsonNode a : audit.json().path("assignmentsRemoved")) {
            found.add(Map.of("accountId", a.path("accountId").asText(), "permissionSetArn",
                    a.path("permissionSetArn").asText()));
        }
        return found;
    }

    private String groupId(StoryWorld world, String group) {
        return world.client.getGroupId(r -> r.identityStoreId(server.identityStoreId()).alternateIdentifier(a -> a
                .uniqueAttribute(u -> u.attributePath("displayName").attributeValue(Document.fromString(group)))))
                .groupId();
    }
}
