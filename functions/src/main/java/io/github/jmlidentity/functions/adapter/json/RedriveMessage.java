package io.github.jmlidentity.functions.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The two message shapes of the processing failure queue (README, Redrive), read back to the event they carry, so
 * that an operator can hand a message body to `jml invoke` as it is:
 * <ul>
 * <li>a {@link PermanentFailureMessage}: {@code {"source":"jml-identity", ..., "event": <the envelope>}};</li>
 * <li>a Lambda on-failure destination record (after Lambda's retries):
 * {@code {"requestContext": ..., "requestPayload": <the envelope>, "responseContext": ..., "responsePayload": ...}}.</li>
 * </ul>
 * Anything else, an EventBridge envelope above all, is not a redrive message.
 */
public final class RedriveMessage {

    /** An SQS message body is at most 256 KiB. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param envelope the event the message carries (the original bytes when it was kept as text)
     * @param shape    which message it was read from, for the operator
     */
    public record Unwrapped(byte[] envelope, String shape) {
    }

    private RedriveMessage() {
    }

    /** The event inside {@code raw} when it is one of the failure queue's messages; empty otherwise. */
    public static Optional<Unwrapped> unwrap(byte[] raw) {
        JsonNode root = parse(raw);
        if (root == null || !root.isObject() || root.has("detail-type")) {
            return Optional.empty();
        }
        if (PermanentFailureMessage.SOURCE.equals(root.path("source").asText(null)) && root.has("event")) {
            return Optional.of(new Unwrapped(bytes(root.get("event")), "failure-queue message ("
                    + root.path("outcome").asText("?") + " " + root.path("errorType").asText("?") + ")"));
        }
        if (root.has("requestPayload") && root.has("requestContext")) {
            return Optional.of(new Unwrapped(bytes(root.get("requestPayload")), "Lambda on-failure destination record ("
                    + root.path("requestContext").path("condition").asText("?") + ")"));
        }
        return Optional.empty();
    }

    private static JsonNode parse(byte[] raw) {
        if (raw.length > MAX_MESSAGE_BYTES) {
            return null;
        }
        try {
            return JSON.readTree(raw);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** An envelope kept as JSON is written back as JSON; one kept as text (it was not JSON) is its text. */
    private static byte[] bytes(JsonNode event) {
        if (event == null || event.isNull()) {
            return new byte[0];
        }
        if (event.isTextual()) {
            return event.asText().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree is always serialisable", e);
        }
    }
}
