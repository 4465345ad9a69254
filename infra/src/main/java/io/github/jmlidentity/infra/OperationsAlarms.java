package io.github.jmlidentity.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Alarms that page the operators through one SNS topic: a message on any dead-letter/failure queue,
 * function errors and throttles, events Lambda dropped or could not hand to the failure queue, and, counted from the
 * audit records ({@link #LOG_ALARMS}): mass-deletion-guard trips, changes outside the managed scope, STALE events and
 * STALE leavers, users deleted outside, failures nobody classified; and a scheduled change overdue by more than
 * 15 minutes (from the scheduler's own metric; also when the scheduler stops reporting).
 */
public final class OperationsAlarms extends Construct {

    /** Namespace of the guard metric is this prefix + "/" + the stack name, so two stacks never mix counts. */
    public static final String METRIC_NAMESPACE_PREFIX = "JmlIdentity";
    public static final String MASS_DELETION_GUARD_METRIC = "MassDeletionGuardTrips";
    /** Audit records of a guard trip: outcome FAILED, errorType MASS_DELETION_GUARD (functions contract). */
    public static final String MASS_DELETION_GUARD_FILTER = auditFilter("($.errorType = \"MASS_DELETION_GUARD\")");
    /**
     * The scheduler's metric (functions: DueRunJson, an Embedded Metric Format line per run): how long the oldest open
     * change has been due.
     */
    public static final String OLDEST_DUE_CHANGE_AGE_METRIC = "OldestDueChangeAgeSeconds";
    /** A change still not applied this long after its due time is overdue. */
    public static final Duration OVERDUE_AFTER = Duration.minutes(15);

    /**
     * An alarm counted from the functions' log lines: a metric filter on each function's log group, and one alarm on
     * their sum.
     *
     * @param id     construct id of its metric filters (after the function's title, before "Filter")
     * @param name   the alarm's name after the prefix
     * @param metric the metric's name in the stack's namespace
     * @param filter a CloudWatch Logs filter pattern on the audit (or error) lines
     */
    public record LogAlarm(String id, String name, String metric, String filter, String description) {
    }

    /** The alarms on the audit trail, each on the fields of the functions' audit record (or error line). */
    public static final List<LogAlarm> LOG_ALARMS = List.of(
            new LogAlarm("MassDeletionGuard", "mass-deletion-guard", MASS_DELETION_GUARD_METRIC, MASS_DELETION_GUARD_FILTER,
                    "The mass-deletion guard stopped leavers: more employees left within an hour than the cap allows."
                            + " Check with HR before redriving the failure queue."),
            new LogAlarm("ScopeViolation", "scope-violation", "ScopeViolations",
                    auditFilter("($.scopeViolation IS TRUE)"),
                    "A function changed a group outside the managed groups, or a protected user (audit field"
                            + " scopeViolations). IAM cannot confine the functions to those groups: investigate at once."),
            new LogAlarm("StaleEvents", "stale-events", "StaleEvents",
                    auditFilter("($.outcome = \"STALE\")"),
                    "An HR event was skipped as STALE (older than what was applied, or lost a same-time tie): check"
                            + " with HR that the later event is the one meant (audit field reason)."),
            new LogAlarm("StaleLeaver", "stale-leaver", "StaleLeavers",
                    auditFilter("($.outcome = \"STALE\") && ($.detailType = \"Employee Left\")"),
                    "A leaver was skipped: only a rehire dated after the leave does that. Confirm with HR that the"
                            + " employee was rehired; otherwise their access remains."),
            new LogAlarm("UserDeletedOutside", "user-deleted-outside", "UsersDeletedOutside",
                    auditFilter("($.errorType = \"USER_DELETED_OUTSIDE\")"),
                    "A mover found its employee's user deleted outside jml-identity (e.g. contained by the security"
                            + " team) and did not re-create it; the event is in the processing failure queue."),
            new LogAlarm("UnexpectedErrors", "unexpected-errors", "UnexpectedErrors",
                    "{ $.recordType = \"jml.error\" }",
                    "A function hit a failure nobody classified (a bug): the jml.error line has the stack trace, and"
                            + " the audit record of the same requestId what it was doing."));

    private static final Duration PERIOD = Duration.minutes(5);

    /**
     * @param alarmNamePrefix prefix of every alarm name and of the guard metric's namespace (the stack name)
     * @param alarmEmail      optional address subscribed to the topic (the recipient must confirm it)
     * @param queues          queues that must stay empty, by a readable name
     * @param functions       every function (lifecycle, canceller, scheduler)
     */
    public record Props(
            String alarmNamePrefix,
            Optional<String> alarmEmail,
            Map<String, IQueue> queues,
            List<LifecycleFunction> functions) {
    }

    /** The CloudWatch namespace of the stack's own metrics (guard trips, the scheduler's), shared with the functions. */
    public static String namespace(String alarmNamePrefix) {
        return METRIC_NAMESPACE_PREFIX + "/" + alarmNamePrefix;
    }

    private final Topic topic;
    private final List<Alarm> alarms = new ArrayList<>();

    public OperationsAlarms(Construct scope, String id, Props props) {
        super(scope, id);
        // Not KMS-encrypted on purpose: notifications carry alarm names and metric values only, CloudWatch
        // cannot publish with the AWS managed SNS key, and a customer managed key needs an administrator
        // statement with the kms:* action this project keeps out of every policy.
        this.topic = Topic.Builder.create(this, "Topic")
                .displayName("jml-identity alarms")
                .enforceSsl(true)
                .build();
        props.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));

        props.queues().forEach((name, queue) -> alarm(props, name + "-has-messages",
                "Events are waiting in the " + name + " queue: nothing is lost, but they need redrive (README: Redrive).",
                queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(1)).statistic("Maximum").build())));

        String namespace = namespace(props.alarmNamePrefix());
        for (LifecycleFunction fn : props.functions()) {
            String name = fn.spec().functionName();
            alarm(props, name + "-errors",
                    "The " + name + " function failed; Lambda retries, then sends the event to the failure queue.",
                    fn.function().metricErrors(sum()));
            alarm(props, name + "-throttles",
                    "The " + name + " function was throttled (reserved concurrency reached); Lambda queues and retries.",
                    fn.function().metricThrottles(sum()));
            alarm(props, name + "-events-dropped",
                    "Lambda dropped asynchronous " + name + " events (too old or out of retries) without a destination.",
                    lambdaMetric(fn, "AsyncEventsDropped"));
            alarm(props, name + "-destination-failures",
                    "Lambda could not send failed " + name + " events to the failure queue.",
                    lambdaMetric(fn, "DestinationDeliveryFailures"));

            countLogAlarms(this, fn.spec().title(), fn.logGroup(), namespace);
        }
        for (LogAlarm logAlarm : LOG_ALARMS) {
            alarm(props, logAlarm.name(), logAlarm.description(), Metric.Builder.create()
                    .namespace(namespace)
                    .metricName(logAlarm.metric())
                    .statistic("Sum")
                    .period(PERIOD)
                    .build());
        }

        Metric oldestDueAge = Metric.Builder.create()
                .namespace(namespace)
                .metricName(OLDEST_DUE_CHANGE_AGE_METRIC)
                .statistic("Maximum")
                .period(PERIOD)
                .build();
        alarm(props, "changes-overdue", "A scheduled change has been due for more than " + OVERDUE_AFTER.toMinutes()
                        + " minutes and is still not applied. Check the scheduler's log group and the saved query"
                        + " 'Pending and overdue changes'.",
                oldestDueAge, OVERDUE_AFTER.toSeconds().doubleValue() + 1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, TreatMissingData.NOT_BREACHING);
        // The scheduler reports after every run (every 5 minutes): when it stops (rule disabled, init failing),
        // pending changes would become overdue unseen.
        alarm(props, "scheduler-silent", "The scheduler has not reported for " + 3 * PERIOD.toMinutes().intValue()
                        + " minutes: due changes are not being applied. Check the scheduler function and its rule.",
                Metric.Builder.create().namespace(namespace).metricName(OLDEST_DUE_CHANGE_AGE_METRIC)
                        .statistic("SampleCount").period(PERIOD).build(),
                1, ComparisonOperator.LESS_THAN_THRESHOLD, 3, TreatMissingData.BREACHING);
    }

    /** A CloudWatch Logs filter pattern on the functions' audit records: {@code condition} on their fields. */
    static String auditFilter(String condition) {
        return "{ ($.recordType = \"jml.audit\") && " + condition + " }";
    }

    /** The {@link #LOG_ALARMS}' metrics, counted from {@code logGroup} too (construct ids after {@code idPrefix}). */
    static void countLogAlarms(Construct scope, String idPrefix, ILogGroup logGroup, String namespace) {
        for (LogAlarm logAlarm : LOG_ALARMS) {
            countLines(scope, idPrefix + logAlarm.id() + "Filter", logGroup, logAlarm.filter(), namespace, logAlarm.metric());
        }
    }

    /** Each line of {@code logGroup} that matches {@code filter} counts 1 towards {@code metric}. */
    static void countLines(Construct scope, String id, ILogGroup logGroup, String filter, String namespace, String metric) {
        MetricFilter.Builder.create(scope, id)
                .logGroup(logGroup)
                .filterPattern(FilterPattern.literal(filter))
                .metricNamespace(namespace)
                .metricName(metric)
                .metricValue("1")
                .build();
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().period(PERIOD).statistic("Sum").build();
    }

    private static IMetric lambdaMetric(LifecycleFunction fn, String metricName) {
        return fn.function().metric(metricName, sum());
    }

    private void alarm(Props props, String name, String description, IMetric metric) {
        alarm(props, name, description, metric, 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1,
                TreatMissingData.NOT_BREACHING);
    }

    /** Past {@code threshold} in each of {@code periods} periods in a row (missing data as {@code missing}). */
    private void alarm(Props props, String name, String description, IMetric metric, double threshold,
                       ComparisonOperator comparison, int periods, TreatMissingData missing) {
        Alarm alarm = Alarm.Builder.create(this, name)
                .alarmName(props.alarmNamePrefix() + "-" + name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .treatMissingData(missing)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        alarms.add(alarm);
    }

    public Topic topic() {
        return topic;
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }
}
