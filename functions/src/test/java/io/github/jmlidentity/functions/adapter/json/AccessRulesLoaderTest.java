package io.github.jmlidentity.functions.adapter.json;

import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.MissingGroupPolicy;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.Employee;
import io.github.jmlidentity.functions.domain.InvalidAccessRulesException;
import io.github.jmlidentity.functions.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccessRulesLoaderTest {

    private static final AccessRules SHIPPED = AccessRulesLoader.load(Fixtures.accessRulesFile());

    @Test
    void the_shipped_rules_file_loads_with_its_policies() {
        assertThat(SHIPPED.leaverPolicy()).isEqualTo(LeaverPolicy.DELETE);
        assertThat(SHIPPED.missingGroupPolicy()).isEqualTo(MissingGroupPolicy.FAIL);
        assertThat(SHIPPED.maxLeaversPerHour()).isEqualTo(25);
        assertThat(SHIPPED.directAssignments()).as("the default").isEqualTo(DirectAssignmentPolicy.REMOVE);
        assertThat(SHIPPED.isProtected("BreakGlass-Admin")).isTrue();
        assertThat(SHIPPED.isManaged("jml-anything")).isTrue();
        assertThat(SHIPPED.isManaged("aws-readonly")).isTrue();
        assertThat(SHIPPED.isManaged("finance-team")).isFalse();
    }

    @Test
    void equals_anyOf_and_prefix_grant_groups_case_insensitively_and_all_conditions_of_a_rule_must_hold() {
        Employee sre = employee("platform", "Site Reliability Engineer", "London", "Employee", "FIN-1");
        assertThat(SHIPPED.grantedGroups(sre)).containsExactly(
                "jml-all-staff", "jml-platform", "jml-on-call", "jml-prod-access", "jml-office-london");

        // costCenter FIN- matches, but the finance rule also needs department Finance.
        Employee notFinance = employee("Sales", null, null, "Contractor", "FIN-9");
        assertThat(SHIPPED.grantedGroups(notFinance)).containsExactly("jml-all-staff", "jml-contractors");
    }

    @Test
    void direct_assignments_may_be_kept() {
        AccessRules keep = AccessRulesLoader.parse("{\"managedGroups\": {\"prefix\": \"jml-\"},"
                + " \"directAssignments\": \"keep\"}", "test");

        assertThat(keep.directAssignments()).isEqualTo(DirectAssignmentPolicy.KEEP);
        assertThat(keep.removesDirectAssignments()).isFalse();
    }

    @Test
    void an_invalid_rules_file_fails_with_every_error_naming_its_json_pointer() {
        String json = """
                {
                  "defaultGroups": ["everyone"],
                  "managedGroups": {"prefix": "jml-"},
                  "rules": [
                    {"name": "eng", "match": {"department": {"equals": "Engineering"}}, "groups": ["jml-eng"]},
                    {"name": "eng", "match": {"department": {"equals": "R&D"}}, "groups": ["jml-eng"]},
                    {"name": "by-badge", "match": {"badge": {"equals": "red"}}, "groups": ["jml-red"]},
                    {"name": "fuzzy", "match": {"title": {"like": "Eng%"}}, "groups": ["jml-x"]},
                    {"name": "unmanaged", "match": {"title": {"prefix": "VP"}}, "groups": ["executives"]},
                    {"match": {"title": {"equals": "CTO"}}, "groups": ["jml-cto"]}
                  ],
                  "leaverPolicy": "disable",
                  "directAssignments": "ignore",
                  "massDeletionGuard": {"maxLeaversPerHour": 0}
                }
                """;
        InvalidAccessRulesException e = catchThrowableOfType(InvalidAccessRulesException.class,
                () -> AccessRulesLoader.parse(json, "test"));
        assertThat(String.join("\n", e.errors()))
                .contains("test /rules/2/match: ").contains("badge")
                .contains("test /rules/3/match/title/like: is not a known setting")
                .contains("test /rules/5/name: is required")
                .contains("test /leaverPolicy: must be \"delete\", \"suspend\" or \"suspend-then-delete\" (lower case)")
                .contains("test /directAssignments: must be \"remove\" or \"keep\" (lower case)")
                .contains("test /massDeletionGuard/maxLeaversPerHour: ");
    }

    @Test
    void an_upper_case_policy_fails_as_it_fails_the_cdk_synth() {
        InvalidAccessRulesException e = catchThrowableOfType(InvalidAccessRulesException.class,
                () -> AccessRulesLoader.parse("{\"managedGroups\": {\"prefix\": \"jml-\"}, \"leaverPolicy\": \"SUSPEND\"}",
                        "ACCESS_RULES"));
        assertThat(e.errors()).containsExactly("ACCESS_RULES /leaverPolicy: must be \"delete\", \"suspend\" or \"suspend-then-delete\" (lower case)");
    }

    @Test
    void the_schema_lists_exactly_the_attributes_rules_can_match_on() throws Exception {
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Fixtures.repo().resolve("config/access-rules.schema.json").toFile());
        java.util.Set<String> listed = new java.util.LinkedHashSet<>();
        schema.at("/$defs/rule/properties/match/propertyNames/enum").forEach(n -> listed.add(n.asText()));
        assertThat(listed).isEqualTo(AccessRulesLoader.matchableAttributes());
    }

    @Test
    void groups_outside_the_managed_set_and_duplicate_rule_names_are_refused() {
        // Well-formed (the loader finds nothing to say): the domain's cross-field checks find these.
        String json = """
                {"defaultGroups": ["everyone"], "managedGroups": {"prefix": "jml-"}, "rules": [
                  {"name": "eng", "match": {"department": {"equals": "Engineering"}}, "groups": ["jml-eng"]},
                  {"name": "eng", "match": {"department": {"equals": "R&D"}}, "groups": ["jml-eng"]},
                  {"name": "vp", "match": {"title": {"prefix": "VP"}}, "groups": ["executives"]}]}
                """;
        InvalidAccessRulesException e = catchThrowableOfType(InvalidAccessRulesException.class,
                () -> AccessRulesLoader.parse(json, "test"));
        assertThat(e.errors()).anySatisfy(m -> assertThat(m).contains("defaultGroups: group 'everyone' is not a managed group"))
                .anySatisfy(m -> assertThat(m).contains("rule 'eng' (rules[1]): the name is used by another rule"))
                .anySatisfy(m -> assertThat(m).contains("rule 'vp' (rules[2]): group 'executives' is not a managed group"));
    }

    @Test
    void a_missing_file_is_named() {
        InvalidAccessRulesException e = catchThrowableOfType(InvalidAccessRulesException.class,
                () -> AccessRulesLoader.load(java.nio.file.Path.of("/nonexistent/rules.json")));
        assertThat(e.getMessage()).contains("/nonexistent/rules.json does not exist");
    }

    static Employee employee(String department, String title, String location, String type, String costCenter) {
        return new Employee("E1", "u1", "G", "F", null, "u1@example.com", title, department, null, null,
                costCenter, null, location, type, null, null, null);
    }
}
