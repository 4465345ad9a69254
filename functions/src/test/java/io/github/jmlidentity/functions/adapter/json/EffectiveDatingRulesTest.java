package io.github.jmlidentity.functions.adapter.json;

import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.EffectiveDating;
import io.github.jmlidentity.functions.domain.InvalidAccessRulesException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access rules' effective-dating options: defaults, the suspend-then-delete policy, errors naming the setting. */
class EffectiveDatingRulesTest {

    private static final String MANAGED = "\"managedGroups\": {\"prefix\": \"jml-\"}";

    @Test
    void without_options_the_defaults_apply() {
        AccessRules rules = AccessRulesLoader.parse("{" + MANAGED + "}", "test");
        assertThat(rules.effectiveDating()).isEqualTo(EffectiveDating.defaults());
        assertThat(rules.effectiveDating().horizonDays()).isEqualTo(400);
        assertThat(rules.effectiveDating().preHireLeadDays()).isZero();
    }

    @Test
    void suspend_then_delete_with_delete_after_days_a_horizon_and_a_pre_hire_lead() {
        AccessRules rules = AccessRulesLoader.parse("{" + MANAGED + ", \"leaverPolicy\": \"suspend-then-delete\","
                + " \"deleteAfterDays\": 14, \"horizonDays\": 200, \"preHireLeadDays\": 3}", "test");
        assertThat(rules.leaverPolicy()).isEqualTo(LeaverPolicy.SUSPEND_THEN_DELETE);
        assertThat(rules.effectiveDating()).isEqualTo(new EffectiveDating(200, 3, 14));
    }

    @Test
    void each_bad_option_is_named() {
        assertThatThrownBy(() -> AccessRulesLoader.parse("{" + MANAGED + ", \"horizonDays\": 0, \"preHireLeadDays\":"
                + " \"a week\", \"leaverPolicy\": \"suspend_then_delete\"}", "rules.json"))
                .isInstanceOfSatisfying(InvalidAccessRulesException.class, e -> assertThat(e.errors())
                        .containsExactlyInAnyOrder(
                                "rules.json /leaverPolicy: must be \"delete\", \"suspend\" or \"suspend-then-delete\""
                                        + " (lower case)",
                                "rules.json /horizonDays: must have a minimum value of 1",
                                "rules.json /preHireLeadDays: string found, integer expected"));
        assertThatThrownBy(() -> AccessRulesLoader.parse("{" + MANAGED + ", \"deleteAfterDays\": 10}", "rules.json"))
                .hasMessageContaining("rules.json /deleteAfterDays: applies only to leaverPolicy \"suspend-then-delete\","
                        + " but leaverPolicy is \"delete\"");
        assertThatThrownBy(() -> AccessRulesLoader.parse("{" + MANAGED + ", \"horizonDays\": 30, \"preHireLeadDays\": 30}",
                "rules.json")).hasMessageContaining("preHireLeadDays: must be 0 or more and less than horizonDays (30), was 30");
    }

    @Test
    void the_shipped_rules_name_their_effective_dating_options() {
        AccessRules shipped = AccessRulesLoader.load(io.github.jmlidentity.functions.support.Fixtures.accessRulesFile());
        assertThat(shipped.effectiveDating().horizonDays()).isEqualTo(400);
    }
}
