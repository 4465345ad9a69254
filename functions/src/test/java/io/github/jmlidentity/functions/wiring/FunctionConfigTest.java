package io.github.jmlidentity.functions.wiring;

import io.github.jmlidentity.functions.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The functions' environment: every bad setting is named at init, before the first event. */
class FunctionConfigTest {

    private static final String RULES_FILE = Fixtures.accessRulesFile().toString();
    private static final String INSTANCE = "arn:aws:sso:::instance/ssoins-0123456789abcdef";

    @Test
    void a_complete_environment_configures_the_functions() {
        FunctionConfig config = FunctionConfig.fromEnvironment(Map.of("IDENTITY_STORE_ID", "d-1234567890",
                "LEDGER_TABLE", "jml-ledger", "ACCESS_RULES_FILE", RULES_FILE, "DRY_RUN", "TRUE", "SSO_INSTANCE_ARN", INSTANCE));

        assertThat(config.dryRun()).isTrue();
        assertThat(config.hrEventSource()).isEqualTo("com.example.hr");
        assertThat(config.rules().maxLeaversPerHour()).isEqualTo(25);
        assertThat(config.failureQueueUrl()).as("unset: permanent failures are thrown to Lambda instead").isNull();
        assertThat(config.ssoInstanceArn()).isEqualTo(INSTANCE);
    }

    @Test
    void the_instance_arn_is_required_while_the_rules_remove_direct_assignments_and_checked_whenever_set() {
        Map<String, String> base = Map.of("IDENTITY_STORE_ID", "d-1234567890", "LEDGER_TABLE", "t",
                "ACCESS_RULES_FILE", RULES_FILE);
        assertThatThrownBy(() -> FunctionConfig.fromEnvironment(base))
                .hasMessageContaining("SSO_INSTANCE_ARN must name the IAM Identity Center instance")
                .hasMessageContaining("directAssignments: remove, the default); was unset");
        Map<String, String> bad = new java.util.HashMap<>(base);
        bad.put("SSO_INSTANCE_ARN", "arn:aws:sso:::instance/ins-short");
        assertThatThrownBy(() -> FunctionConfig.fromEnvironment(bad))
                .hasMessageContaining("SSO_INSTANCE_ARN must be an IAM Identity Center instance ARN such as "
                        + "arn:aws:sso:::instance/ssoins-0123456789abcdef, was 'arn:aws:sso:::instance/ins-short'");

        Map<String, String> keep = Map.of("IDENTITY_STORE_ID", "d-1234567890", "LEDGER_TABLE", "t",
                "ACCESS_RULES", "{\"managedGroups\":{\"prefix\":\"jml-\"},\"directAssignments\":\"keep\"}");
        assertThat(FunctionConfig.fromEnvironment(keep).ssoInstanceArn()).as("not needed: no sso-admin call").isNull();
    }

    @Test
    void the_failure_queue_url_is_read_and_checked() {
        FunctionConfig config = FunctionConfig.fromEnvironment(Map.of("IDENTITY_STORE_ID", "d-1234567890",
                "LEDGER_TABLE", "t", "ACCESS_RULES_FILE", RULES_FILE, "SSO_INSTANCE_ARN", INSTANCE,
                "FAILURE_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/failures"));

        assertThat(config.failureQueueUrl()).isEqualTo("https://sqs.eu-west-1.amazonaws.com/123456789012/failures");
        assertThatThrownBy(() -> FunctionConfig.fromEnvironment(Map.of("IDENTITY_STORE_ID", "d-1234567890",
                "LEDGER_TABLE", "t", "ACCESS_RULES_FILE", RULES_FILE, "SSO_INSTANCE_ARN", INSTANCE,
                "FAILURE_QUEUE_URL", "failures")))
                .hasMessageContaining("FAILURE_QUEUE_URL must be an SQS queue URL")
                .hasMessageContaining("was 'failures'");
    }

    @Test
    void the_containers_share_of_the_identity_store_quota_is_read_and_checked() {
        Map<String, String> base = Map.of("IDENTITY_STORE_ID", "d-1234567890", "LEDGER_TABLE", "t",
                "ACCESS_RULES_FILE", RULES_FILE, "SSO_INSTANCE_ARN", INSTANCE);
        assertThat(FunctionConfig.fromEnvironment(base).identityStoreMaxRps()).as("unset: unpaced").isZero();
        Map<String, String> paced = new java.util.HashMap<>(base);
        paced.put("IDENTITY_STORE_MAX_RPS", "3.33");
        assertThat(FunctionConfig.fromEnvironment(paced).identityStoreMaxRps()).isEqualTo(3.33);
        for (String bad : new String[] {"fast", "0", "-2", "5000"}) {
            paced.put("IDENTITY_STORE_MAX_RPS", bad);
            assertThatThrownBy(() -> FunctionConfig.fromEnvironment(paced))
                    .hasMessageContaining("IDENTITY_STORE_MAX_RPS must be a number of requests per second")
                    .hasMessageContaining("was '" + bad + "'");
        }
    }

    @Test
    void every_missing_or_bad_setting_is_named() {
        assertThatThrownBy(() -> FunctionConfig.fromEnvironment(Map.of("IDENTITY_STORE_ID", "store-1",
                "DRY_RUN", "yes", "ACCESS_RULES_FILE", RULES_FILE)))
                .hasMessageContaining("IDENTITY_STORE_ID must be an identity store id such as d-1234567890, was 'store-1'")
                .hasMessageContaining("LEDGER_TABLE must name the DynamoDB ledger table")
                .hasMessageContaining("DRY_RUN must be true or false, was 'yes'");
    }

    @Test
    void inline_access_rules_win_over_the_file() {
        FunctionConfig config = FunctionConfig.fromEnvironment(Map.of("IDENTITY_STORE_ID", "d-1234567890",
                "LEDGER_TABLE", "t", "ACCESS_RULES_FILE", "/nonexistent.json", "HR_EVENT_SOURCE", "com.acme.hr",
                "SSO_INSTANCE_ARN", INSTANCE,
                "ACCESS_RULES", "{\"defaultGroups\":[\"jml-all\"],\"managedGroups\":{\"prefix\":\"jml-\"},"
                        + "\"leaverPolicy\":\"suspend\"}"));

        assertThat(config.rules().defaultGroups()).containsExactly("jml-all");
        assertThat(config.hrEventSource()).isEqualTo("com.acme.hr");
    }
}
