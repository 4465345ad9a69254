package io.github.jmlidentity.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.cli.CliException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The scripted HR story: events in order, each with what must happen (events/demo/story.json). */
record Story(List<Step> steps, Map<String, List<String>> untouched) {

    /**
     * @param groups complete group set per user name after the step
     * @param absent user names that must not exist after the step
     */
    record Step(String title, Path event, String function, String outcome, String reasonContains,
                Map<String, List<String>> groups, List<String> absent) {
    }

    static Story load(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<Step> steps = new ArrayList<>();
            Path dir = file.toAbsolutePath().getParent();
            for (JsonNode step : root.path("steps")) {
                JsonNode expect = step.path("expect");
                steps.add(new Step(step.path("title").asText(), dir.resolve(step.path("event").asText()).normalize(),
                        expect.path("function").asText(null), expect.path("outcome").asText(),
                        expect.path("reasonContains").asText(null), groups(expect.path("groups")), strings(expect.path("absent"))));
            }
            if (steps.isEmpty()) {
                throw new CliException("Story " + file + " has no steps");
            }
            return new Story(steps, groups(root.path("untouched")));
        } catch (IOException unreadable) {
            throw new CliException("Cannot read story " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private static Map<String, List<String>> groups(JsonNode node) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        node.properties().forEach(e -> groups.put(e.getKey(), List.copyOf(new TreeSet<>(strings(e.getValue())))));
        return groups;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }
}
