package io.github.jmlidentity.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The effective-dating functions and the leaver policies, as the CDK app and the functions name them. */
class EffectiveDatingFunctionTest {

    @ParameterizedTest
    @EnumSource(EffectiveDatingFunction.class)
    void GIVEN_a_function_WHEN_looked_up_by_name_THEN_it_is_found_and_names_a_handler(EffectiveDatingFunction function) {
        assertThat(EffectiveDatingFunction.fromFunctionName(function.functionName().toUpperCase(java.util.Locale.ROOT)))
                .hasValue(function);
        assertThat(function.handler()).startsWith(LifecycleStage.HANDLER_PACKAGE + ".").endsWith("::handleRequest");
    }

    @Test
    void only_the_canceller_takes_an_hr_detail_type_and_it_is_no_lifecycle_stage_s() {
        assertThat(EffectiveDatingFunction.CANCELLER.detailType()).hasValue("Employee Change Cancelled");
        assertThat(EffectiveDatingFunction.SCHEDULER.detailType()).isEmpty();
        assertThat(LifecycleStage.fromDetailType("Employee Change Cancelled")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LeaverPolicy.class)
    void GIVEN_a_leaver_policy_WHEN_read_back_from_its_config_name_THEN_it_is_the_same(LeaverPolicy policy) {
        assertThat(LeaverPolicy.fromConfigName(policy.configName())).hasValue(policy);
        assertThat(LeaverPolicy.fromConfigName(policy.name())).hasValue(policy);
    }

    @Test
    void suspend_then_delete_is_written_with_dashes_and_needs_both_grants() {
        assertThat(LeaverPolicy.SUSPEND_THEN_DELETE.configName()).isEqualTo("suspend-then-delete");
        assertThat(LeaverPolicy.SUSPEND_THEN_DELETE.deletesUsers()).isTrue();
        assertThat(LeaverPolicy.SUSPEND_THEN_DELETE.suspends()).isTrue();
        assertThat(LeaverPolicy.fromConfigName("suspend then delete")).isEmpty();
    }
}
