package io.github.jmlidentity.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.cli.CliException;
import io.github.jmlidentity.functions.domain.EventKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.event.ruler.Machine;

/**
 * Routes envelopes the way the deployed EventBridge rules do: the patterns come from
 * events/routing/patterns.json (an infra test keeps that file equal to the synthesized rules) and are matched by
 * event-ruler, EventBridge's matching engine.
 */
final class EventRouter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Machine machine;

    private EventRouter(Machine machine) {
        this.machine = machine;
    }

    static EventRouter load(Path patterns, String hrSource) {
        try {
            JsonNode rules = JSON.readTree(patterns.toFile()).path("rules");
            if (!rules.isArray() || rules.isEmpty()) {
                throw new CliException(patterns + ": expected a non-empty \"rules\" array");
            }
            Machine machine = Machine.builder().build();
            for (JsonNode rule : rules) {
                String function = rule.path("function").asText();
                if (EventKind.fromFunctionName(function).isEmpty()) {
                    throw new CliException(patterns + ": unknown function '" + function
                            + "' (joiner, mover, leaver or canceller)");
                }
                machine.addRule(function, JSON.writeValueAsString(rule.get("eventPattern")).replace("HR_SOURCE", hrSource));
            }
            return new EventRouter(machine);
        } catch (IOException unreadable) {
            throw new CliException("Cannot read routing patterns " + patterns + ": " + unreadable.getMessage(), unreadable);
        }
    }

    /** The function whose rule matches, or empty when no rule does (EventBridge would deliver it nowhere). */
    Optional<String> route(byte[] envelope) {
        try {
            List<String> matches = machine.rulesForJSONEvent(new String(envelope, java.nio.charset.StandardCharsets.UTF_8));
            return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
        } catch (Exception notAnEvent) {
            // Not JSON at all: EventBridge never accepts such a PutEvents entry, so no rule ever sees it.
            return Optional.empty();
        }
    }
}
