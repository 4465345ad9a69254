package io.github.jmlidentity.functions.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An audit record as auditors read it (the JSON line), with accessors for assertions. */
public record Audit(JsonNode json, boolean threw) {

    public String outcome() {
        return json.path("outcome").asText();
    }

    public String errorType() {
        return json.path("errorType").asText(null);
    }

    public String reason() {
        return json.path("reason").asText(null);
    }

    public String userId() {
        return json.path("userId").asText(null);
    }

    public boolean retryable() {
        return json.path("retryable").asBoolean();
    }

    public List<String> list(String field) {
        List<String> values = new ArrayList<>();
        json.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }

    public Map<String, Long> apiCalls() {
        Map<String, Long> calls = new TreeMap<>();
        json.path("apiCalls").properties().forEach(e -> calls.put(e.getKey(), e.getValue().asLong()));
        return calls;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
