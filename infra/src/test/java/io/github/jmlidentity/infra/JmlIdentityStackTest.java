package io.github.jmlidentity.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** What one `cdk deploy` creates, asserted on the synthesized template (defaults, then every context value). */
class JmlIdentityStackTest {

    private static TestStacks.Synthesized stack;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        stack = TestStacks.defaults();
        template = stack.template();
    }

    private static String ref(String logicalIdPrefix, String type) {
        return stack.resources(type).keySet().stream().filter(id -> id.startsWith(logicalIdPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + logicalIdPrefix + "*"));
    }

    @Nested
    class Functions {

        @Test
        void three_functions_run_the_contract_handlers_on_java_25_arm64_with_snapstart_and_json_logs() {
            for (String detailType : List.of("Employee Joined", "Employee Moved", "Employee Left")) {
                template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                        "Handler", TestStacks.handlerFor(detailType),
                        "Runtime", "java25",
                        "Architectures", List.of("arm64"),
                        "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                        "LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON")),
                        "ReservedConcurrentExecutions", StackSettings.DEFAULT_RESERVED_CONCURRENCY,
                        "Layers", List.of(Map.of("Ref", ref("AccessRulesLayer", "AWS::Lambda::LayerVersion"))))));
            }
            // and the canceller, the scheduler and the reconcile function (RosterReconcileTest)
            template.resourceCountIs("AWS::Lambda::Function", 6);
        }

        @Test
        void the_canceller_and_the_scheduler_run_their_contract_handlers_one_at_a_time() {
            for (var function : io.github.jmlidentity.contract.EffectiveDatingFunction.values()) {
                template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                        "Handler", function.handler(),
                        "Runtime", "java25",
                        "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                        "ReservedConcurrentExecutions", 1)));
            }
            template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", io.github.jmlidentity.contract.EffectiveDatingFunction.SCHEDULER.handler(),
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            "METRICS_NAMESPACE", "JmlIdentity/JmlIdentity"))))));
        }

        @Test
        void default_reserved_concurrency_keeps_all_three_functions_under_the_identity_store_quota() {
            assertThat(3 * StackSettings.DEFAULT_RESERVED_CONCURRENCY).isLessThan(20);
        }

        @Test
        void environment_follows_the_functions_contract() {
            List<String> handlers = new java.util.ArrayList<>();
            TestStacks.CONTRACT_DETAIL_TYPES.forEach(detailType -> handlers.add(TestStacks.handlerFor(detailType)));
            for (var function : io.github.jmlidentity.contract.EffectiveDatingFunction.values()) {
                handlers.add(function.handler());
            }
            // every function that processes events (the reconcile's, which reports its failures itself: RosterReconcileTest)
            for (String handler : handlers) {
                template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                        "Handler", handler,
                        "Environment", Map.of("Variables", Match.objectLike(Map.of(
                                "IDENTITY_STORE_ID", TestStacks.STORE_ID,
                                "LEDGER_TABLE", Map.of("Ref", ref("EmployeeLedgerTable", "AWS::DynamoDB::Table")),
                                "ACCESS_RULES_FILE", "/opt/access-rules.json",
                                "DRY_RUN", "false",
                                "HR_EVENT_SOURCE", "com.example.hr",
                                // 20 requests/s shared by 3 functions x 2 reserved executions, the scheduler's one
                                // and the reconcile's one
                                "IDENTITY_STORE_MAX_RPS", "2.500",
                                // the instance the leaver (and the scheduler) removes direct account assignments in
                                "SSO_INSTANCE_ARN", TestStacks.INSTANCE_ARN,
                                // permanent failures are sent here by the handler itself, not through Lambda's retries
                                "FAILURE_QUEUE_URL", Map.of("Ref", ref("FailureQueuesProcessingFailureQueue",
                                        "AWS::SQS::Queue"))))))));
            }
        }

        @Test
        void each_function_writes_to_its_own_retained_log_group_kept_400_days() {
            template.resourceCountIs("AWS::Logs::LogGroup", 6); // and the reconcile's
            for (String stage : List.of("joiner", "mover", "leaver", "canceller", "scheduler")) {
                template.hasResource("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                        "Properties", Map.of("LogGroupName", "/jml-identity/JmlIdentity/" + stage, "RetentionInDays", 400),
                        "DeletionPolicy", "Retain",
                        "UpdateReplacePolicy", "Retain")));
            }
            for (String fn : List.of("JoinerFunction", "MoverFunction", "LeaverFunction", "CancellerFunction",
                    "SchedulerFunction")) {
                template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                        "LoggingConfig", Map.of("LogFormat", "JSON",
                                "LogGroup", Map.of("Ref", ref(fn + "LogGroup", "AWS::Logs::LogGroup"))))));
            }
        }

        @Test
        void eventbridge_invokes_a_live_alias_of_a_retained_published_version() {
            template.resourceCountIs("AWS::Lambda::Alias", 5);
            template.allResourcesProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
            template.resourceCountIs("AWS::Lambda::Version", 5);
            template.allResources("AWS::Lambda::Version", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
        }

        @Test
        void async_invocations_retry_twice_then_go_to_the_processing_failure_queue() {
            String failureQueue = ref("FailureQueuesProcessingFailureQueue", "AWS::SQS::Queue");
            template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 6); // and the reconcile's: no retry
            template.resourcePropertiesCountIs("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of(
                    "MaximumRetryAttempts", 2,
                    "MaximumEventAgeInSeconds", 6 * 3600,
                    "Qualifier", Match.anyValue(),
                    "DestinationConfig", Map.of("OnFailure", Map.of(
                            "Destination", Map.of("Fn::GetAtt", List.of(failureQueue, "Arn")))))), 5);
        }

        @Test
        void changing_only_the_access_rules_publishes_new_versions_behind_the_alias(@TempDir Path config) throws Exception {
            Files.writeString(config.resolve("access-rules.json"),
                    "{\"managedGroups\":{\"prefix\":\"jml-\"},\"defaultGroups\":[\"jml-all-staff\"]}");
            App app = new App(AppProps.builder().context(TestStacks.context(Map.of(
                    StackSettings.IDENTITY_STORE_ID, TestStacks.STORE_ID,
                    StackSettings.SSO_INSTANCE_ARN, TestStacks.INSTANCE_ARN,
                    StackSettings.CONFIG_DIR, config.toString()))).build());
            Template changed = Template.fromStack(JmlIdentityApp.build(app, TestStacks.REPO_ROOT));
            Set<String> before = stack.resources("AWS::Lambda::Version").keySet();
            Set<String> after = changed.findResources("AWS::Lambda::Version", Match.anyValue()).keySet();
            assertThat(after).hasSize(5).doesNotContainAnyElementsOf(before);
        }

        @Test
        void access_rules_ship_as_a_layer_for_the_function_runtime() {
            template.hasResourceProperties("AWS::Lambda::LayerVersion", Match.objectLike(Map.of(
                    "CompatibleRuntimes", List.of("java25"),
                    "CompatibleArchitectures", List.of("arm64"))));
        }
    }

    @Nested
    class Routing {

        @Test
        void a_custom_bus_with_the_default_name() {
            template.hasResourceProperties("AWS::Events::EventBus", Match.objectLike(Map.of("Name", "jml-hr-events")));
        }

        @Test
        void only_the_hr_principal_may_put_only_hr_lifecycle_events_and_every_other_principal_is_denied() {
            // issue #11 item 1: the policy is the bus's own Policy property; no AWS::Events::EventBusPolicy (its
            // deprecated principal property made every synth warn)
            template.resourceCountIs("AWS::Events::EventBusPolicy", 0);
            Object busArn = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":events:",
                    Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":event-bus/jml-hr-events")));
            template.hasResourceProperties("AWS::Events::EventBus", Match.objectLike(Map.of(
                    "Name", "jml-hr-events",
                    "Policy", Match.objectLike(Map.of("Statement", List.of(
                            Map.of("Sid", "HrSystemPutsHrLifecycleEvents",
                                    "Action", "events:PutEvents",
                                    "Effect", "Allow",
                                    // default: the deploying account only
                                    "Principal", Map.of("AWS", Map.of("Fn::Join", List.of("", List.of(
                                            "arn:", Map.of("Ref", "AWS::Partition"), ":iam::",
                                            Map.of("Ref", "AWS::AccountId"), ":root")))),
                                    "Resource", busArn,
                                    "Condition", Map.of("ForAllValues:StringEquals", Map.of(
                                            "events:source", List.of("com.example.hr"),
                                            "events:detail-type", TestStacks.CONTRACT_DETAIL_TYPES))),
                            Map.of("Sid", "NobodyElsePutsEvents",
                                    "Action", "events:PutEvents",
                                    "Effect", "Deny",
                                    "Principal", Map.of("AWS", "*"),
                                    "Resource", busArn,
                                    "Condition", Map.of(
                                            "StringNotEquals", Map.of("aws:PrincipalAccount", Map.of("Ref", "AWS::AccountId")),
                                            "Null", Map.of("aws:PrincipalArn", "false"),
                                            "BoolIfExists", Map.of("aws:PrincipalIsAWSService", "false")))))))));
        }

        @Test
        void one_rule_per_detail_type_targets_its_alias_with_retries_and_a_delivery_dead_letter_queue() {
            String dlq = ref("FailureQueuesDeliveryDeadLetterQueue", "AWS::SQS::Queue");
            // three stages, the cancellations, the scheduler's schedule (DueChangeScheduleTest) and the roster drop
            // rule (RosterReconcileTest)
            template.resourceCountIs("AWS::Events::Rule", 6);
            for (String fn : List.of("Joiner", "Mover", "Leaver", "Canceller")) {
                String detailType = switch (fn) {
                    case "Joiner" -> "Employee Joined";
                    case "Mover" -> "Employee Moved";
                    case "Leaver" -> "Employee Left";
                    default -> "Employee Change Cancelled";
                };
                template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                        "EventBusName", Map.of("Ref", ref("HrEventRoutingBus", "AWS::Events::EventBus")),
                        "EventPattern", Map.of("source", List.of("com.example.hr"), "detail-type", List.of(detailType)),
                        "Targets", List.of(Match.objectLike(Map.of(
                                "Arn", Map.of("Ref", ref(fn + "FunctionAlias", "AWS::Lambda::Alias")),
                                "RetryPolicy", Map.of("MaximumRetryAttempts", 185, "MaximumEventAgeInSeconds", 86400),
                                "DeadLetterConfig", Map.of("Arn", Map.of("Fn::GetAtt", List.of(dlq, "Arn")))))))));
            }
        }

        @Test
        void eventbridge_may_invoke_each_alias_only_from_its_rule() {
            template.resourceCountIs("AWS::Lambda::Permission", 6); // and the roster drop rule's
            template.allResourcesProperties("AWS::Lambda::Permission", Match.objectLike(Map.of(
                    "Action", "lambda:InvokeFunction",
                    "Principal", "events.amazonaws.com",
                    "SourceArn", Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("Arn")))))));
        }

        @Test
        void the_bus_archives_hr_events_for_replay_and_the_archive_outlives_the_stack() {
            template.hasResource("AWS::Events::Archive", Match.objectLike(Map.of(
                    "DeletionPolicy", "Retain",
                    "UpdateReplacePolicy", "Retain",
                    "Properties", Match.objectLike(Map.of(
                            "SourceArn", Map.of("Fn::GetAtt", List.of(ref("HrEventRoutingBus", "AWS::Events::EventBus"), "Arn")),
                            "EventPattern", Map.of("source", List.of("com.example.hr")),
                            "RetentionDays", StackSettings.DEFAULT_ARCHIVE_RETENTION_DAYS)))));
        }
    }

    @Nested
    class QueuesAndLedger {

        @Test
        void both_queues_are_encrypted_and_refuse_plain_http() {
            template.resourceCountIs("AWS::SQS::Queue", 2);
            template.allResourcesProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                    "SqsManagedSseEnabled", true,
                    "MessageRetentionPeriod", 14 * 24 * 3600)));
            for (String queue : List.of("FailureQueuesDeliveryDeadLetterQueue", "FailureQueuesProcessingFailureQueue")) {
                template.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of(
                        "Queues", List.of(Map.of("Ref", ref(queue, "AWS::SQS::Queue"))),
                        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                                "Effect", "Deny",
                                "Action", "sqs:*",
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
            }
        }

        @Test
        void both_queues_outlive_the_stack_with_the_events_waiting_in_them() {
            // issue #11 item 16
            template.allResources("AWS::SQS::Queue", Match.objectLike(Map.of(
                    "DeletionPolicy", "Retain",
                    "UpdateReplacePolicy", "Retain")));
        }

        @Test
        void eventbridge_may_send_to_the_delivery_dead_letter_queue_only_from_the_rules() {
            template.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of(
                    "Queues", List.of(Map.of("Ref", ref("FailureQueuesDeliveryDeadLetterQueue", "AWS::SQS::Queue"))),
                    "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Effect", "Allow",
                            "Action", "sqs:SendMessage",
                            "Principal", Map.of("Service", "events.amazonaws.com"),
                            "Condition", Match.objectLike(Map.of("ArnEquals", Match.anyValue())))))))))));
        }

        @Test
        void the_ledger_is_on_demand_recoverable_and_survives_deletion() {
            template.resourceCountIs("AWS::DynamoDB::Table", 1);
            template.hasResource("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                    "DeletionPolicy", "Retain",
                    "UpdateReplacePolicy", "Retain",
                    "Properties", Match.objectLike(Map.of(
                            "KeySchema", List.of(Map.of("AttributeName", "employeeId", "KeyType", "HASH")),
                            "AttributeDefinitions", List.of(Map.of("AttributeName", "employeeId", "AttributeType", "S"),
                                    Map.of("AttributeName", "dueShard", "AttributeType", "S"),
                                    Map.of("AttributeName", "dueAtMillis", "AttributeType", "N")),
                            // the scheduled changes, by due time: a sparse index the scheduler queries
                            "GlobalSecondaryIndexes", List.of(Map.of("IndexName", "due",
                                    "KeySchema", List.of(Map.of("AttributeName", "dueShard", "KeyType", "HASH"),
                                            Map.of("AttributeName", "dueAtMillis", "KeyType", "RANGE")),
                                    "Projection", Map.of("ProjectionType", "KEYS_ONLY"))),
                            "BillingMode", "PAY_PER_REQUEST",
                            "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                            "DeletionProtectionEnabled", true,
                            "SSESpecification", Map.of("SSEEnabled", true))))));
        }
    }

    @Nested
    class AlarmsAndQueries {

        private static final List<String> ALARMS = List.of(
                "JmlIdentity-delivery-dlq-has-messages", "JmlIdentity-processing-failures-has-messages",
                "JmlIdentity-joiner-errors", "JmlIdentity-joiner-throttles", "JmlIdentity-joiner-events-dropped",
                "JmlIdentity-joiner-destination-failures",
                "JmlIdentity-mover-errors", "JmlIdentity-mover-throttles", "JmlIdentity-mover-events-dropped",
                "JmlIdentity-mover-destination-failures",
                "JmlIdentity-leaver-errors", "JmlIdentity-leaver-throttles", "JmlIdentity-leaver-events-dropped",
                "JmlIdentity-leaver-destination-failures",
                "JmlIdentity-canceller-errors", "JmlIdentity-canceller-throttles", "JmlIdentity-canceller-events-dropped",
                "JmlIdentity-canceller-destination-failures",
                "JmlIdentity-scheduler-errors", "JmlIdentity-scheduler-throttles", "JmlIdentity-scheduler-events-dropped",
                "JmlIdentity-scheduler-destination-failures",
                "JmlIdentity-mass-deletion-guard", "JmlIdentity-scope-violation", "JmlIdentity-stale-events",
                "JmlIdentity-stale-leaver", "JmlIdentity-user-deleted-outside", "JmlIdentity-unexpected-errors",
                "JmlIdentity-reconcile-needs-attention", "JmlIdentity-reconcile-errors");

        @Test
        void every_alarm_fires_on_the_first_occurrence_and_notifies_the_topic() {
            String topic = ref("OperationsAlarmsTopic", "AWS::SNS::Topic");
            template.resourceCountIs("AWS::CloudWatch::Alarm", ALARMS.size() + 2);
            for (String name : ALARMS) {
                template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                        "AlarmName", name,
                        "Threshold", 1,
                        "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                        "TreatMissingData", "notBreaching",
                        "AlarmActions", List.of(Map.of("Ref", topic)),
                        "OKActions", List.of(Map.of("Ref", topic)))));
            }
        }

        @Test
        void a_change_overdue_by_more_than_15_minutes_or_a_silent_scheduler_raises_an_alarm() {
            String topic = ref("OperationsAlarmsTopic", "AWS::SNS::Topic");
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "AlarmName", "JmlIdentity-changes-overdue",
                    "Namespace", "JmlIdentity/JmlIdentity",
                    "MetricName", "OldestDueChangeAgeSeconds",
                    "Statistic", "Maximum",
                    "Threshold", 901,
                    "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                    "EvaluationPeriods", 1,
                    "TreatMissingData", "notBreaching",
                    "AlarmActions", List.of(Map.of("Ref", topic)))));
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "AlarmName", "JmlIdentity-scheduler-silent",
                    "MetricName", "OldestDueChangeAgeSeconds",
                    "Statistic", "SampleCount",
                    "Threshold", 1,
                    "ComparisonOperator", "LessThanThreshold",
                    "EvaluationPeriods", 3,
                    "DatapointsToAlarm", 3,
                    "TreatMissingData", "breaching",
                    "AlarmActions", List.of(Map.of("Ref", topic)))));
        }

        @Test
        void queue_alarms_watch_visible_messages_on_each_queue() {
            for (String queue : List.of("FailureQueuesDeliveryDeadLetterQueue", "FailureQueuesProcessingFailureQueue")) {
                template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                        "Namespace", "AWS/SQS",
                        "MetricName", "ApproximateNumberOfMessagesVisible",
                        "Dimensions", List.of(Map.of("Name", "QueueName",
                                "Value", Map.of("Fn::GetAtt", List.of(ref(queue, "AWS::SQS::Queue"), "QueueName")))))));
            }
        }

        @Test
        void function_alarms_watch_errors_throttles_and_lost_async_events() {
            for (String fn : List.of("JoinerFunction", "MoverFunction", "LeaverFunction", "CancellerFunction",
                    "SchedulerFunction")) {
                String function = stack.resources("AWS::Lambda::Function").keySet().stream()
                        .filter(id -> id.startsWith(fn)).findFirst().orElseThrow();
                for (String metric : List.of("Errors", "Throttles", "AsyncEventsDropped", "DestinationDeliveryFailures")) {
                    template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                            "Namespace", "AWS/Lambda",
                            "MetricName", metric,
                            "Statistic", "Sum",
                            "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function))))));
                }
            }
        }

        @Test
        void audit_log_alarms_are_counted_from_audit_records_in_every_log_group() {
            // the functions' log groups and the reconcile's, which also has its needs-attention filter
            template.resourceCountIs("AWS::Logs::MetricFilter", 6 * OperationsAlarms.LOG_ALARMS.size() + 1);
            Map<String, String> filters = Map.of(
                    "MassDeletionGuardTrips", "{ ($.recordType = \"jml.audit\") && ($.errorType = \"MASS_DELETION_GUARD\") }",
                    // issue #11 item 4: a change outside the managed scope, or to a protected user
                    "ScopeViolations", "{ ($.recordType = \"jml.audit\") && ($.scopeViolation IS TRUE) }",
                    // issue #11 items 5 and 9: any STALE event, and any STALE leaver
                    "StaleEvents", "{ ($.recordType = \"jml.audit\") && ($.outcome = \"STALE\") }",
                    "StaleLeavers", "{ ($.recordType = \"jml.audit\") && ($.outcome = \"STALE\") && ($.detailType = \"Employee Left\") }",
                    // issue #11 item 7
                    "UsersDeletedOutside", "{ ($.recordType = \"jml.audit\") && ($.errorType = \"USER_DELETED_OUTSIDE\") }",
                    // issue #11 item 11
                    "UnexpectedErrors", "{ $.recordType = \"jml.error\" }");
            for (String logGroup : List.of("JoinerFunctionLogGroup", "MoverFunctionLogGroup", "LeaverFunctionLogGroup",
                    "CancellerFunctionLogGroup", "SchedulerFunctionLogGroup", "RosterReconcileLogGroup")) {
                filters.forEach((metric, pattern) -> template.hasResourceProperties("AWS::Logs::MetricFilter",
                        Match.objectLike(Map.of(
                                "LogGroupName", Map.of("Ref", ref(logGroup, "AWS::Logs::LogGroup")),
                                "FilterPattern", pattern,
                                "MetricTransformations", List.of(Map.of(
                                        "MetricNamespace", "JmlIdentity/JmlIdentity",
                                        "MetricName", metric,
                                        "MetricValue", "1"))))));
            }
            Map<String, String> alarms = Map.of("mass-deletion-guard", "MassDeletionGuardTrips",
                    "scope-violation", "ScopeViolations", "stale-events", "StaleEvents", "stale-leaver", "StaleLeavers",
                    "user-deleted-outside", "UsersDeletedOutside", "unexpected-errors", "UnexpectedErrors");
            alarms.forEach((name, metric) -> template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "AlarmName", "JmlIdentity-" + name,
                    "Namespace", "JmlIdentity/JmlIdentity",
                    "MetricName", metric,
                    "Statistic", "Sum"))));
        }

        @Test
        void the_alarm_topic_refuses_plain_http_and_has_no_subscription_without_an_alarm_email() {
            template.resourceCountIs("AWS::SNS::Topic", 1);
            template.resourceCountIs("AWS::SNS::Subscription", 0);
            template.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of(
                    "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Effect", "Deny",
                            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
        }

        @Test
        void auditor_queries_read_audit_records_from_every_log_group() {
            // the auditors' six queries, and the reconcile's "last reconcile" (RosterReconcileTest)
            assertThat(AuditQueries.QUERIES).hasSize(6);
            template.resourceCountIs("AWS::Logs::QueryDefinition", AuditQueries.QUERIES.size() + 1);
            List<Object> logGroups = List.of(
                    Map.of("Ref", ref("JoinerFunctionLogGroup", "AWS::Logs::LogGroup")),
                    Map.of("Ref", ref("MoverFunctionLogGroup", "AWS::Logs::LogGroup")),
                    Map.of("Ref", ref("LeaverFunctionLogGroup", "AWS::Logs::LogGroup")),
                    Map.of("Ref", ref("CancellerFunctionLogGroup", "AWS::Logs::LogGroup")),
                    Map.of("Ref", ref("SchedulerFunctionLogGroup", "AWS::Logs::LogGroup")),
                    Map.of("Ref", ref("RosterReconcileLogGroup", "AWS::Logs::LogGroup")));
            template.resourcePropertiesCountIs("AWS::Logs::QueryDefinition", Match.objectLike(Map.of(
                    "LogGroupNames", logGroups,
                    "QueryString", Match.stringLikeRegexp(".*recordType = \"jml\\.audit\".*"))), AuditQueries.QUERIES.size());
            Capture employee = new Capture();
            template.hasResourceProperties("AWS::Logs::QueryDefinition", Match.objectLike(Map.of(
                    "Name", "jml-identity/JmlIdentity/Everything that happened to employee EMPLOYEE_ID",
                    "QueryString", employee)));
            assertThat(employee.asString()).contains("employeeId = \"EMPLOYEE_ID\"");
            Map<String, String> queryByName = Map.of(
                    "All leavers in the selected period", ".*detailType = \"Employee Left\".*",
                    "Every change to group GROUP_NAME", ".*groupsAdded\\|groupsRemoved.*GROUP_NAME.*",
                    "All rejected or failed events", ".*outcome in \\[\"REJECTED\", \"FAILED\"\\].*",
                    "Pending and overdue changes", "[\\s\\S]*lastOutcome = \"SCHEDULED\"[\\s\\S]*sort due asc[\\s\\S]*");
            queryByName.forEach((name, query) -> template.hasResourceProperties("AWS::Logs::QueryDefinition",
                    Match.objectLike(Map.of(
                            "Name", "jml-identity/JmlIdentity/" + name,
                            "QueryString", Match.stringLikeRegexp(query)))));
        }

        @Test
        void operators_find_everything_in_the_outputs() {
            for (String output : List.of("EventBusName", "EventBusArn", "ArchiveName", "DeliveryDeadLetterQueueUrl",
                    "ProcessingFailureQueueUrl", "AlarmTopicArn", "LedgerTableName", "JoinerLogGroup", "MoverLogGroup",
                    "LeaverLogGroup", "CancellerLogGroup", "SchedulerLogGroup", "CancellerFunctionName",
                    "SchedulerFunctionName")) {
                template.hasOutput(output, Match.anyValue());
            }
        }
    }

    /** Every context value, changed at once, shows up where it should. */
    @Nested
    class WithEveryContextValueSet {

        private final Template variant = TestStacks.variant().template();

        @Test
        void bus_source_principal_and_archive_follow_the_context() {
            variant.hasResourceProperties("AWS::Events::EventBus", Match.objectLike(Map.of("Name", "acme-hr")));
            // a role ARN: only that role may put; every other principal, of any account, is denied
            variant.hasResourceProperties("AWS::Events::EventBus", Match.objectLike(Map.of(
                    "Policy", Match.objectLike(Map.of("Statement", List.of(
                            Match.objectLike(Map.of(
                                    "Effect", "Allow",
                                    "Principal", Map.of("AWS", "arn:aws:iam::111122223333:role/hr-publisher"),
                                    "Condition", Map.of("ForAllValues:StringEquals", Map.of(
                                            "events:source", List.of("com.acme.workday"),
                                            "events:detail-type", TestStacks.CONTRACT_DETAIL_TYPES)))),
                            Match.objectLike(Map.of(
                                    "Effect", "Deny",
                                    "Principal", Map.of("AWS", "*"),
                                    "Condition", Map.of(
                                            "ArnNotEquals", Map.of("aws:PrincipalArn",
                                                    "arn:aws:iam::111122223333:role/hr-publisher"),
                                            "Null", Map.of("aws:PrincipalArn", "false"),
                                            "BoolIfExists", Map.of("aws:PrincipalIsAWSService", "false"))))))))));
            assertThat(HrEventRoutingPatternTest.hrRules(TestStacks.variant())).hasSize(4).allSatisfy((id, rule) ->
                    assertThat(TestStacks.Synthesized.properties(rule).get("EventPattern").toString())
                            .contains("source=[com.acme.workday]"));
            variant.hasResourceProperties("AWS::Events::Archive", Match.objectLike(Map.of("RetentionDays", 30)));
        }

        @Test
        void functions_get_the_store_source_dry_run_concurrency_and_retention() {
            for (String detailType : List.of("Employee Joined", "Employee Moved", "Employee Left")) {
                variant.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                        "Handler", TestStacks.handlerFor(detailType), "ReservedConcurrentExecutions", 3)));
            }
            // every function, the reconcile's included (which keeps one reserved execution: RosterReconcileTest)
            variant.allResourcesProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            "IDENTITY_STORE_ID", "d-9876543210",
                            "HR_EVENT_SOURCE", "com.acme.workday",
                            "DRY_RUN", "true"))))));
            variant.allResourcesProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 731)));
        }

        @Test
        void the_alarm_email_is_subscribed_to_the_topic() {
            variant.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
                    "Protocol", "email",
                    "Endpoint", "iam-ops@example.com")));
        }
    }
}
