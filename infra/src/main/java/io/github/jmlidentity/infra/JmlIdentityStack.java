package io.github.jmlidentity.infra;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.jmlidentity.contract.EffectiveDatingFunction;
import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.contract.LifecycleStage;
import io.github.jmlidentity.contract.ReconcileFunction;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Everything jml-identity deploys, in one stack: HR event routing → three lifecycle functions →
 * Identity Store, with the ledger, failure queues, alarms and auditor queries around them; effective dating: the
 * canceller (HR's cancellations of pending changes) and the scheduler (on a schedule, applies what came due); and the
 * roster reconcile (an S3 roster bucket → the reconcile function, through the same event pipeline).
 */
public final class JmlIdentityStack extends Stack {

    /** Where the access-rules layer puts the rules file inside the function (functions contract). */
    public static final String ACCESS_RULES_FILE = FunctionEnvironment.DEFAULT_ACCESS_RULES_FILE;

    private final StackSettings settings;
    private final EmployeeLedgerTable ledger;
    private final FailureQueues failureQueues;
    private final Map<LifecycleStage, LifecycleFunction> functions = new EnumMap<>(LifecycleStage.class);
    private final LifecycleFunction canceller;
    private final LifecycleFunction scheduler;
    /** The lifecycle functions, then the canceller and the scheduler: the alarms and the outputs cover each. */
    private final List<LifecycleFunction> allFunctions;
    private final HrEventRouting routing;
    private final OperationsAlarms alarms;
    private final RosterReconcile reconcile;

    public JmlIdentityStack(Construct scope, String id, StackProps props, StackSettings settings) {
        super(scope, id, props);
        this.settings = settings;

        this.ledger = new EmployeeLedgerTable(this, "EmployeeLedger", EmployeeLedgerTable.Props.defaults());
        this.failureQueues = new FailureQueues(this, "FailureQueues", FailureQueues.Props.defaults());

        // config/ as a layer: changing access-rules.json redeploys the layer, not the jar.
        LayerVersion accessRules = LayerVersion.Builder.create(this, "AccessRulesLayer")
                .description("jml-identity access rules (config/), mounted at /opt")
                .code(Code.fromAsset(settings.configDir().toString()))
                .compatibleRuntimes(List.of(LifecycleFunction.RUNTIME))
                .compatibleArchitectures(List.of(Architecture.ARM_64))
                .build();
        Code functionsCode = Code.fromAsset(settings.functionsJar().toString());

        Map<LifecycleStage, IFunction> targets = new EnumMap<>(LifecycleStage.class);
        for (LifecycleStage stage : LifecycleStage.values()) {
            List<PolicyStatement> permissions = new ArrayList<>(List.of(
                    IdentityStoreAccess.statementFor(stage, settings.identityStoreId(),
                            settings.leaverPolicy(), settings.missingGroupPolicy()),
                    ledger.dataAccessStatement()));
            List<PolicyStatement> ssoAdmin = SsoAdminAccess.statementsFor(stage, settings.directAssignments(),
                    settings.ssoInstanceArn());
            permissions.addAll(ssoAdmin);
            LifecycleFunction fn = function(FunctionSpec.of(stage), accessRules, functionsCode, environment(),
                    settings.reservedConcurrency(), permissions);
            suppressSsoAdminWildcards(fn.function(), ssoAdmin);
            functions.put(stage, fn);
            targets.put(stage, fn.alias());
        }
        // The canceller only reads and writes the ledger table (the schedules live there): no Identity Store access.
        this.canceller = function(FunctionSpec.of(EffectiveDatingFunction.CANCELLER), accessRules, functionsCode,
                environment(), StackSettings.CANCELLER_RESERVED_CONCURRENCY, List.of(ledger.dataAccessStatement()));
        // The scheduler applies due joiners, movers and leavers through the same code: their actions, and the index.
        Map<String, String> schedulerEnvironment = new LinkedHashMap<>(environment());
        schedulerEnvironment.put(FunctionEnvironment.METRICS_NAMESPACE.name(), OperationsAlarms.namespace(getStackName()));
        List<PolicyStatement> schedulerPermissions = new ArrayList<>(List.of(
                IdentityStoreAccess.schedulerStatement(settings.identityStoreId(), settings.leaverPolicy(),
                        settings.missingGroupPolicy()),
                ledger.dataAccessStatement(),
                ledger.dueIndexQueryStatement()));
        // A due leaver removes the user's direct account assignments as a live one does: the leaver's sso grants.
        List<PolicyStatement> schedulerSsoAdmin = new ArrayList<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            schedulerSsoAdmin.addAll(SsoAdminAccess.statementsFor(stage, settings.directAssignments(),
                    settings.ssoInstanceArn()));
        }
        schedulerPermissions.addAll(schedulerSsoAdmin);
        this.scheduler = function(FunctionSpec.of(EffectiveDatingFunction.SCHEDULER), accessRules, functionsCode,
                schedulerEnvironment, StackSettings.SCHEDULER_RESERVED_CONCURRENCY, schedulerPermissions);
        suppressSsoAdminWildcards(scheduler.function(), schedulerSsoAdmin);

        this.routing = new HrEventRouting(this, "HrEventRouting", new HrEventRouting.Props(
                settings.busName(),
                settings.hrSource(),
                settings.hrPrincipal(),
                Duration.days(settings.archiveRetentionDays()),
                targets,
                canceller.alias(),
                failureQueues.deliveryDeadLetterQueue()));
        new DueChangeSchedule(this, "DueChangeSchedule", new DueChangeSchedule.Props(
                scheduler.alias(), failureQueues.deliveryDeadLetterQueue()));

        List<LifecycleFunction> all = new ArrayList<>(functions.values());
        all.add(canceller);
        all.add(scheduler);
        this.allFunctions = List.copyOf(all);
        Map<String, IQueue> queues = new LinkedHashMap<>();
        queues.put("delivery-dlq", failureQueues.deliveryDeadLetterQueue());
        queues.put("processing-failures", failureQueues.processingFailureQueue());
        this.alarms = new OperationsAlarms(this, "OperationsAlarms", new OperationsAlarms.Props(
                getStackName(), settings.alarmEmail(), queues, allFunctions));

        // The reconcile's leavers run the leaver's code: the same sso-admin grants under directAssignments: remove.
        // It scans the ledger's links, and queries the due index for the employees with a scheduled change open.
        List<PolicyStatement> reconcilePermissions = new ArrayList<>(List.of(
                IdentityStoreAccess.reconcileStatement(settings.identityStoreId(), settings.leaverPolicy(),
                        settings.missingGroupPolicy()),
                ledger.dataAccessStatement(), ledger.scanStatement(), ledger.dueIndexQueryStatement()));
        List<PolicyStatement> reconcileSsoAdmin = SsoAdminAccess.statementsFor(ReconcileFunction.NAME, "Reconcile",
                settings.directAssignments(), settings.ssoInstanceArn());
        reconcilePermissions.addAll(reconcileSsoAdmin);
        this.reconcile = new RosterReconcile(this, "RosterReconcile", new RosterReconcile.Props(
                ReconcileSettings.fromContext(scope.getNode()::tryGetContext),
                functionsCode,
                accessRules,
                environment(),
                "/jml-identity/" + getStackName() + "/" + ReconcileFunction.NAME,
                settings.logRetention(),
                reconcilePermissions,
                failureQueues.deliveryDeadLetterQueue(),
                alarms.topic(),
                getStackName(),
                "jml-identity/" + getStackName()));

        suppressSsoAdminWildcards(reconcile.function(), reconcileSsoAdmin);

        List<ILogGroup> logGroups = new ArrayList<>();
        allFunctions.forEach(fn -> logGroups.add(fn.logGroup()));
        // A reconcile's changes are audit records too: the auditors' queries read them with the events'.
        logGroups.add(reconcile.logGroup());
        new AuditQueries(this, "AuditQueries", new AuditQueries.Props("jml-identity/" + getStackName(), logGroups));

        outputs();
    }

    private LifecycleFunction function(FunctionSpec spec, LayerVersion accessRules, Code code,
                                       Map<String, String> environment, int reservedConcurrency,
                                       List<PolicyStatement> permissions) {
        return new LifecycleFunction(this, spec.title() + "Function", new LifecycleFunction.Props(
                spec,
                code,
                accessRules,
                environment,
                "/jml-identity/" + getStackName() + "/" + spec.functionName(),
                settings.logRetention(),
                reservedConcurrency,
                failureQueues.processingFailureQueue(),
                permissions));
    }

    /** cdk-nag: the sso-admin wildcards {@code fn}'s role holds, when it was granted {@code ssoAdmin} statements. */
    private void suppressSsoAdminWildcards(IFunction fn, List<PolicyStatement> ssoAdmin) {
        if (!ssoAdmin.isEmpty()) {
            SsoAdminAccess.suppressWildcards(fn.getRole(), settings.ssoInstanceArn().orElseThrow());
        }
    }

    /** The functions' environment (names from the contract's FunctionEnvironment). */
    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(FunctionEnvironment.IDENTITY_STORE_ID.name(), settings.identityStoreId());
        env.put(FunctionEnvironment.LEDGER_TABLE.name(), ledger.table().getTableName());
        env.put(FunctionEnvironment.ACCESS_RULES_FILE.name(), ACCESS_RULES_FILE);
        env.put(FunctionEnvironment.DRY_RUN.name(), Boolean.toString(settings.dryRun()));
        env.put(FunctionEnvironment.HR_EVENT_SOURCE.name(), settings.hrSource());
        // Every function validates its configuration at init; the leaver removes direct assignments in this instance.
        settings.ssoInstanceArn().ifPresent(arn -> env.put(FunctionEnvironment.SSO_INSTANCE_ARN.name(), arn));
        // Each container paces its Identity Store calls to its share of the account quota.
        env.put(FunctionEnvironment.IDENTITY_STORE_MAX_RPS.name(),
                String.format(java.util.Locale.ROOT, "%.3f", settings.identityStoreRequestsPerContainer()));
        // Cold starts without SnapStart restore (first deploy, new versions) stay short for a small app.
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        return env;
    }

    private void outputs() {
        output("EventBusName", routing.bus().getEventBusName(), "Bus the HR system sends to (aws events put-events)");
        output("EventBusArn", routing.bus().getEventBusArn(), "Bus ARN for the HR system's IAM policy");
        output("ArchiveName", routing.archive().getArchiveName(), "Archive to replay HR events from");
        output("DeliveryDeadLetterQueueUrl", failureQueues.deliveryDeadLetterQueue().getQueueUrl(),
                "Events EventBridge could not deliver");
        output("ProcessingFailureQueueUrl", failureQueues.processingFailureQueue().getQueueUrl(),
                "Events a function failed on after retries");
        output("AlarmTopicArn", alarms.topic().getTopicArn(), "Subscribe operators here");
        output("LedgerTableName", ledger.table().getTableName(), "Employee ledger (DynamoDB)");
        output("RosterBucketName", reconcile.bucket().getBucketName(),
                "Drop HR rosters here, under the roster prefix (aws s3 cp hr.csv s3://<bucket>/rosters/)");
        output("ReconcileFunctionName", reconcile.function().getFunctionName(), "reconcile function");
        output("ReconcileLogGroup", reconcile.logGroup().getLogGroupName(),
                "Reconcile summaries and the audit records of its changes");
        for (LifecycleFunction fn : allFunctions) {
            String name = fn.spec().functionName();
            output(fn.spec().title() + "LogGroup", fn.logGroup().getLogGroupName(), "Audit records of the " + name + " function");
            output(fn.spec().title() + "FunctionName", fn.function().getFunctionName(), name + " function");
        }
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public StackSettings settings() {
        return settings;
    }

    public LifecycleFunction function(LifecycleStage stage) {
        return functions.get(stage);
    }
}
