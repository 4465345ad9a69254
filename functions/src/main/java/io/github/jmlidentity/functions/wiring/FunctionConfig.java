package io.github.jmlidentity.functions.wiring;

import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.SsoInstanceArn;
import io.github.jmlidentity.functions.adapter.json.AccessRulesLoader;
import io.github.jmlidentity.functions.domain.AccessRules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.jmlidentity.contract.FunctionEnvironment.ACCESS_RULES;
import static io.github.jmlidentity.contract.FunctionEnvironment.ACCESS_RULES_FILE;
import static io.github.jmlidentity.contract.FunctionEnvironment.DEFAULT_ACCESS_RULES_FILE;
import static io.github.jmlidentity.contract.FunctionEnvironment.DEFAULT_HR_EVENT_SOURCE;
import static io.github.jmlidentity.contract.FunctionEnvironment.DRY_RUN;
import static io.github.jmlidentity.contract.FunctionEnvironment.FAILURE_QUEUE_URL;
import static io.github.jmlidentity.contract.FunctionEnvironment.HR_EVENT_SOURCE;
import static io.github.jmlidentity.contract.FunctionEnvironment.IDENTITY_STORE_ID;
import static io.github.jmlidentity.contract.FunctionEnvironment.IDENTITY_STORE_MAX_RPS;
import static io.github.jmlidentity.contract.FunctionEnvironment.LEDGER_TABLE;
import static io.github.jmlidentity.contract.FunctionEnvironment.SSO_INSTANCE_ARN;

/**
 * The functions' settings, from the environment.
 *
 * @param ledgerTable DynamoDB ledger table (LEDGER_TABLE)
 * @param rules       from ACCESS_RULES (inline JSON, wins if set) or ACCESS_RULES_FILE (default
 *                    /opt/access-rules.json: config/ ships as a Lambda layer, so a rules change needs no jar build)
 * @param failureQueueUrl the processing failure queue (FAILURE_QUEUE_URL), where permanent failures are sent at
 *                        once; null when unset, and then the handler throws them to Lambda's retries and on-failure
 *                        destination instead (nothing lost, but three audit records per event)
 * @param identityStoreMaxRps this container's share of the account's Identity Store quota in requests/s
 *                            (IDENTITY_STORE_MAX_RPS, set by the CDK app); 0 when unset: unpaced
 * @param ssoInstanceArn the IAM Identity Center instance (SSO_INSTANCE_ARN) in which a leaver removes the user's direct
 *                       account assignments; required when the rules remove them (directAssignments: remove, the
 *                       default), null when unset under directAssignments: keep
 */
public record FunctionConfig(String identityStoreId, String ledgerTable, AccessRules rules, boolean dryRun,
                             String hrEventSource, String failureQueueUrl, double identityStoreMaxRps,
                             String ssoInstanceArn) {

    public static FunctionConfig fromEnvironment(Map<String, String> env) {
        List<String> errors = new ArrayList<>();
        String storeId = IDENTITY_STORE_ID.in(env);
        if (storeId == null || !storeId.matches("d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            errors.add("IDENTITY_STORE_ID must be an identity store id such as d-1234567890, was " + quoted(storeId));
        }
        String table = LEDGER_TABLE.in(env);
        if (table == null || table.isBlank()) {
            errors.add("LEDGER_TABLE must name the DynamoDB ledger table");
        }
        boolean dryRun = dryRun(DRY_RUN.in(env), errors);
        String failureQueueUrl = FAILURE_QUEUE_URL.in(env);
        if (failureQueueUrl != null && !failureQueueUrl.isBlank() && !failureQueueUrl.startsWith("https://")
                && !failureQueueUrl.startsWith("http://")) {
            errors.add("FAILURE_QUEUE_URL must be an SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>),"
                    + " was " + quoted(failureQueueUrl));
        }
        double maxRps = maxRps(IDENTITY_STORE_MAX_RPS.in(env), errors);
        AccessRules rules = errors.isEmpty() ? rules(env) : null;
        String instanceArn = instanceArn(SSO_INSTANCE_ARN.in(env), rules == null || rules.removesDirectAssignments(),
                errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("invalid function configuration: " + String.join("; ", errors));
        }
        return new FunctionConfig(storeId, table, rules, dryRun, source(env),
                failureQueueUrl == null || failureQueueUrl.isBlank() ? null : failureQueueUrl, maxRps, instanceArn);
    }

    /** Required when the rules remove direct assignments; checked against sso-admin's pattern whenever it is set. */
    static String instanceArn(String value, boolean required, List<String> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(SSO_INSTANCE_ARN.name() + " must name the IAM Identity Center instance (e.g. "
                        + SsoInstanceArn.EXAMPLE + ", from `" + SsoInstanceArn.HOW_TO_FIND + "`): the access rules"
                        + " remove a leaver's direct account assignments (" + DirectAssignmentPolicy.KEY
                        + ": remove, the default); was unset");
            }
            return null;
        }
        if (!SsoInstanceArn.isValid(value.trim())) {
            errors.add(SSO_INSTANCE_ARN.name() + " must be an IAM Identity Center instance ARN such as "
                    + SsoInstanceArn.EXAMPLE + ", was " + quoted(value));
            return null;
        }
        return value.trim();
    }

    static AccessRules rules(Map<String, String> env) {
        String inline = ACCESS_RULES.in(env);
        if (inline != null && !inline.isBlank()) {
            return AccessRulesLoader.parse(inline, ACCESS_RULES.name());
        }
        return AccessRulesLoader.load(Path.of(env.getOrDefault(ACCESS_RULES_FILE.name(), DEFAULT_ACCESS_RULES_FILE)));
    }

    static String source(Map<String, String> env) {
        String source = HR_EVENT_SOURCE.in(env);
        return source == null || source.isBlank() ? DEFAULT_HR_EVENT_SOURCE : source;
    }

    static double maxRps(String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            double rps = Double.parseDouble(value.trim());
            if (rps > 0 && rps <= 1000) {
                return rps;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add("IDENTITY_STORE_MAX_RPS must be a number of requests per second above 0 and at most 1000, was "
                + quoted(value));
        return 0;
    }

    static boolean dryRun(String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add("DRY_RUN must be true or false, was " + quoted(value));
                yield false;
            }
        };
    }

    private static String quoted(String value) {
        return value == null ? "unset" : "'" + value + "'";
    }
}
