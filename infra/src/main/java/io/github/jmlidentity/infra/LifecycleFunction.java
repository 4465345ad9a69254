package io.github.jmlidentity.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.contract.LifecycleStage;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.VersionOptions;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One function from the shared functions jar (joiner, mover, leaver, and the canceller and scheduler of effective
 * dating): its own role with
 * only its own permissions, its own log group (the audit trail), a published SnapStart version behind a
 * {@value #ALIAS_NAME} alias that EventBridge invokes, and an on-failure destination for events that still
 * fail after Lambda's asynchronous retries.
 */
public final class LifecycleFunction extends Construct {

    /** Java 25 is the newest Lambda Java runtime in aws-cdk-lib 2.272.0 and supports SnapStart. */
    public static final Runtime RUNTIME = Runtime.JAVA_25;
    public static final Architecture ARCHITECTURE = Architecture.ARM_64;
    public static final String ALIAS_NAME = "live";
    /** Lambda retries a failed asynchronous invocation twice before the on-failure destination. */
    public static final int ASYNC_RETRY_ATTEMPTS = 2;
    /** Events older than this (e.g. queued behind throttling) go to the failure queue rather than wait on. */
    public static final Duration ASYNC_MAX_EVENT_AGE = Duration.hours(6);
    /** A leaver with hundreds of memberships at ~20 Identity Store calls/s, plus throttling back-off. */
    public static final Duration TIMEOUT = Duration.minutes(5);
    public static final int MEMORY_MB = 1024;

    /**
     * @param function            which function this is (contract: handler, name) and what invokes it
     * @param code                the functions jar
     * @param accessRules         layer carrying access-rules.json at /opt
     * @param environment         environment variables (see {@link JmlIdentityStack})
     * @param logGroupName        name of the function's log group
     * @param logRetention        how long the log group keeps audit records
     * @param reservedConcurrency reserved concurrent executions
     * @param failureQueue        on-failure destination after the async retries
     * @param permissions         statements for the function's role besides logging (Identity Store, ledger)
     */
    public record Props(
            FunctionSpec function,
            Code code,
            ILayerVersion accessRules,
            Map<String, String> environment,
            String logGroupName,
            RetentionDays logRetention,
            int reservedConcurrency,
            IQueue failureQueue,
            List<PolicyStatement> permissions) {
    }

    private final FunctionSpec spec;
    private final Function function;
    private final Alias alias;

    public LifecycleFunction(Construct scope, String id, Props props) {
        super(scope, id);
        this.spec = props.function();
        String what = "jml-identity " + spec.functionName() + " (" + spec.trigger() + ")";

        LogGroup logGroup = auditLogGroup(this, props.logGroupName(), props.logRetention());
        Role role = executionRole(this, what + ": only the calls this function makes", logGroup, props.permissions());
        this.function = fromFunctionsJar(this, what, spec.handler(), props.code(), props.accessRules(), role, logGroup)
                .memorySize(MEMORY_MB)
                .timeout(TIMEOUT)
                .environment(environment(props))
                .reservedConcurrentExecutions(props.reservedConcurrency())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                // Old versions stay so the alias can be pointed back at one (README: roll back).
                .currentVersionOptions(VersionOptions.builder().removalPolicy(RemovalPolicy.RETAIN).build())
                .build();

        // The alias below publishes a version, which is what SnapStart snapshots.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "published through currentVersion and the live alias");

        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .retryAttempts(ASYNC_RETRY_ATTEMPTS)
                .maxEventAge(ASYNC_MAX_EVENT_AGE)
                .onFailure(new SqsDestination(props.failureQueue()))
                .build();

        if (!spec.callsIdentityStore()) {
            return;
        }
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Identity Store user, group and membership ARNs have no account or store component"
                        + " (arn:aws:identitystore:::user/*), so they cannot be narrowed; the statement also names"
                        + " the one managed identity store and lists only this function's actions.")
                .appliesTo(List.of(
                        "Resource::arn:<AWS::Partition>:identitystore:::user/*",
                        "Resource::arn:<AWS::Partition>:identitystore:::group/*",
                        "Resource::arn:<AWS::Partition>:identitystore:::membership/*"))
                .build()), true);
    }

    /** Where a function's audit records live: kept past stack deletion, retention chosen by the operator. */
    static LogGroup auditLogGroup(Construct scope, String name, RetentionDays retention) {
        return LogGroup.Builder.create(scope, "LogGroup")
                .logGroupName(name)
                .retention(retention)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /** A function's own role: it writes only to its own log group, and calls only what {@code permissions} grant. */
    static Role executionRole(Construct scope, String what, LogGroup logGroup, List<PolicyStatement> permissions) {
        Role role = Role.Builder.create(scope, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Execution role of " + what)
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("WriteOwnLogs")
                .effect(Effect.ALLOW)
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn()))
                .build());
        permissions.forEach(role::addToPolicy);
        return role;
    }

    /**
     * What every function of the stack shares: Java on ARM from the functions jar, the access-rules layer, its own
     * role, and JSON logs into its own log group; the caller sizes it (memory, timeout, concurrency, environment).
     */
    static Function.Builder fromFunctionsJar(Construct scope, String description, String handler, Code code,
                                             ILayerVersion accessRules, Role role, LogGroup logGroup) {
        return Function.Builder.create(scope, "Function")
                .description(description)
                .runtime(RUNTIME)
                .architecture(ARCHITECTURE)
                .handler(handler)
                .code(code)
                .layers(List.of(accessRules))
                .role(role)
                .loggingFormat(LoggingFormat.JSON)
                .logGroup(logGroup);
    }

    /**
     * The given environment plus FAILURE_QUEUE_URL: the handler sends permanent failures (REJECTED, or FAILED with a
     * reason a retry cannot change) straight to the failure queue rather than through the async retries. The
     * on-failure destination's grant (sqs:SendMessage on this queue only; the queue is SQS-managed encrypted, so
     * no KMS permission) covers those sends too.
     */
    private static Map<String, String> environment(Props props) {
        Map<String, String> environment = new LinkedHashMap<>(props.environment());
        environment.put(FunctionEnvironment.FAILURE_QUEUE_URL.name(), props.failureQueue().getQueueUrl());
        return environment;
    }

    public FunctionSpec spec() {
        return spec;
    }

    /** The stage's name in construct ids and outputs: Joiner, Mover, Leaver. */
    public static String title(LifecycleStage stage) {
        return FunctionSpec.of(stage).title();
    }

    /** The function itself (metrics are per function, across versions). */
    public Function function() {
        return function;
    }

    /** The alias EventBridge invokes. */
    public IFunction alias() {
        return alias;
    }

    /** Where the function's audit records go. */
    public ILogGroup logGroup() {
        return function.getLogGroup();
    }
}
