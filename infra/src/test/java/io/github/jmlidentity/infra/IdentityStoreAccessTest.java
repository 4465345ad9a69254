package io.github.jmlidentity.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.LifecycleStage;
import io.github.jmlidentity.contract.MissingGroupPolicy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, read from the synthesized IAM policies: each function's role can call exactly its own
 * Identity Store operations on the one configured store, the leaver its sso-admin operations in the one configured
 * instance (and none when direct assignments are kept), touch only the ledger table and its own log group, and no
 * policy anywhere in the template grants a wildcard action.
 */
class IdentityStoreAccessTest {

    private static TestStacks.Synthesized defaults;
    private static TestStacks.Synthesized variant;

    @BeforeAll
    static void synthesize() {
        defaults = TestStacks.defaults();
        variant = TestStacks.variant();
    }

    @Test
    void joiner_may_create_and_converge_users_and_memberships_but_never_delete_users_or_create_groups_by_default() {
        assertThat(identityStoreActions(defaults, "JoinerFunction")).containsExactlyInAnyOrder(
                "identitystore:CreateUser", "identitystore:GetUserId", "identitystore:DescribeUser",
                "identitystore:UpdateUser", "identitystore:CreateGroupMembership", "identitystore:GetGroupId",
                "identitystore:ListGroupMembershipsForMember",
                "identitystore:DescribeGroup", "identitystore:DeleteGroupMembership");
    }

    @Test
    void joiner_and_mover_may_create_groups_only_when_the_missing_group_policy_is_create() {
        for (String fn : List.of("JoinerFunction", "MoverFunction")) {
            assertThat(identityStoreActions(variant, fn)).contains("identitystore:CreateGroup");
            assertThat(identityStoreActions(defaults, fn)).doesNotContain("identitystore:CreateGroup");
        }
        assertThat(identityStoreActions(variant, "LeaverFunction")).doesNotContain("identitystore:CreateGroup");
    }

    @Test
    void mover_may_update_users_and_change_memberships_but_never_delete_users() {
        assertThat(identityStoreActions(defaults, "MoverFunction")).containsExactlyInAnyOrder(
                "identitystore:GetUserId", "identitystore:DescribeUser", "identitystore:UpdateUser",
                "identitystore:CreateUser", "identitystore:ListGroupMembershipsForMember",
                "identitystore:CreateGroupMembership", "identitystore:DeleteGroupMembership",
                "identitystore:GetGroupId", "identitystore:DescribeGroup");
    }

    @Test
    void a_deleting_leaver_may_delete_users_but_never_create_anything_or_remove_single_memberships() {
        // DeleteUser takes the memberships with the user: the deleting leaver makes no membership call. ListUsers:
        // a leaver the ledger cannot resolve scans the users for the employeeNumber (issue #11 item 6).
        assertThat(identityStoreActions(defaults, "LeaverFunction")).containsExactlyInAnyOrder(
                "identitystore:GetUserId", "identitystore:DescribeUser", "identitystore:ListUsers",
                "identitystore:ListGroupMembershipsForMember", "identitystore:DeleteUser",
                "identitystore:DescribeGroup");
    }

    @Test
    void a_suspending_leaver_may_remove_memberships_but_cannot_delete_users() {
        assertThat(identityStoreActions(variant, "LeaverFunction"))
                .doesNotContain("identitystore:DeleteUser")
                .contains("identitystore:DeleteGroupMembership");
    }

    @Test
    void suspend_then_delete_lets_the_leaver_and_the_scheduler_remove_memberships_and_later_delete_the_user() {
        assertThat(IdentityStoreAccess.actions(io.github.jmlidentity.contract.LifecycleStage.LEAVER,
                io.github.jmlidentity.contract.LeaverPolicy.SUSPEND_THEN_DELETE,
                io.github.jmlidentity.contract.MissingGroupPolicy.FAIL))
                .contains("identitystore:DeleteGroupMembership", "identitystore:DeleteUser");
    }

    @Test
    void the_scheduler_may_call_exactly_what_the_three_lifecycle_functions_may_together() {
        for (TestStacks.Synthesized stack : List.of(defaults, variant)) {
            java.util.Set<String> union = new java.util.TreeSet<>();
            for (String fn : List.of("JoinerFunction", "MoverFunction", "LeaverFunction")) {
                union.addAll(identityStoreActions(stack, fn));
            }
            assertThat(identityStoreActions(stack, "SchedulerFunction")).containsExactlyInAnyOrderElementsOf(union);
        }
    }

    @Test
    void identity_store_statements_are_scoped_to_the_configured_store_and_its_resource_types() {
        for (TestStacks.Synthesized stack : List.of(defaults, variant)) {
            String storeId = stack.stack().settings().identityStoreId();
            for (String fn : List.of("JoinerFunction", "MoverFunction", "LeaverFunction", "SchedulerFunction")) {
                Map<String, Object> statement = statement(stack, fn, "IdentityStore");
                assertThat(statement.get("Resource")).isEqualTo(List.of(
                        Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":identitystore::", Map.of("Ref", "AWS::AccountId"), ":identitystore/" + storeId))),
                        Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":identitystore:::user/*"))),
                        Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":identitystore:::group/*"))),
                        Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":identitystore:::membership/*")))));
            }
        }
    }

    @Test
    void each_role_reaches_only_the_ledger_table_its_own_log_group_and_the_failure_queue() {
        String table = logicalId(defaults, "AWS::DynamoDB::Table", "EmployeeLedgerTable");
        String failureQueue = logicalId(defaults, "AWS::SQS::Queue", "FailureQueuesProcessingFailureQueue");
        for (String fn : List.of("JoinerFunction", "MoverFunction", "LeaverFunction")) {
            Map<String, Object> ledger = statement(defaults, fn, "EmployeeLedger");
            assertThat(actions(ledger)).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem");
            assertThat(ledger.get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of(table, "Arn")));

            Map<String, Object> logs = statement(defaults, fn, "WriteOwnLogs");
            assertThat(actions(logs)).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
            assertThat(logs.get("Resource")).isEqualTo(Map.of("Fn::GetAtt",
                    List.of(logicalId(defaults, "AWS::Logs::LogGroup", fn + "LogGroup"), "Arn")));

            List<Map<String, Object>> statements = statements(defaults, fn);
            // Identity Store, ledger, logs, failure queue; and the leaver's two sso-admin statements.
            assertThat(statements).as("statements of %s", fn).hasSize(fn.equals("LeaverFunction") ? 6 : 4);
            // The on-failure destination and the handler's own sends of permanent failures (FAILURE_QUEUE_URL):
            // sqs:SendMessage on the processing failure queue only, and no other queue action anywhere.
            List<Map<String, Object>> sqs = statements.stream()
                    .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("sqs:"))).toList();
            assertThat(sqs).as("sqs statements of %s", fn).singleElement().satisfies(destination -> {
                assertThat(actions(destination)).contains("sqs:SendMessage")
                        .allSatisfy(a -> assertThat(a).isIn("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"));
                assertThat(destination.get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of(failureQueue, "Arn")));
            });
        }
    }

    @Test
    void each_function_has_its_own_role_assumable_only_by_lambda_with_no_managed_policies() {
        for (TestStacks.Synthesized stack : List.of(defaults, variant)) {
            Map<String, Map<String, Object>> roles = stack.resources("AWS::IAM::Role");
            assertThat(roles).hasSize(6); // joiner, mover, leaver, canceller, scheduler, reconcile
            roles.values().forEach(role -> {
                Map<String, Object> props = TestStacks.Synthesized.properties(role);
                assertThat(props).doesNotContainKey("ManagedPolicyArns");
                assertThat(props.get("AssumeRolePolicyDocument").toString()).contains("lambda.amazonaws.com");
            });
        }
    }

    @Test
    void a_leaver_that_removes_direct_assignments_may_list_delete_and_follow_them_in_the_one_instance_only() {
        String instance = TestStacks.INSTANCE_ARN;
        Map<String, Object> read = statement(defaults, "LeaverFunction", "SsoAdminLeaverInstance");
        assertThat(actions(read)).containsExactlyInAnyOrder("sso:ListAccountAssignmentsForPrincipal",
                "sso:DescribeAccountAssignmentDeletionStatus");
        assertThat(read.get("Resource")).isEqualTo(instance);
        Map<String, Object> delete = statement(defaults, "LeaverFunction", "SsoAdminLeaverAssignments");
        assertThat(actions(delete)).containsExactly("sso:DeleteAccountAssignment");
        assertThat(delete.get("Resource")).isEqualTo(List.of(instance,
                "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/*", "arn:aws:sso:::account/*"));
        for (String fn : List.of("JoinerFunction", "MoverFunction")) {
            assertThat(statements(defaults, fn)).flatExtracting(IdentityStoreAccessTest::actions)
                    .noneMatch(action -> action.startsWith("sso:"));
        }
    }

    @Test
    void with_direct_assignments_kept_no_role_has_any_sso_admin_action() {
        for (String fn : List.of("JoinerFunction", "MoverFunction", "LeaverFunction")) {
            assertThat(statements(variant, fn)).flatExtracting(IdentityStoreAccessTest::actions)
                    .noneMatch(action -> action.startsWith("sso:"));
        }
        List<String> actions = new ArrayList<>();
        collectAllowedActions(variant.template().toJSON(), actions);
        assertThat(actions).doesNotContain("sso:DeleteAccountAssignment", "sso:CreateAccountAssignment")
                .noneMatch(action -> action.startsWith("sso:"));
    }

    @Test
    void no_policy_anywhere_grants_a_wildcard_action() {
        for (TestStacks.Synthesized stack : List.of(defaults, variant)) {
            List<String> actions = new ArrayList<>();
            collectAllowedActions(stack.template().toJSON(), actions);
            assertThat(actions).isNotEmpty().noneMatch(action -> action.contains("*"));
        }
    }

    @Test
    void the_lists_in_identity_store_access_are_the_ones_deployed() {
        for (LifecycleStage stage : LifecycleStage.values()) {
            assertThat(identityStoreActions(defaults, LifecycleFunction.title(stage) + "Function")).containsExactlyInAnyOrderElementsOf(
                    IdentityStoreAccess.actions(stage, LeaverPolicy.DELETE, MissingGroupPolicy.FAIL));
            assertThat(identityStoreActions(variant, LifecycleFunction.title(stage) + "Function")).containsExactlyInAnyOrderElementsOf(
                    IdentityStoreAccess.actions(stage, LeaverPolicy.SUSPEND, MissingGroupPolicy.CREATE));
            assertThat(ssoActions(defaults, LifecycleFunction.title(stage) + "Function")).containsExactlyInAnyOrderElementsOf(
                    SsoAdminAccess.actions(stage, DirectAssignmentPolicy.REMOVE));
            assertThat(ssoActions(variant, LifecycleFunction.title(stage) + "Function")).isEmpty();
            assertThat(SsoAdminAccess.actions(stage, DirectAssignmentPolicy.KEEP)).isEmpty();
        }
    }

    // --- reading the template ---

    private static TreeSet<String> ssoActions(TestStacks.Synthesized stack, String function) {
        TreeSet<String> found = new TreeSet<>();
        statements(stack, function).forEach(s -> actions(s).stream().filter(a -> a.startsWith("sso:")).forEach(found::add));
        return found;
    }

    private static TreeSet<String> identityStoreActions(TestStacks.Synthesized stack, String function) {
        return new TreeSet<>(actions(statement(stack, function, "IdentityStore")));
    }

    private static Map<String, Object> statement(TestStacks.Synthesized stack, String function, String sidPrefix) {
        return statements(stack, function).stream()
                .filter(s -> String.valueOf(s.get("Sid")).startsWith(sidPrefix))
                .findFirst().orElseThrow(() -> new AssertionError(function + " has no statement " + sidPrefix + "*"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(TestStacks.Synthesized stack, String function) {
        String role = logicalId(stack, "AWS::IAM::Role", function + "Role");
        return stack.resources("AWS::IAM::Policy").values().stream()
                .map(TestStacks.Synthesized::properties)
                .filter(p -> ((List<Object>) p.get("Roles")).contains(Map.of("Ref", role)))
                .flatMap(p -> ((List<Map<String, Object>>) ((Map<String, Object>) p.get("PolicyDocument")).get("Statement")).stream())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? (List<String>) list : List.of((String) action);
    }

    private static String logicalId(TestStacks.Synthesized stack, String type, String prefix) {
        return stack.resources(type).keySet().stream().filter(id -> id.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + prefix + "*"));
    }

    /** Every Action of every Allow statement in any policy document of the template. */
    @SuppressWarnings("unchecked")
    private static void collectAllowedActions(Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            if ("Allow".equals(map.get("Effect")) && map.containsKey("Action")) {
                into.addAll(actions((Map<String, Object>) map));
            }
            map.values().forEach(v -> collectAllowedActions(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectAllowedActions(v, into));
        }
    }
}
