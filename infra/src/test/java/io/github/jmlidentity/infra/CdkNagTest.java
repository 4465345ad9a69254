package io.github.jmlidentity.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/**
 * The app runs the cdk-nag AwsSolutions pack (JmlIdentityApp.build adds it): no unsuppressed error or
 * warning, and every suppression says why.
 */
class CdkNagTest {

    @Test
    void default_stack_has_no_unsuppressed_aws_solutions_findings() {
        assertNoFindings(TestStacks.defaults());
    }

    @Test
    void stack_with_every_context_value_set_has_no_unsuppressed_aws_solutions_findings() {
        assertNoFindings(TestStacks.variant());
    }

    @Test
    void the_stack_has_no_cdk_warnings_or_errors_at_all() {
        Annotations annotations = Annotations.fromStack(TestStacks.defaults().stack());
        annotations.hasNoWarning("*", Match.anyValue());
        annotations.hasNoError("*", Match.anyValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_suppression_has_a_written_reason() {
        List<Map<String, Object>> suppressions = new ArrayList<>();
        Map<String, Object> resources = (Map<String, Object>) TestStacks.defaults().template().toJSON().get("Resources");
        resources.values().forEach(resource -> {
            Map<String, Object> metadata = (Map<String, Object>) ((Map<String, Object>) resource).get("Metadata");
            if (metadata != null && metadata.get("cdk_nag") instanceof Map<?, ?> nag) {
                suppressions.addAll((List<Map<String, Object>>) nag.get("rules_to_suppress"));
            }
        });
        assertThat(suppressions).isNotEmpty().allSatisfy(s -> {
            assertThat((String) s.get("id")).startsWith("AwsSolutions-");
            assertThat((String) s.get("reason")).hasSizeGreaterThan(40);
        });
    }

    private static void assertNoFindings(TestStacks.Synthesized stack) {
        Annotations annotations = Annotations.fromStack(stack.stack());
        // cdk-nag reports unsuppressed findings as error/warning annotations starting with the rule id.
        annotations.hasNoError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        annotations.hasNoWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    }
}
