package io.github.jmlidentity.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.jmlidentity.contract.AccessRulesSchema;
import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.LifecycleStage;
import io.github.jmlidentity.contract.MissingGroupPolicy;
import io.github.jmlidentity.contract.SsoInstanceArn;

import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything a deployment can vary, read from CDK context ({@code cdk.json} or {@code -c key=value}) and
 * validated before any construct is created. Every rejection is an {@link InvalidContextException} that
 * names the key. Values from {@code -c} arrive as strings, values from cdk.json may be JSON numbers or
 * booleans: both are accepted.
 *
 * @param identityStoreId     the IAM Identity Center identity store, {@code d-} + 10 hex digits (required)
 * @param hrSource            EventBridge {@code source} the HR system sends
 * @param hrPrincipal         account id or IAM role/user ARN allowed to put events on the bus; empty means
 *                            principals of the deploying account only
 * @param busName             name of the custom event bus the HR system sends to
 * @param logRetentionDays    retention of the functions' log groups, which hold the audit records
 * @param archiveRetentionDays how long the bus archive keeps HR events for replay
 * @param reservedConcurrency reserved concurrent executions per function
 * @param identityStoreQuota  the Identity Store requests/s the functions may use together (default 20, the
 *                            account quota; lower it to leave room for SCIM sync and other callers)
 * @param leaverPolicy        delete or suspend leavers (decides whether the leaver role may DeleteUser);
 *                            from access-rules.json unless the context repeats it, never contradicting it
 * @param missingGroupPolicy  fail or create missing groups (decides whether the joiner role may CreateGroup);
 *                            same rule as leaverPolicy
 * @param alarmEmail          optional e-mail address subscribed to the alarm topic
 * @param dryRun              functions compute and log their plan but write nothing
 * @param functionsJar        the shaded functions jar (absolute)
 * @param configDir           the directory shipped as the access-rules layer (absolute)
 * @param directAssignments   remove or keep a leaver's direct account assignments (decides whether the leaver role
 *                            gets the sso-admin actions); same rule as leaverPolicy
 * @param ssoInstanceArn      the IAM Identity Center instance the leaver removes direct assignments in; required
 *                            under {@link DirectAssignmentPolicy#REMOVE}, and the sso-admin grants are scoped to it
 */
public record StackSettings(
        String identityStoreId,
        String hrSource,
        Optional<String> hrPrincipal,
        String busName,
        int logRetentionDays,
        int archiveRetentionDays,
        int reservedConcurrency,
        int identityStoreQuota,
        LeaverPolicy leaverPolicy,
        MissingGroupPolicy missingGroupPolicy,
        Optional<String> alarmEmail,
        boolean dryRun,
        Path functionsJar,
        Path configDir,
        DirectAssignmentPolicy directAssignments,
        Optional<String> ssoInstanceArn) {

    public static final String IDENTITY_STORE_ID = "identityStoreId";
    public static final String HR_SOURCE = "hrSource";
    public static final String HR_PRINCIPAL = "hrPrincipal";
    public static final String BUS_NAME = "busName";
    public static final String LOG_RETENTION_DAYS = "logRetentionDays";
    public static final String ARCHIVE_RETENTION_DAYS = "archiveRetentionDays";
    public static final String RESERVED_CONCURRENCY = "reservedConcurrency";
    public static final String IDENTITY_STORE_QUOTA = "identityStoreQuota";
    public static final String LEAVER_POLICY = LeaverPolicy.KEY;
    public static final String MISSING_GROUP_POLICY = MissingGroupPolicy.KEY;
    public static final String ALARM_EMAIL = "alarmEmail";
    public static final String DRY_RUN = "dryRun";
    public static final String FUNCTIONS_JAR = "functionsJar";
    public static final String CONFIG_DIR = "configDir";
    public static final String DIRECT_ASSIGNMENTS = DirectAssignmentPolicy.KEY;
    public static final String SSO_INSTANCE_ARN = "ssoInstanceArn";

    public static final String DEFAULT_HR_SOURCE = FunctionEnvironment.DEFAULT_HR_EVENT_SOURCE;
    public static final String DEFAULT_BUS_NAME = "jml-hr-events";
    /** 400 days: a full year of audit records plus a quarter for the annual review. */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 400;
    public static final int DEFAULT_ARCHIVE_RETENTION_DAYS = 90;
    /**
     * Two per function, six in total: each invocation makes a handful of sequential Identity Store calls,
     * so six concurrent invocations stay under the ~20 requests/s account quota, and the SDK's adaptive
     * retry absorbs the rest. Throttled asynchronous invocations are queued by Lambda, not lost.
     */
    public static final int DEFAULT_RESERVED_CONCURRENCY = 2;
    public static final int MAX_RESERVED_CONCURRENCY = 20;
    /** One scheduler at a time: each run applies every due change; the next waits for the next tick. */
    public static final int SCHEDULER_RESERVED_CONCURRENCY = 1;
    /** One reconcile at a time: a second roster waits, so that two plans never race on the same directory. */
    public static final int RECONCILE_RESERVED_CONCURRENCY = 1;
    /** The canceller only writes the ledger table. */
    public static final int CANCELLER_RESERVED_CONCURRENCY = 1;
    /** The Identity Store's documented quota, about 20 requests/s per account. */
    public static final int DEFAULT_IDENTITY_STORE_QUOTA = 20;
    public static final String DEFAULT_FUNCTIONS_JAR = "functions/target/functions.jar";
    public static final String DEFAULT_CONFIG_DIR = "config";
    public static final String ACCESS_RULES_FILE_NAME = FunctionEnvironment.ACCESS_RULES_FILE_NAME;

    private static final Pattern IDENTITY_STORE_ID_PATTERN = Pattern.compile("d-[0-9a-f]{10}");
    private static final Pattern EVENT_SOURCE_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,255}");
    private static final Pattern ACCOUNT_ID_PATTERN = Pattern.compile("\\d{12}");
    private static final Pattern PRINCIPAL_ARN_PATTERN =
            Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:(root|(role|user)/[A-Za-z0-9+=,.@_/-]{1,512})");
    private static final Pattern BUS_NAME_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,256}");
    private static final Pattern EMAIL_PATTERN = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The retention periods CloudWatch Logs accepts, in days. */
    private static final Map<Integer, RetentionDays> LOG_RETENTIONS = logRetentions();

    /**
     * Reads and validates every setting.
     *
     * @param context  looks a context key up, returns null when it is absent (e.g. {@code app.getNode()::tryGetContext})
     * @param repoRoot the directory relative paths (functionsJar, configDir) are resolved against
     */
    public static StackSettings fromContext(Function<String, Object> context, Path repoRoot) {
        ContextReader read = new ContextReader(context);
        String identityStoreId = identityStoreId(read); // first: the one key every deployment must pass
        Path configDir = configDir(read, repoRoot);
        JsonNode rules = accessRules(configDir);
        DirectAssignmentPolicy directAssignments = policy(read, rules, DIRECT_ASSIGNMENTS, DirectAssignmentPolicy.class,
                DirectAssignmentPolicy.REMOVE);
        return new StackSettings(
                identityStoreId,
                hrSource(read),
                hrPrincipal(read),
                busName(read),
                logRetentionDays(read),
                read.integer(ARCHIVE_RETENTION_DAYS, DEFAULT_ARCHIVE_RETENTION_DAYS, 1, 3650),
                read.integer(RESERVED_CONCURRENCY, DEFAULT_RESERVED_CONCURRENCY, 1, MAX_RESERVED_CONCURRENCY),
                read.integer(IDENTITY_STORE_QUOTA, DEFAULT_IDENTITY_STORE_QUOTA, 1, 1000),
                policy(read, rules, LEAVER_POLICY, LeaverPolicy.class, LeaverPolicy.DELETE),
                policy(read, rules, MISSING_GROUP_POLICY, MissingGroupPolicy.class, MissingGroupPolicy.FAIL),
                alarmEmail(read),
                read.bool(DRY_RUN, false),
                functionsJar(read, repoRoot),
                configDir,
                directAssignments,
                ssoInstanceArn(read, directAssignments));
    }

    /**
     * One container's share of {@link #identityStoreQuota()}: the quota divided by every reserved execution of
     * the functions that call the Identity Store (the three lifecycle functions, the scheduler and the reconcile
     * function), so that together they never exceed it (IDENTITY_STORE_MAX_RPS).
     */
    public double identityStoreRequestsPerContainer() {
        return (double) identityStoreQuota / (LifecycleStage.values().length * reservedConcurrency
                + SCHEDULER_RESERVED_CONCURRENCY + RECONCILE_RESERVED_CONCURRENCY);
    }

    /** The CloudWatch Logs retention for {@link #logRetentionDays()}. */
    public RetentionDays logRetention() {
        return LOG_RETENTIONS.get(logRetentionDays);
    }

    private static String identityStoreId(ContextReader read) {
        String value = read.string(IDENTITY_STORE_ID).orElseThrow(() -> new InvalidContextException(IDENTITY_STORE_ID,
                "is required: pass the Identity Center identity store id, e.g. -c " + IDENTITY_STORE_ID
                        + "=d-1234567890 (find it with `aws sso-admin list-instances`)"));
        if (!IDENTITY_STORE_ID_PATTERN.matcher(value).matches()) {
            throw new InvalidContextException(IDENTITY_STORE_ID, ContextReader.quote(value)
                    + " is not an identity store id: expected 'd-' followed by 10 lower-case hex digits, e.g. d-1234567890");
        }
        return value;
    }

    /**
     * The instance a leaver removes direct account assignments in: required when they are removed (the leaver needs
     * it, and the sso-admin grants are scoped to it), checked against sso-admin's own pattern whenever given.
     */
    private static Optional<String> ssoInstanceArn(ContextReader read, DirectAssignmentPolicy directAssignments) {
        Optional<String> value = read.string(SSO_INSTANCE_ARN);
        if (value.isEmpty() && directAssignments == DirectAssignmentPolicy.REMOVE) {
            throw new InvalidContextException(SSO_INSTANCE_ARN, "is required while leavers remove direct account"
                    + " assignments (\"" + DIRECT_ASSIGNMENTS + "\": \"remove\", the default): pass the IAM Identity Center"
                    + " instance ARN, e.g. -c " + SSO_INSTANCE_ARN + "=" + SsoInstanceArn.EXAMPLE + " (find it with `"
                    + SsoInstanceArn.HOW_TO_FIND + "`), or set \"" + DIRECT_ASSIGNMENTS + "\": \"keep\" in "
                    + ACCESS_RULES_FILE_NAME);
        }
        return read.checked(SSO_INSTANCE_ARN, SsoInstanceArn::isValid, " is not an IAM Identity Center instance"
                + " ARN: expected arn:aws:sso:::instance/ssoins- followed by 16 characters, e.g. " + SsoInstanceArn.EXAMPLE);
    }

    private static String hrSource(ContextReader read) {
        String value = read.checked(HR_SOURCE, DEFAULT_HR_SOURCE, EVENT_SOURCE_PATTERN.asMatchPredicate(),
                " is not a valid EventBridge source: use 1-256 letters, digits, '.', '_', '-' or '/', e.g. com.example.hr");
        if (value.toLowerCase(Locale.ROOT).startsWith("aws.")) {
            throw new InvalidContextException(HR_SOURCE, ContextReader.quote(value)
                    + " starts with 'aws.', which EventBridge reserves for AWS services; use your own prefix, e.g. com.example.hr");
        }
        return value;
    }

    private static Optional<String> hrPrincipal(ContextReader read) {
        return read.checked(HR_PRINCIPAL, ACCOUNT_ID_PATTERN.asMatchPredicate().or(PRINCIPAL_ARN_PATTERN.asMatchPredicate()),
                " is neither a 12-digit AWS account id nor an IAM principal ARN (arn:aws:iam::123456789012:role/hr-publisher)");
    }

    private static String busName(ContextReader read) {
        String value = read.checked(BUS_NAME, DEFAULT_BUS_NAME, BUS_NAME_PATTERN.asMatchPredicate(),
                " is not a valid event bus name: use 1-256 letters, digits, '.', '_' or '-'");
        if (value.equals("default") || value.startsWith("aws.")) {
            throw new InvalidContextException(BUS_NAME, ContextReader.quote(value)
                    + " is reserved: the HR events need their own custom bus, e.g. jml-hr-events");
        }
        return value;
    }

    private static int logRetentionDays(ContextReader read) {
        int value = read.integer(LOG_RETENTION_DAYS, DEFAULT_LOG_RETENTION_DAYS, 1, Integer.MAX_VALUE);
        if (!LOG_RETENTIONS.containsKey(value)) {
            throw new InvalidContextException(LOG_RETENTION_DAYS, value
                    + " is not a retention CloudWatch Logs supports; use one of " + LOG_RETENTIONS.keySet());
        }
        return value;
    }

    private static Optional<String> alarmEmail(ContextReader read) {
        return read.checked(ALARM_EMAIL, EMAIL_PATTERN.asMatchPredicate(), " is not an e-mail address");
    }

    private static Path functionsJar(ContextReader read, Path repoRoot) {
        Path jar = repoRoot.resolve(read.string(FUNCTIONS_JAR).orElse(DEFAULT_FUNCTIONS_JAR)).normalize();
        if (!Files.isRegularFile(jar)) {
            throw new InvalidContextException(FUNCTIONS_JAR, ContextReader.quote(jar.toString())
                    + " does not exist: build it first with `mvn -B verify` (or `mvn -B -pl functions -am package`)");
        }
        return jar.toAbsolutePath();
    }

    private static Path configDir(ContextReader read, Path repoRoot) {
        Path dir = repoRoot.resolve(read.string(CONFIG_DIR).orElse(DEFAULT_CONFIG_DIR)).normalize();
        if (!Files.isRegularFile(dir.resolve(ACCESS_RULES_FILE_NAME))) {
            throw new InvalidContextException(CONFIG_DIR, ContextReader.quote(dir.toString()) + " has no " + ACCESS_RULES_FILE_NAME
                    + ": the directory is shipped as the functions' access-rules layer");
        }
        return dir.toAbsolutePath();
    }

    /**
     * The rules file, validated with the one access-rules schema the functions validate it with at start-up
     * (config/access-rules.schema.json, from the contract): a file they would refuse (e.g. "leaverPolicy": "SUSPEND")
     * stops the synth here, every error naming its JSON pointer, instead of failing every function after deploy.
     */
    private static JsonNode accessRules(Path configDir) {
        Path file = configDir.resolve(ACCESS_RULES_FILE_NAME);
        JsonNode rules;
        try {
            rules = AccessRulesSchema.read(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new InvalidContextException(CONFIG_DIR, ContextReader.quote(file.toString()) + " cannot be read: " + e.getMessage());
        } catch (AccessRulesSchema.InvalidRulesDocument e) {
            throw new InvalidContextException(CONFIG_DIR, String.join("; ", e.errors()));
        }
        List<String> errors = AccessRulesSchema.errors(rules);
        if (!errors.isEmpty()) {
            throw new InvalidContextException(CONFIG_DIR, ContextReader.quote(file.toString()) + " does not follow "
                    + AccessRulesSchema.FILE_NAME + ": " + String.join("; ", errors));
        }
        return rules;
    }

    /**
     * A policy the functions read from access-rules.json and the roles are built from. The context key
     * may repeat it, but may not contradict it: a leaver role without DeleteUser under a "delete" rules
     * file would fail every leaver, and one with DeleteUser under "suspend" grants more than is used.
     */
    private static <E extends Enum<E>> E policy(ContextReader read, JsonNode rules, String key, Class<E> type, E defaultValue) {
        JsonNode inRules = rules.get(key);
        Optional<E> fromRules = Optional.empty();
        if (inRules != null && !inRules.isNull()) {
            fromRules = Optional.of(ContextReader.parseChoice(key, inRules.asText(), type,
                    " (in " + ACCESS_RULES_FILE_NAME + ")"));
        }
        Optional<E> fromContext = read.choice(key, type);
        if (fromContext.isPresent() && fromRules.isPresent() && fromContext.get() != fromRules.get()) {
            throw new InvalidContextException(key, ContextReader.quote(ContextReader.lower(fromContext.get())) + " contradicts \"" + key + "\": \""
                    + ContextReader.lower(fromRules.get()) + "\" in " + ACCESS_RULES_FILE_NAME + "; the functions follow the rules file"
                    + " and the roles are built from this key, so set both to the same value (or drop the context key)");
        }
        return fromContext.orElse(fromRules.orElse(defaultValue));
    }

    private static Map<Integer, RetentionDays> logRetentions() {
        Map<Integer, RetentionDays> retentions = new TreeMap<>();
        retentions.put(1, RetentionDays.ONE_DAY);
        retentions.put(3, RetentionDays.THREE_DAYS);
        retentions.put(5, RetentionDays.FIVE_DAYS);
        retentions.put(7, RetentionDays.ONE_WEEK);
        retentions.put(14, RetentionDays.TWO_WEEKS);
        retentions.put(30, RetentionDays.ONE_MONTH);
        retentions.put(60, RetentionDays.TWO_MONTHS);
        retentions.put(90, RetentionDays.THREE_MONTHS);
        retentions.put(120, RetentionDays.FOUR_MONTHS);
        retentions.put(150, RetentionDays.FIVE_MONTHS);
        retentions.put(180, RetentionDays.SIX_MONTHS);
        retentions.put(365, RetentionDays.ONE_YEAR);
        retentions.put(400, RetentionDays.THIRTEEN_MONTHS);
        retentions.put(545, RetentionDays.EIGHTEEN_MONTHS);
        retentions.put(731, RetentionDays.TWO_YEARS);
        retentions.put(1096, RetentionDays.THREE_YEARS);
        retentions.put(1827, RetentionDays.FIVE_YEARS);
        retentions.put(2192, RetentionDays.SIX_YEARS);
        retentions.put(2557, RetentionDays.SEVEN_YEARS);
        retentions.put(2922, RetentionDays.EIGHT_YEARS);
        retentions.put(3288, RetentionDays.NINE_YEARS);
        retentions.put(3653, RetentionDays.TEN_YEARS);
        return Collections.unmodifiableMap(retentions);
    }
}
