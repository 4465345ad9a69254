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

import io.github.jmlidentity.contract.LifecycleStage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.event.ruler.Machine;

/**
 * The rules' event patterns, taken from the synthesized template and evaluated with event-ruler (the
 * matching engine EventBridge uses): every sample in events/ reaches exactly its own function, and
 * anything else on the bus reaches none.
 */
class HrEventRoutingPatternTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = TestStacks.REPO_ROOT.resolve("events");

    /** rule name → handler of the function its target alias points at, for the default stack. */
    private static Map<String, String> handlerByRule;
    private static Machine defaults;
    private static Machine variant;

    @BeforeAll
    static void loadPatterns() throws Exception {
        handlerByRule = handlersByRule(TestStacks.defaults());
        defaults = machine(TestStacks.defaults());
        variant = machine(TestStacks.variant());
    }

    /** The HR samples: every events/*.json (not the invalid/ or schemas/ subdirectories). */
    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void the_four_contract_samples_exist() {
        assertThat(EVENTS.resolve("joiner.json")).isRegularFile();
        assertThat(EVENTS.resolve("mover.json")).isRegularFile();
        assertThat(EVENTS.resolve("leaver.json")).isRegularFile();
        assertThat(EVENTS.resolve("rehire.json")).isRegularFile();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void each_sample_routes_to_exactly_its_own_function(Path sample) throws Exception {
        ObjectNode event = envelope(sample);
        List<String> rules = defaults.rulesForJSONEvent(JSON.writeValueAsString(event));
        assertThat(rules).as("rules matching %s", sample.getFileName()).hasSize(1);
        assertThat(handlerByRule.get(rules.get(0))).isEqualTo(expectedHandler(sample, event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void the_same_event_from_a_foreign_source_routes_nowhere(Path sample) throws Exception {
        assertRoutesNowhereWithEach(sample, "source", List.of("com.example.crm", "com.example.hr.test", "COM.EXAMPLE.HR",
                "aws.events", ""));
    }

    /** The sample with {@code field} set to each of {@code values} in turn matches no rule. */
    private void assertRoutesNowhereWithEach(Path sample, String field, List<String> values) throws Exception {
        for (String value : values) {
            ObjectNode event = envelope(sample).put(field, value);
            assertThat(defaults.rulesForJSONEvent(JSON.writeValueAsString(event))).as("%s %s", field, value).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void the_same_event_with_another_detail_type_routes_nowhere(Path sample) throws Exception {
        assertRoutesNowhereWithEach(sample, "detail-type", List.of("Employee Promoted", "employee joined",
                "Employee Joined ", "EmployeeLeft", ""));
        ObjectNode withoutDetailType = envelope(sample);
        withoutDetailType.remove("detail-type");
        assertThat(defaults.rulesForJSONEvent(JSON.writeValueAsString(withoutDetailType))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void a_stack_with_another_hr_source_ignores_the_default_source_and_routes_its_own(Path sample) throws Exception {
        ObjectNode event = envelope(sample);
        assertThat(variant.rulesForJSONEvent(JSON.writeValueAsString(event))).isEmpty();
        event.put("source", "com.acme.workday");
        assertThat(variant.rulesForJSONEvent(JSON.writeValueAsString(event))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Employee Joined", "Employee Moved", "Employee Left", "Employee Change Cancelled"})
    void each_detail_type_has_exactly_one_rule(String detailType) throws Exception {
        String event = JSON.writeValueAsString(Map.of("version", "0", "id", "1", "source", "com.example.hr",
                "detail-type", detailType, "account", "123456789012", "time", "2026-01-01T00:00:00Z",
                "region", "us-east-1", "resources", List.of(), "detail", Map.of()));
        List<String> rules = defaults.rulesForJSONEvent(event);
        assertThat(rules).hasSize(1);
        assertThat(handlerByRule.get(rules.get(0))).isEqualTo(TestStacks.handlerFor(detailType));
    }

    /**
     * `jml demo` routes with events/routing/patterns.json: it must hold exactly the patterns this app deploys,
     * each paired with the function its rule targets.
     */
    @Test
    @SuppressWarnings("unchecked")
    void the_demo_routes_with_exactly_the_deployed_patterns() throws Exception {
        var documented = JSON.readTree(EVENTS.resolve("routing/patterns.json").toFile()).get("rules");
        Map<String, Object> deployed = new java.util.HashMap<>();
        hrRules(TestStacks.defaults()).forEach((ruleId, rule) -> deployed.put(
                handlerByRule.get(ruleId), TestStacks.Synthesized.properties(rule).get("EventPattern")));
        assertThat(documented).hasSize(deployed.size());
        for (var rule : documented) {
            String pattern = JSON.writeValueAsString(rule.get("eventPattern")).replace("HR_SOURCE", "com.example.hr");
            assertThat(JSON.readTree(pattern)).as("pattern of %s", rule.get("function").asText())
                    .isEqualTo(JSON.valueToTree(deployed.get(
                            TestStacks.handlerOfFunction(rule.get("function").asText()))));
        }
    }

    /** The handler a sample must reach: by file name for the contract samples, else by its detail-type. */
    private static String expectedHandler(Path sample, ObjectNode event) {
        String name = sample.getFileName().toString();
        if (name.startsWith("rehire")) {
            return LifecycleStage.JOINER.handler();
        }
        for (LifecycleStage stage : LifecycleStage.values()) {
            if (name.startsWith(stage.functionName())) {
                return stage.handler();
            }
        }
        return TestStacks.handlerFor(event.path("detail-type").asText());
    }

    /**
     * The event as EventBridge matches it. Samples are envelopes as Lambda receives them; a PutEvents
     * entry (Source/DetailType/Detail) is converted, so either form of sample is checked.
     */
    private static ObjectNode envelope(Path sample) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(sample.toFile());
        if (node.has("Source") || node.has("DetailType")) {
            ObjectNode envelope = JSON.createObjectNode();
            envelope.put("version", "0").put("id", "00000000-0000-0000-0000-000000000000")
                    .put("detail-type", node.path("DetailType").asText())
                    .put("source", node.path("Source").asText())
                    .put("account", "123456789012").put("time", "2026-01-01T00:00:00Z").put("region", "us-east-1");
            envelope.putArray("resources");
            envelope.set("detail", JSON.readTree(node.path("Detail").asText("{}")));
            return envelope;
        }
        return node;
    }

    /**
     * The rules that match HR events: on the HR bus, with a pattern (the scheduler's schedule rule has none; the roster
     * drop rule and the reconcile's schedule, on the default bus, are RosterReconcileTest's).
     */
    static Map<String, Map<String, Object>> hrRules(TestStacks.Synthesized stack) {
        Map<String, Map<String, Object>> rules = new java.util.LinkedHashMap<>();
        stack.resources("AWS::Events::Rule").forEach((id, rule) -> {
            Map<String, Object> properties = TestStacks.Synthesized.properties(rule);
            if (properties.containsKey("EventPattern") && properties.containsKey("EventBusName")) {
                rules.put(id, rule);
            }
        });
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static Machine machine(TestStacks.Synthesized stack) throws Exception {
        Machine machine = Machine.builder().build();
        for (Map.Entry<String, Map<String, Object>> rule : hrRules(stack).entrySet()) {
            Object pattern = TestStacks.Synthesized.properties(rule.getValue()).get("EventPattern");
            machine.addRule(rule.getKey(), JSON.writeValueAsString(pattern));
        }
        return machine;
    }

    /**
     * Follows each rule's target to its function's Handler, all in the template: alias → function for the HR rules
     * and the scheduler's schedule, the function itself for the reconcile's rules (roster drop, schedule).
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> handlersByRule(TestStacks.Synthesized stack) {
        Map<String, String> handlers = new java.util.HashMap<>();
        stack.resources("AWS::Events::Rule").forEach((ruleId, rule) -> {
            List<Map<String, Object>> targets = (List<Map<String, Object>>) TestStacks.Synthesized.properties(rule).get("Targets");
            assertThat(targets).hasSize(1);
            Map<String, Object> arn = (Map<String, Object>) targets.get(0).get("Arn");
            String functionId;
            if (arn.containsKey("Ref")) {
                Map<String, Object> alias = stack.resource((String) arn.get("Ref"));
                assertThat(alias.get("Type")).isEqualTo("AWS::Lambda::Alias");
                functionId = (String) ((Map<String, Object>) TestStacks.Synthesized.properties(alias).get("FunctionName")).get("Ref");
            } else {
                functionId = (String) ((List<Object>) arn.get("Fn::GetAtt")).get(0);
            }
            assertThat(stack.resource(functionId).get("Type")).isEqualTo("AWS::Lambda::Function");
            handlers.put(ruleId, (String) TestStacks.Synthesized.properties(stack.resource(functionId)).get("Handler"));
        });
        return handlers;
    }
}
