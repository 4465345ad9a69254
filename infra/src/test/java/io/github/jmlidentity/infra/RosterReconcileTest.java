package io.github.jmlidentity.infra;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.jmlidentity.contract.ReconcileFunction;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The roster bucket, its S3 → EventBridge trigger, the reconcile function's least privilege, its alarm and query. */
class RosterReconcileTest {

    private static final Template DEFAULTS = TestStacks.defaults().template();
    private static final Template VARIANT = TestStacks.variant().template();

    @Test
    void the_roster_bucket_is_versioned_encrypted_private_tls_only_retained_and_sends_events_to_eventbridge() {
        DEFAULTS.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                        "BucketEncryption", Match.objectLike(Map.of("ServerSideEncryptionConfiguration", List.of(
                                Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"))))),
                        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                        "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                                "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 90), "Status", "Enabled")))),
                        "NotificationConfiguration", Map.of("EventBridgeConfiguration",
                                Map.of("EventBridgeEnabled", true)))))));
        DEFAULTS.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Action", "s3:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    void an_object_created_under_the_roster_prefix_of_this_bucket_runs_the_reconcile_function() {
        String bucket = logicalId(DEFAULTS, "AWS::S3::Bucket", "RosterReconcileRosterBucket");
        DEFAULTS.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventPattern", Map.of("source", List.of("aws.s3"), "detail-type", List.of("Object Created"),
                        "detail", Map.of("bucket", Map.of("name", List.of(Map.of("Ref", bucket))),
                                "object", Map.of("key", List.of(Map.of("prefix", "rosters/"))))),
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", Map.of("Fn::GetAtt", List.of(logicalId(DEFAULTS, "AWS::Lambda::Function",
                                "RosterReconcileFunction"), "Arn")),
                        "DeadLetterConfig", Match.anyValue()))))));
        DEFAULTS.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", ReconcileFunction.handler(),
                "ReservedConcurrentExecutions", 1,
                "Timeout", 900,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "RECONCILE_ADOPT", "off", "IDENTITY_STORE_MAX_RPS", "2.500"))))));
    }

    @Test
    void the_role_reads_only_the_roster_prefix_and_alone_may_scan_the_ledger() {
        Map<String, Object> role = policyOf("RosterReconcileRole");
        String policy = role.toString();
        assertThat(policy).contains("s3:GetObject").contains("/rosters/*")
                .doesNotContain("s3:ListBucket", "s3:PutObject", "s3:*");
        assertThat(policy).contains("dynamodb:Scan").contains("identitystore:ListUsers")
                .contains("identitystore:ListGroupMemberships").contains("identitystore:DeleteUser");
        // its leavers run the leaver's code: the same sso-admin grants under directAssignments: remove (the default)
        assertThat(policy).contains("sso:ListAccountAssignmentsForPrincipal", "sso:DeleteAccountAssignment");
        for (String fn : List.of("JoinerFunctionRole", "MoverFunctionRole", "LeaverFunctionRole")) {
            assertThat(policyOf(fn).toString()).as(fn).doesNotContain("dynamodb:Scan", "s3:");
        }
    }

    @Test
    void adoption_the_leaver_cap_and_a_schedule_come_from_context_keys() {
        VARIANT.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", ReconcileFunction.handler(),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "RECONCILE_ADOPT", "userName+email", "RECONCILE_MAX_LEAVERS", "40"))))));
        Capture input = new Capture();
        VARIANT.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(1 day)",
                "Targets", List.of(Match.objectLike(Map.of("Input", input))))));
        assertThat(input.asObject().toString()).contains("roster", "s3://", "/hr/exports/current.csv");
        assertThat(policyOf(TestStacks.variant().template(), "RosterReconcileRole").toString()).contains("/hr/exports/*");
        // without the context key, no schedule runs the reconcile (the scheduler's is DueChangeScheduleTest's)
        Map<String, String> handlers = HrEventRoutingPatternTest.handlersByRule(TestStacks.defaults());
        assertThat(TestStacks.defaults().resources("AWS::Events::Rule")).allSatisfy((id, rule) -> {
            if (TestStacks.Synthesized.properties(rule).containsKey("ScheduleExpression")) {
                assertThat(handlers.get(id)).isNotEqualTo(ReconcileFunction.handler());
            }
        });
    }

    @Test
    void a_reconcile_that_needs_an_operator_raises_an_alarm_and_the_last_one_has_a_saved_query() {
        DEFAULTS.hasResourceProperties("AWS::Logs::MetricFilter", Match.objectLike(Map.of(
                "FilterPattern", RosterReconcile.ATTENTION_FILTER,
                "MetricTransformations", List.of(Match.objectLike(Map.of(
                        "MetricName", RosterReconcile.ATTENTION_METRIC))))));
        DEFAULTS.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "JmlIdentity-reconcile-needs-attention",
                "MetricName", RosterReconcile.ATTENTION_METRIC,
                "AlarmActions", List.of(Map.of("Ref", logicalId(DEFAULTS, "AWS::SNS::Topic", "OperationsAlarmsTopic"))))));
        DEFAULTS.hasResourceProperties("AWS::Logs::QueryDefinition", Match.objectLike(Map.of(
                "Name", "jml-identity/JmlIdentity/Last reconcile: plan counts and conflicts",
                "QueryString", RosterReconcile.LAST_RECONCILE_QUERY)));
        assertThat(RosterReconcile.ATTENTION_FILTER).contains("$.alarm IS TRUE");
    }

    @Test
    void a_bad_reconcile_context_value_names_its_key() {
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of(ReconcileSettings.RECONCILE_ADOPT, "yes"),
                Map.<String, Object>of(ReconcileSettings.RECONCILE_SCHEDULE, "every day"),
                Map.<String, Object>of(ReconcileSettings.RECONCILE_ROSTER_KEY, "elsewhere/current.csv"),
                Map.<String, Object>of(ReconcileSettings.ROSTER_PREFIX, "no-slash"),
                Map.<String, Object>of(ReconcileSettings.RECONCILE_MAX_LEAVERS, "-1"))) {
            Map<String, Object> context = new java.util.HashMap<>(bad);
            context.put(StackSettings.IDENTITY_STORE_ID, TestStacks.STORE_ID);
            context.put(StackSettings.SSO_INSTANCE_ARN, TestStacks.INSTANCE_ARN);
            App app = new App(AppProps.builder().context(TestStacks.context(context)).build());
            assertThatThrownBy(() -> JmlIdentityApp.build(app, TestStacks.REPO_ROOT))
                    .isInstanceOf(InvalidContextException.class)
                    .hasMessageContaining(bad.keySet().iterator().next());
        }
    }

    private static Map<String, Object> policyOf(String rolePrefix) {
        return policyOf(DEFAULTS, rolePrefix);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> policyOf(Template template, String rolePrefix) {
        Map<String, Map<String, Object>> policies = (Map<String, Map<String, Object>>) (Object)
                template.findResources("AWS::IAM::Policy", Match.anyValue());
        return policies.entrySet().stream().filter(e -> e.getKey().startsWith(rolePrefix)).findFirst()
                .map(Map.Entry::getValue).orElseThrow(() -> new AssertionError("no policy for " + rolePrefix));
    }

    @SuppressWarnings("unchecked")
    private static String logicalId(Template template, String type, String prefix) {
        return ((Map<String, Object>) (Object) template.findResources(type, Match.anyValue())).keySet().stream()
                .filter(id -> id.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + prefix));
    }
}
