package io.github.jmlidentity.functions.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Reads the event samples and config of the repository (events/, config/): tests use the files users see. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static Path repo() {
        return Path.of(System.getProperty("jml.repo.dir", "..")).toAbsolutePath().normalize();
    }

    public static Path events() {
        return repo().resolve("events");
    }

    public static Path accessRulesFile() {
        return repo().resolve("config/access-rules.json");
    }

    /** The stories' IAM Identity Center instance: accounts and permission sets, no groups or users. */
    public static Path storySeed() {
        return repo().resolve("functions/src/test/resources/story-seed.json");
    }

    public static byte[] event(String name) {
        return read(events().resolve(name));
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode eventJson(String name) {
        try {
            return (ObjectNode) JSON.readTree(event(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a sample with other detail values (e.g. another employee, event id or effectiveAt). */
    public static byte[] eventWith(String name, Map<String, String> detail) {
        ObjectNode root = eventJson(name);
        ObjectNode d = (ObjectNode) root.get("detail");
        detail.forEach(d::put);
        root.put("id", root.get("id").asText() + "-" + Integer.toHexString(detail.hashCode()));
        return bytes(root);
    }

    /** events/invalid/expected-reasons.json: file name to (function, expected reason). */
    public static Map<String, InvalidSample> invalidSamples() {
        try {
            JsonNode events = JSON.readTree(events().resolve("invalid/expected-reasons.json").toFile()).get("events");
            Map<String, InvalidSample> samples = new TreeMap<>();
            events.properties().forEach(e -> samples.put(e.getKey(), new InvalidSample(e.getKey(),
                    e.getValue().get("function").asText(), e.getValue().get("reason").asText())));
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record InvalidSample(String file, String function, String reason) {
        public byte[] bytes() {
            return read(events().resolve("invalid").resolve(file));
        }

        @Override
        public String toString() {
            return file;
        }
    }
}
