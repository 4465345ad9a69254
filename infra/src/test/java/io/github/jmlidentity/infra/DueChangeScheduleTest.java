package io.github.jmlidentity.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.jmlidentity.contract.EffectiveDatingFunction;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.MissingGroupPolicy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.event.ruler.Machine;

/**
 * The scheduler is reached by its schedule and by nothing else: one rule, a rate on the default bus, targets its
 * alias; no HR event (any sample, any detail-type, a forged "Scheduled Event" on the HR bus) reaches it; and its role
 * holds only what applying due changes needs.
 */
class DueChangeScheduleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestStacks.Synthesized stack;
    private static Template template;
    private static String schedulerHandler;

    @BeforeAll
    static void synthesize() {
        stack = TestStacks.defaults();
        template = stack.template();
        schedulerHandler = EffectiveDatingFunction.SCHEDULER.handler();
    }

    @Test
    void exactly_one_rule_targets_the_scheduler_and_it_is_a_5_minute_schedule_on_the_default_bus() {
        Map<String, String> handlers = HrEventRoutingPatternTest.handlersByRule(stack);
        List<String> toScheduler = handlers.entrySet().stream().filter(e -> e.getValue().equals(schedulerHandler))
                .map(Map.Entry::getKey).toList();
        assertThat(toScheduler).hasSize(1);
        Map<String, Object> rule = TestStacks.Synthesized.properties(stack.resource(toScheduler.get(0)));
        assertThat(rule).containsEntry("ScheduleExpression", "rate(5 minutes)").doesNotContainKey("EventPattern")
                .doesNotContainKey("EventBusName");
        // and the schedule targets nothing else
        assertThat((List<?>) rule.get("Targets")).hasSize(1);
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(TestStacks.REPO_ROOT.resolve("events"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void no_hr_event_reaches_the_scheduler(Path sample) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(sample.toFile());
        Machine machine = patternRules();
        for (String detailType : List.of(event.path("detail-type").asText(), "Scheduled Event", "Employee Change Cancelled")) {
            event.put("detail-type", detailType);
            for (String source : List.of("com.example.hr", "aws.events")) {
                event.put("source", source);
                for (String rule : machine.rulesForJSONEvent(JSON.writeValueAsString(event))) {
                    assertThat(HrEventRoutingPatternTest.handlersByRule(stack).get(rule)).as("%s from %s", detailType, source)
                            .isNotEqualTo(schedulerHandler);
                }
            }
        }
    }

    @Test
    void the_scheduler_may_query_only_the_due_index_and_call_only_what_the_three_functions_may() {
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Sid", "IdentityStoreScheduler",
                                // the test stack's rules file sets no policy: delete and fail
                                "Action", IdentityStoreAccess.schedulerActions(LeaverPolicy.DELETE, MissingGroupPolicy.FAIL))),
                        Match.objectLike(Map.of("Sid", "ScheduledChangesDueIndex", "Action", "dynamodb:Query",
                                "Resource", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                                        Match.arrayWith(List.of("/index/due")))))))))))))));
    }

    @Test
    void only_the_scheduler_and_the_reconcile_may_query_the_index_and_the_canceller_has_no_identity_store_access() {
        // the scheduler (what is due) and the reconcile (which employees have a change open, left to the schedule)
        List<String> querying = stack.resources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getValue().toString().contains("dynamodb:Query")).map(Map.Entry::getKey).toList();
        assertThat(querying).hasSize(2).anySatisfy(id -> assertThat(id).startsWith("SchedulerFunction"))
                .anySatisfy(id -> assertThat(id).startsWith("RosterReconcile"));
        String cancellerPolicy = stack.resources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith("CancellerFunction")).map(e -> e.getValue().toString())
                .findFirst().orElseThrow();
        assertThat(cancellerPolicy).doesNotContain("identitystore:").contains("dynamodb:GetItem", "dynamodb:PutItem");
    }

    private static Machine patternRules() throws Exception {
        Machine machine = Machine.builder().build();
        for (Map.Entry<String, Map<String, Object>> rule : HrEventRoutingPatternTest.hrRules(stack).entrySet()) {
            machine.addRule(rule.getKey(), JSON.writeValueAsString(
                    TestStacks.Synthesized.properties(rule.getValue()).get("EventPattern")));
        }
        return machine;
    }
}
