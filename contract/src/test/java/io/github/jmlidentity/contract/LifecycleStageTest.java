package io.github.jmlidentity.contract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each stage is found back from what EventBridge and `jml invoke` name it by, and names a Lambda handler. */
class LifecycleStageTest {

    @ParameterizedTest
    @EnumSource(LifecycleStage.class)
    void GIVEN_a_stage_WHEN_looked_up_by_detail_type_or_function_name_THEN_it_is_found(LifecycleStage stage) {
        assertThat(LifecycleStage.fromDetailType(stage.detailType())).hasValue(stage);
        assertThat(LifecycleStage.fromFunctionName(stage.functionName().toUpperCase(java.util.Locale.ROOT)))
                .hasValue(stage);
    }

    @ParameterizedTest
    @EnumSource(LifecycleStage.class)
    void GIVEN_a_stage_THEN_its_handler_is_class_colon_colon_handleRequest(LifecycleStage stage) {
        assertThat(stage.handler()).isEqualTo(stage.handlerClass() + "::handleRequest")
                .startsWith(LifecycleStage.HANDLER_PACKAGE + ".");
    }
}
