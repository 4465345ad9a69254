package io.github.jmlidentity.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The access-rules schema: the shipped rules follow it, and each error names the JSON pointer at fault. */
class AccessRulesSchemaTest {

    private static final Path CONFIG = Path.of(System.getProperty("jml.repo.dir", "..")).resolve("config");

    @Test
    void the_shipped_rules_follow_the_schema() throws Exception {
        JsonNode rules = AccessRulesSchema.read(Files.readString(CONFIG.resolve("access-rules.json")), "access-rules.json");
        assertThat(AccessRulesSchema.errors(rules)).isEmpty();
    }

    @Test
    void an_upper_case_policy_is_refused_naming_its_pointer() {
        assertThat(errors("{\"managedGroups\":{\"prefix\":\"jml-\"},\"leaverPolicy\":\"SUSPEND\"}"))
                .containsExactly("/leaverPolicy: must be \"delete\", \"suspend\" or \"suspend-then-delete\" (lower case)");
    }

    @Test
    void errors_deep_in_a_rule_name_the_rule_by_pointer() {
        assertThat(errors("{\"managedGroups\":{\"prefix\":\"jml-\"},\"rules\":[{\"name\":\"x\",\"match\":"
                + "{\"department\":{\"equals\":\"Platform \"},\"shoeSize\":{\"equals\":\"9\"}},\"groups\":[\"jml-x\"]}]}"))
                .anySatisfy(e -> assertThat(e).startsWith("/rules/0/match/department/equals: must not be blank, start or end"))
                .anySatisfy(e -> assertThat(e).startsWith("/rules/0/match").contains("shoeSize"));
    }

    @Test
    void a_missing_managed_scope_and_an_unknown_setting_are_named() {
        assertThat(errors("{\"defaultGroups\":[\"jml-all-staff\"],\"leaverpolicy\":\"delete\"}"))
                .contains("/managedGroups: is required", "/leaverpolicy: is not a known setting");
    }

    @Test
    void pointers_escape_slashes_and_tildes() {
        assertThat(AccessRulesSchema.pointer("$.rules[0].match")).isEqualTo("/rules/0/match");
        assertThat(AccessRulesSchema.pointer("/rules/0")).isEqualTo("/rules/0");
        assertThat(AccessRulesSchema.pointer("$")).isEqualTo("/");
    }

    private static java.util.List<String> errors(String json) {
        return AccessRulesSchema.errors(AccessRulesSchema.read(json, "test"));
    }
}
