package io.github.jmlidentity.contract;

import java.util.Map;

/**
 * The functions' environment variables, by name: the CDK app sets them, the functions read them (and `jml invoke`
 * reads the same ones as defaults).
 */
public enum FunctionEnvironment {
    /** The identity store the functions manage, {@code d-} followed by 10 hex digits. */
    IDENTITY_STORE_ID,
    /** The DynamoDB employee ledger table. */
    LEDGER_TABLE,
    /** The access rules as inline JSON; wins over {@link #ACCESS_RULES_FILE}. */
    ACCESS_RULES,
    /** The access rules file; default {@link #DEFAULT_ACCESS_RULES_FILE}. */
    ACCESS_RULES_FILE,
    /** {@code true}: compute and audit the plan, write nothing. */
    DRY_RUN,
    /** The EventBridge {@code source} HR events must carry; default {@link #DEFAULT_HR_EVENT_SOURCE}. */
    HR_EVENT_SOURCE,
    /** The processing failure queue, where permanent failures are sent at once. */
    FAILURE_QUEUE_URL,
    /** One container's share of the account's Identity Store quota, in requests per second. */
    IDENTITY_STORE_MAX_RPS,
    /**
     * The IAM Identity Center instance ({@link SsoInstanceArn}) in which the leaver removes a user's direct account
     * assignments; required when the access rules remove them ({@link DirectAssignmentPolicy#REMOVE}, the default).
     */
    SSO_INSTANCE_ARN,
    /** Reconcile function: adopt users without employeeNumber, {@code off} (default), {@code userName+email} or {@code userName}. */
    RECONCILE_ADOPT,
    /** Reconcile function: the most leavers one roster applies (default: the rules' mass-deletion cap). */
    RECONCILE_MAX_LEAVERS,
    /** The CloudWatch namespace of the scheduler's metrics (Embedded Metric Format lines); unset: none logged. */
    METRICS_NAMESPACE;

    /** The access rules file's name in config/, which the CDK app ships as a layer. */
    public static final String ACCESS_RULES_FILE_NAME = "access-rules.json";
    /** Where the access-rules layer puts the rules file inside a function. */
    public static final String DEFAULT_ACCESS_RULES_FILE = "/opt/" + ACCESS_RULES_FILE_NAME;
    public static final String DEFAULT_HR_EVENT_SOURCE = "com.example.hr";

    /** This variable's value in {@code environment}, or null when it is not set. */
    public String in(Map<String, String> environment) {
        return environment.get(name());
    }
}
