package io.github.jmlidentity.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.cli.CliException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The scripted HR story: events in order, each with what must happen (events/demo/story.json), told at a time that
 * steps may move on, when the scheduler runs to apply the changes that came due.
 *
 * @param now when the story starts (null: the real clock)
 */
record Story(Instant now, List<Step> steps, Map<String, List<String>> untouched) {

    /**
     * @param now      the story's time from this step on, or null to keep it
     * @param event    the event delivered, or null for a step that runs the scheduler
     * @param outcomes for a scheduler step: the outcomes of the changes it applies, in order
     * @param groups   complete group set per user name after the step
     * @param absent   user names that must not exist after the step
     */
    record Step(String title, Instant now, Path event, String function, String outcome, String reasonContains,
                List<String> outcomes, Map<String, List<String>> groups, List<String> absent) {

        boolean runsDue() {
            return event == null;
        }
    }

    static Story load(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<Step> steps = new ArrayList<>();
            Path dir = file.toAbsolutePath().getParent();
            for (JsonNode step : root.path("steps")) {
                JsonNode expect = step.path("expect");
                boolean runDue = step.path("runDue").asBoolean(false);
                steps.add(new Step(step.path("title").asText(), instant(step.path("now"), file),
                        runDue ? null : dir.resolve(step.path("event").asText()).normalize(),
                        expect.path("function").asText(null), expect.path("outcome").asText(null),
                        expect.path("reasonContains").asText(null), strings(expect.path("outcomes")),
                        groups(expect.path("groups")), strings(expect.path("absent"))));
            }
            if (steps.isEmpty()) {
                throw new CliException("Story " + file + " has no steps");
            }
            return new Story(instant(root.path("now"), file), steps, groups(root.path("untouched")));
        } catch (IOException unreadable) {
            throw new CliException("Cannot read story " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private static Instant instant(JsonNode node, Path file) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(node.asText()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new CliException("Story " + file + ": now '" + node.asText() + "' is not an RFC 3339 time", e);
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
