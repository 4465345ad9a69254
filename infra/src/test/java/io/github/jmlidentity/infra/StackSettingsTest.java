package io.github.jmlidentity.infra;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.MissingGroupPolicy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * Context validation: every bad value stops the synth before anything is built, with a message that
 * names the key and the value. No synthesis happens in this class.
 */
class StackSettingsTest {

    private static StackSettings settings(Map<String, Object> values) {
        Map<String, Object> context = TestStacks.context(values);
        return StackSettings.fromContext(context::get, TestStacks.REPO_ROOT);
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put(StackSettings.IDENTITY_STORE_ID, TestStacks.STORE_ID);
        values.put(StackSettings.SSO_INSTANCE_ARN, TestStacks.INSTANCE_ARN);
        values.put(key, value);
        return values;
    }

    @Test
    void defaults_with_only_the_identity_store_id_and_the_instance() {
        StackSettings s = settings(Map.of(StackSettings.IDENTITY_STORE_ID, "d-1234567890",
                StackSettings.SSO_INSTANCE_ARN, TestStacks.INSTANCE_ARN));
        assertThat(s.identityStoreId()).isEqualTo("d-1234567890");
        assertThat(s.hrSource()).isEqualTo("com.example.hr");
        assertThat(s.hrPrincipal()).isEmpty();
        assertThat(s.busName()).isEqualTo("jml-hr-events");
        assertThat(s.logRetentionDays()).isEqualTo(400);
        assertThat(s.archiveRetentionDays()).isEqualTo(90);
        assertThat(s.reservedConcurrency()).isEqualTo(2);
        assertThat(s.identityStoreQuota()).isEqualTo(20);
        // 3 lifecycle functions x 2 reserved executions, the scheduler's one and the reconcile's one
        assertThat(s.identityStoreRequestsPerContainer()).isEqualTo(20.0 / 8);
        assertThat(s.leaverPolicy()).isEqualTo(LeaverPolicy.DELETE);
        assertThat(s.missingGroupPolicy()).isEqualTo(MissingGroupPolicy.FAIL);
        assertThat(s.directAssignments()).isEqualTo(DirectAssignmentPolicy.REMOVE);
        assertThat(s.ssoInstanceArn()).hasValue(TestStacks.INSTANCE_ARN);
        assertThat(s.alarmEmail()).isEmpty();
        assertThat(s.dryRun()).isFalse();
        assertThat(s.functionsJar()).isAbsolute().isRegularFile();
        assertThat(s.configDir()).isAbsolute().isDirectory();
    }

    @Test
    void values_from_cdk_json_arrive_as_json_numbers_and_booleans_and_from_the_command_line_as_strings() {
        StackSettings typed = settings(Map.of(StackSettings.IDENTITY_STORE_ID, "d-1234567890",
                StackSettings.LOG_RETENTION_DAYS, 731, StackSettings.RESERVED_CONCURRENCY, 3.0, StackSettings.DRY_RUN, true,
                StackSettings.SSO_INSTANCE_ARN, TestStacks.INSTANCE_ARN));
        StackSettings strings = settings(Map.of(StackSettings.IDENTITY_STORE_ID, "d-1234567890",
                StackSettings.LOG_RETENTION_DAYS, "731", StackSettings.RESERVED_CONCURRENCY, " 3 ", StackSettings.DRY_RUN, "TRUE",
                StackSettings.SSO_INSTANCE_ARN, TestStacks.INSTANCE_ARN));
        assertThat(typed).isEqualTo(strings);
        assertThat(typed.logRetentionDays()).isEqualTo(731);
        assertThat(typed.reservedConcurrency()).isEqualTo(3);
        assertThat(typed.dryRun()).isTrue();
    }

    @Test
    void synth_fails_clearly_without_an_identity_store_id() {
        assertThatThrownBy(() -> settings(Map.of()))
                .isInstanceOfSatisfying(InvalidContextException.class, e -> assertThat(e.key()).isEqualTo("identityStoreId"))
                .hasMessageContaining("context key 'identityStoreId'")
                .hasMessageContaining("is required")
                .hasMessageContaining("-c identityStoreId=d-");
    }

    @Test
    void the_app_refuses_to_build_a_stack_from_bad_context() {
        App app = new App(AppProps.builder().context(TestStacks.context(Map.of(
                StackSettings.IDENTITY_STORE_ID, "d-1234567890", StackSettings.BUS_NAME, "default"))).build());
        assertThatThrownBy(() -> JmlIdentityApp.build(app, TestStacks.REPO_ROOT))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("context key 'busName'");
        assertThat(app.getNode().getChildren()).isEmpty();
    }

    @Test
    void cdk_synth_prints_one_line_naming_the_key_and_exits_with_status_2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        App app = new App(AppProps.builder().context(TestStacks.context(Map.of(
                StackSettings.IDENTITY_STORE_ID, "d-1234567890", StackSettings.DRY_RUN, "maybe"))).build());
        int status = JmlIdentityApp.run(app, TestStacks.REPO_ROOT, new PrintStream(err, true, UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(UTF_8))
                .isEqualTo("jml-identity: invalid context key 'dryRun': 'maybe' is not true or false" + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "identityStoreId      | d-123456789          | is not an identity store id",
            "identityStoreId      | d-12345678901        | is not an identity store id",
            "identityStoreId      | D-1234567890         | is not an identity store id",
            "identityStoreId      | d-12345678zz         | is not an identity store id",
            "identityStoreId      | ssoins-1234567890abcdef | is not an identity store id",
            "hrSource             | aws.hr               | reserves for AWS services",
            "hrSource             | com example hr       | is not a valid EventBridge source",
            "hrSource             | .hr                  | is not a valid EventBridge source",
            "hrPrincipal          | 12345678901          | is neither a 12-digit AWS account id",
            "hrPrincipal          | *                    | is neither a 12-digit AWS account id",
            "hrPrincipal          | arn:aws:iam::123456789012:group/hr | is neither a 12-digit AWS account id",
            "hrPrincipal          | arn:aws:sts::123456789012:assumed-role/hr/s | is neither a 12-digit AWS account id",
            "busName              | default              | is reserved",
            "busName              | aws.partner          | is reserved",
            "busName              | hr events            | is not a valid event bus name",
            "logRetentionDays     | 0                    | is out of range",
            "logRetentionDays     | 100                  | is not a retention CloudWatch Logs supports; use one of [1, 3, 5, 7, 14, 30, 60, 90, 120,",
            "logRetentionDays     | forever              | is not a whole number",
            "logRetentionDays     | 400.5                | is not a whole number",
            "archiveRetentionDays | 0                    | is out of range",
            "archiveRetentionDays | 4000                 | is out of range",
            "reservedConcurrency  | 0                    | is out of range",
            "reservedConcurrency  | 21                   | is out of range",
            "reservedConcurrency  | two                  | is not a whole number",
            "identityStoreQuota   | 0                    | is out of range",
            "identityStoreQuota   | twenty               | is not a whole number",
            "leaverPolicy         | disable              | is not a valid choice: expected delete or suspend or suspend-then-delete",
            "missingGroupPolicy   | ignore               | is not a valid choice: expected fail or create",
            "directAssignments    | delete               | is not a valid choice: expected remove or keep",
            "ssoInstanceArn       | arn:aws:sso:::instance/ssoins-123 | is not an IAM Identity Center instance ARN",
            "ssoInstanceArn       | d-1234567890         | is not an IAM Identity Center instance ARN",
            "alarmEmail           | ops-at-example.com   | is not an e-mail address",
            "dryRun               | yes                  | is not true or false",
            "functionsJar         | /nonexistent/functions.jar | does not exist: build it first",
            "configDir            | /nonexistent/config  | has no access-rules.json",
    })
    void each_bad_value_fails_with_a_message_naming_the_key_and_the_value(String key, String value, String problem) {
        assertThatThrownBy(() -> settings(with(key, value)))
                .isInstanceOfSatisfying(InvalidContextException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith("context key '" + key + "': ")
                .hasMessageContaining(value.trim())
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource({"hrPrincipal, 111122223333", "hrPrincipal, arn:aws:iam::111122223333:role/hr/publisher",
            "hrPrincipal, arn:aws-us-gov:iam::111122223333:root", "hrSource, com.acme.workday",
            "busName, acme.hr-events_1", "alarmEmail, iam-ops+jml@example.co.uk", "logRetentionDays, 3653"})
    void good_values_are_accepted(String key, String value) {
        assertThat(settings(with(key, value))).isNotNull();
    }

    @Test
    void an_existing_jar_is_found_relative_to_the_repository_root(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("functions/target"));
        Files.write(root.resolve("functions/target/functions.jar"), new byte[] {0});
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/access-rules.json"), "{\"managedGroups\":{\"prefix\":\"jml-\"}}");
        Map<String, Object> context = Map.of(StackSettings.IDENTITY_STORE_ID, "d-1234567890",
                StackSettings.SSO_INSTANCE_ARN, TestStacks.INSTANCE_ARN);
        StackSettings s = StackSettings.fromContext(context::get, root);
        assertThat(s.functionsJar()).isEqualTo(root.resolve("functions/target/functions.jar").toAbsolutePath());
        assertThat(s.configDir()).isEqualTo(root.resolve("config").toAbsolutePath());
    }

    @Test
    void policies_default_to_the_access_rules_file_and_may_repeat_but_not_contradict_it(@TempDir Path config) throws IOException {
        Files.writeString(config.resolve("access-rules.json"), "{\"managedGroups\":{\"prefix\":\"jml-\"},\"leaverPolicy\":\"suspend\",\"missingGroupPolicy\":\"create\"}");
        StackSettings fromRules = settings(with(StackSettings.CONFIG_DIR, config.toString()));
        assertThat(fromRules.leaverPolicy()).isEqualTo(LeaverPolicy.SUSPEND);
        assertThat(fromRules.missingGroupPolicy()).isEqualTo(MissingGroupPolicy.CREATE);

        Map<String, Object> repeating = with(StackSettings.CONFIG_DIR, config.toString());
        repeating.put(StackSettings.LEAVER_POLICY, "suspend");
        assertThat(settings(repeating).leaverPolicy()).isEqualTo(LeaverPolicy.SUSPEND);

        Map<String, Object> contradicting = with(StackSettings.CONFIG_DIR, config.toString());
        contradicting.put(StackSettings.LEAVER_POLICY, "delete");
        assertThat(settings(with(StackSettings.LEAVER_POLICY, "suspend-then-delete")).leaverPolicy())
                .isEqualTo(LeaverPolicy.SUSPEND_THEN_DELETE);
        assertThatThrownBy(() -> settings(contradicting))
                .isInstanceOfSatisfying(InvalidContextException.class, e -> assertThat(e.key()).isEqualTo("leaverPolicy"))
                .hasMessageContaining("'delete' contradicts \"leaverPolicy\": \"suspend\" in access-rules.json");

        Map<String, Object> contradictingGroups = with(StackSettings.CONFIG_DIR, config.toString());
        contradictingGroups.put(StackSettings.MISSING_GROUP_POLICY, "fail");
        assertThatThrownBy(() -> settings(contradictingGroups))
                .isInstanceOfSatisfying(InvalidContextException.class, e -> assertThat(e.key()).isEqualTo("missingGroupPolicy"));
    }

    @Test
    void the_instance_is_required_while_leavers_remove_direct_assignments_and_not_under_keep(@TempDir Path config)
            throws IOException {
        Map<String, Object> noInstance = new HashMap<>(Map.of(StackSettings.IDENTITY_STORE_ID, "d-1234567890"));
        assertThatThrownBy(() -> settings(noInstance))
                .isInstanceOfSatisfying(InvalidContextException.class, e -> assertThat(e.key()).isEqualTo("ssoInstanceArn"))
                .hasMessageContaining("is required while leavers remove direct account assignments")
                .hasMessageContaining("-c ssoInstanceArn=arn:aws:sso:::instance/ssoins-")
                .hasMessageContaining("\"directAssignments\": \"keep\"");

        Files.writeString(config.resolve("access-rules.json"),
                "{\"managedGroups\":{\"prefix\":\"jml-\"},\"directAssignments\":\"keep\"}");
        noInstance.put(StackSettings.CONFIG_DIR, config.toString());
        StackSettings keep = settings(noInstance);
        assertThat(keep.directAssignments()).isEqualTo(DirectAssignmentPolicy.KEEP);
        assertThat(keep.ssoInstanceArn()).isEmpty();

        noInstance.put(StackSettings.DIRECT_ASSIGNMENTS, "remove");
        assertThatThrownBy(() -> settings(noInstance))
                .isInstanceOfSatisfying(InvalidContextException.class, e -> assertThat(e.key()).isEqualTo("directAssignments"))
                .hasMessageContaining("'remove' contradicts \"directAssignments\": \"keep\" in access-rules.json");
    }

    @Test
    void a_broken_access_rules_file_names_the_config_dir_key(@TempDir Path config) throws IOException {
        assertRulesFileRefused(config, "{ not json", "is not valid JSON");
        assertRulesFileRefused(config, "{\"managedGroups\":{\"prefix\":\"jml-\"},\"leaverPolicy\":\"archive\"}",
                "does not follow access-rules.schema.json: /leaverPolicy: must be \"delete\","
                        + " \"suspend\" or \"suspend-then-delete\" (lower case)");
    }

    @Test
    void an_upper_case_policy_fails_the_synth_as_it_would_fail_every_function(@TempDir Path config) throws IOException {
        // issue #11 item 17: the functions accept lower case only; the CDK app used to accept any case
        assertRulesFileRefused(config, "{\"managedGroups\":{\"prefix\":\"jml-\"},\"leaverPolicy\":\"SUSPEND\"}",
                "/leaverPolicy: must be \"delete\", \"suspend\" or \"suspend-then-delete\" (lower case)");
    }

    /** With {@code rules} as the access-rules file in {@code config}, the synth stops on key configDir. */
    private static void assertRulesFileRefused(Path config, String rules, String message) throws IOException {
        Files.writeString(config.resolve("access-rules.json"), rules);
        assertThatThrownBy(() -> settings(with(StackSettings.CONFIG_DIR, config.toString())))
                .isInstanceOfSatisfying(InvalidContextException.class, e -> assertThat(e.key()).isEqualTo("configDir"))
                .hasMessageContaining(message);
    }

    @Test
    void the_shipped_rules_follow_the_schema_the_functions_use() {
        assertThat(settings(with(StackSettings.CONFIG_DIR, TestStacks.REPO_ROOT.resolve("config").toString())))
                .isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void cdk_json_carries_valid_example_defaults_but_no_identity_store_id() throws IOException {
        Map<String, Object> cdkJson = new ObjectMapper().readValue(TestStacks.REPO_ROOT.resolve("cdk.json").toFile(), Map.class);
        assertThat((String) cdkJson.get("app")).contains("exec:java");
        Map<String, Object> context = new HashMap<>((Map<String, Object>) cdkJson.get("context"));
        assertThat(context).doesNotContainKey(StackSettings.IDENTITY_STORE_ID).doesNotContainKey(StackSettings.SSO_INSTANCE_ARN);
        assertThatThrownBy(() -> StackSettings.fromContext(context::get, TestStacks.REPO_ROOT.resolve("no-such-dir")))
                .isInstanceOfSatisfying(InvalidContextException.class, e -> assertThat(e.key()).isEqualTo("identityStoreId"));

        // With a store id (and the stand-in jar, as the functions may not be built yet) it is a valid deployment.
        context.put(StackSettings.IDENTITY_STORE_ID, "d-1234567890");
        context.put(StackSettings.SSO_INSTANCE_ARN, TestStacks.INSTANCE_ARN);
        context.put(StackSettings.FUNCTIONS_JAR, TestStacks.assets().resolve("functions.jar").toString());
        StackSettings s = StackSettings.fromContext(context::get, TestStacks.REPO_ROOT);
        assertThat(s.configDir()).isEqualTo(TestStacks.REPO_ROOT.resolve("config").toAbsolutePath());
        assertThat(s.hrPrincipal()).isEqualTo(Optional.empty());
        assertThat(s.alarmEmail()).isEmpty();
    }
}
