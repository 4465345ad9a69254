package io.github.jmlidentity.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.contract.ReconcileFunction;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.logs.CfnQueryDefinition;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Reconciling the directory against HR roster drops: a roster bucket (versioned, encrypted, TLS only, public access
 * blocked, old versions expired, retained), its "Object Created" events on the default event bus, a rule (and
 * optionally a schedule) that runs the reconcile function, and an alarm when a reconcile needs an operator (a roster
 * refused, conflicts, failures, leavers withheld by the guard). The function applies through the same code, ledger,
 * guard and audit as the lifecycle functions; its role may read only the roster prefix of its own bucket.
 */
public final class RosterReconcile extends Construct {

    /** Listing 50,000 users and 2,000 groups at about 20 calls/s takes minutes: Lambda's longest timeout. */
    public static final Duration TIMEOUT = Duration.minutes(15);
    /** The directory snapshot of 50,000 users fits in a 512 MB heap (bench: reconcile); the rest is headroom. */
    public static final int MEMORY_MB = 2048;
    public static final Duration NONCURRENT_VERSION_EXPIRATION = Duration.days(90);
    public static final String ATTENTION_METRIC = "ReconcileNeedsAttention";
    /** The summary line of a reconcile that needs an operator (contract: the summary's alarm field). */
    public static final String ATTENTION_FILTER = "{ ($.recordType = \"" + ReconcileFunction.SUMMARY_RECORD_TYPE
            + "\") && ($." + ReconcileFunction.ALARM_FIELD + " IS TRUE) }";
    public static final String LAST_RECONCILE_QUERY = "fields @timestamp, roster, asOf, applied, refused, counts.JOIN,"
            + " counts.MOVE, counts.LEAVE, counts.ADOPT, counts.CONFLICT, counts.UNMANAGED, counts.STALE, counts.PENDING,"
            + " counts.OK, conflicts, failures, withheld, @message\n"
            + "| filter recordType = \"" + ReconcileFunction.SUMMARY_RECORD_TYPE + "\"\n"
            + "| sort @timestamp desc\n"
            + "| limit 1";

    /**
     * @param settings           the reconcile context keys
     * @param code               the functions jar
     * @param accessRules        the access-rules layer
     * @param environment        the lifecycle functions' environment (store, ledger, rules, source, pacing)
     * @param logGroupName       where the reconcile's audit records and summaries go
     * @param logRetention       how long they are kept
     * @param permissions        Identity Store and ledger statements for the role
     * @param deliveryDeadLetterQueue where events EventBridge could not deliver go
     * @param alarmTopic         where the alarm notifies
     * @param alarmNamePrefix    the alarms' name prefix and metric namespace suffix (the stack name)
     * @param queryFolder        the saved queries' folder
     */
    public record Props(ReconcileSettings settings, Code code, ILayerVersion accessRules,
                        Map<String, String> environment, String logGroupName, RetentionDays logRetention,
                        List<PolicyStatement> permissions, IQueue deliveryDeadLetterQueue, ITopic alarmTopic,
                        String alarmNamePrefix, String queryFolder) {
    }

    private final Bucket bucket;
    private final Function function;
    private final LogGroup logGroup;

    public RosterReconcile(Construct scope, String id, Props props) {
        super(scope, id);
        ReconcileSettings settings = props.settings();
        this.bucket = Bucket.Builder.create(this, "RosterBucket")
                .versioned(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("ExpireOldRosterVersions")
                        .noncurrentVersionExpiration(NONCURRENT_VERSION_EXPIRATION)
                        .abortIncompleteMultipartUploadAfter(Duration.days(7))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // Native S3 → EventBridge notifications (no custom resource): "Object Created" on the default bus.
        ((CfnBucket) bucket.getNode().getDefaultChild()).addPropertyOverride(
                "NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled", true);
        NagSuppressions.addResourceSuppressions(bucket, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-S1")
                .reason("Every roster read is the reconcile function's own GetObject, and every change it makes is an"
                        + " audit record in its log group; object writes are versioned. Server access logs would need"
                        + " another bucket whose own access is unlogged; enable CloudTrail S3 data events for a full"
                        + " trail of who dropped which roster.")
                .build()));

        this.logGroup = LifecycleFunction.auditLogGroup(this, props.logGroupName(), props.logRetention());
        List<PolicyStatement> permissions = new ArrayList<>();
        permissions.add(PolicyStatement.Builder.create()
                .sid("ReadRosterDrops")
                .effect(Effect.ALLOW)
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects(settings.rosterPrefix() + "*")))
                .build());
        permissions.addAll(props.permissions());
        Role role = LifecycleFunction.executionRole(this, "jml-identity reconcile: read roster drops, list and change"
                + " the directory as the lifecycle functions do", logGroup, permissions);

        Map<String, String> environment = new LinkedHashMap<>(props.environment());
        environment.put(FunctionEnvironment.RECONCILE_ADOPT.name(), settings.adopt());
        settings.maxLeavers().ifPresent(max -> environment.put(FunctionEnvironment.RECONCILE_MAX_LEAVERS.name(),
                Integer.toString(max)));
        this.function = LifecycleFunction.fromFunctionsJar(this, "jml-identity reconcile (HR roster drops in "
                        + settings.rosterPrefix() + ")", ReconcileFunction.handler(), props.code(), props.accessRules(),
                        role, logGroup)
                .memorySize(MEMORY_MB)
                .timeout(TIMEOUT)
                .environment(environment)
                // One reconcile at a time: two would plan from the same snapshot and race for the same employees.
                .reservedConcurrentExecutions(StackSettings.RECONCILE_RESERVED_CONCURRENCY)
                .build();
        // A reconcile that failed is reported by its summary and alarm; running again is the redrive, not a retry.
        function.configureAsyncInvoke(EventInvokeConfigOptions.builder().retryAttempts(0)
                .maxEventAge(Duration.hours(1)).build());

        LambdaFunction target = new LambdaFunction(function, LambdaFunctionProps.builder()
                .retryAttempts(HrEventRouting.TARGET_RETRY_ATTEMPTS)
                .maxEventAge(HrEventRouting.TARGET_MAX_EVENT_AGE)
                .deadLetterQueue(props.deliveryDeadLetterQueue())
                .build());
        Rule.Builder.create(this, "RosterDropRule")
                .description("A roster landed under " + settings.rosterPrefix() + ": reconcile it")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.s3"))
                        .detailType(List.of("Object Created"))
                        .detail(Map.of(
                                "bucket", Map.of("name", List.of(bucket.getBucketName())),
                                "object", Map.of("key", List.of(Map.of("prefix", settings.rosterPrefix())))))
                        .build())
                .targets(List.of(target))
                .build();
        settings.schedule().ifPresent(expression -> Rule.Builder.create(this, "ScheduleRule")
                .description("Reconcile s3://" + "<roster bucket>/" + settings.scheduledKey() + " on " + expression)
                .schedule(Schedule.expression(expression))
                .targets(List.of(new LambdaFunction(function, LambdaFunctionProps.builder()
                        .event(RuleTargetInput.fromObject(Map.of(ReconcileFunction.ROSTER_FIELD,
                                "s3://" + bucket.getBucketName() + "/" + settings.scheduledKey())))
                        .retryAttempts(HrEventRouting.TARGET_RETRY_ATTEMPTS)
                        .maxEventAge(HrEventRouting.TARGET_MAX_EVENT_AGE)
                        .deadLetterQueue(props.deliveryDeadLetterQueue())
                        .build())))
                .build());

        String namespace = OperationsAlarms.namespace(props.alarmNamePrefix());
        OperationsAlarms.countLines(this, "NeedsAttentionFilter", logGroup, ATTENTION_FILTER, namespace, ATTENTION_METRIC);
        // The audit records of the reconcile's changes count towards the stack's audit-log alarms too (mass-deletion
        // guard, scope violations, stale events, ...), as the lifecycle functions' do.
        OperationsAlarms.countLogAlarms(this, "", logGroup, namespace);
        alarm(props, "reconcile-needs-attention", "A reconcile applied nothing destructive: its roster was"
                + " refused, or it found conflicts, failures or more leavers than the cap. Run the saved query 'Last"
                + " reconcile: plan counts and conflicts' (README: Adopting an existing directory).",
                Metric.Builder.create().namespace(namespace).metricName(ATTENTION_METRIC).statistic("Sum")
                        .period(Duration.minutes(5)).build());
        alarm(props, "reconcile-errors", "The reconcile function failed (e.g. timed out); run it again once the cause"
                + " is fixed.", function.metricErrors(MetricOptions.builder().period(Duration.minutes(5))
                .statistic("Sum").build()));

        CfnQueryDefinition.Builder.create(this, "LastReconcileQuery")
                .name(props.queryFolder() + "/Last reconcile: plan counts and conflicts")
                .queryString(LAST_RECONCILE_QUERY)
                .logGroupNames(List.of(logGroup.getLogGroupName()))
                .build();

        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Identity Store user, group and membership ARNs have no account or store component, so they"
                        + " cannot be narrowed (the statement also names the one managed identity store); s3:GetObject"
                        + " is on the roster prefix of this stack's own bucket only (any roster file name).")
                .build()), true);
    }

    private Alarm alarm(Props props, String name, String description, software.amazon.awscdk.services.cloudwatch.IMetric metric) {
        Alarm created = Alarm.Builder.create(this, name)
                .alarmName(props.alarmNamePrefix() + "-" + name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        created.addAlarmAction(new SnsAction(props.alarmTopic()));
        created.addOkAction(new SnsAction(props.alarmTopic()));
        return created;
    }

    public IBucket bucket() {
        return bucket;
    }

    public Function function() {
        return function;
    }

    public ILogGroup logGroup() {
        return logGroup;
    }
}
