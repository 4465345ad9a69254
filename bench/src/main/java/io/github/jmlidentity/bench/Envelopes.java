package io.github.jmlidentity.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Sample envelopes from events/, and distinct employees made from them (same shape, same groups). */
public final class Envelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode template;

    public Envelopes(Path sample) {
        try {
            this.template = (ObjectNode) JSON.readTree(sample.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sample, e);
        }
    }

    public static byte[] read(Path sample) {
        return new Envelopes(sample).with(Map.of());
    }

    /** The sample with these detail fields replaced. */
    public byte[] with(Map<String, String> detail) {
        ObjectNode copy = template.deepCopy();
        ObjectNode d = (ObjectNode) copy.get("detail");
        detail.forEach(d::put);
        if (detail.containsKey("eventId")) {
            copy.put("id", "bench-" + detail.get("eventId"));
        }
        try {
            return JSON.writeValueAsBytes(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as employee number {@code n} of a run: its own employeeId, userName, email and eventId. */
    public byte[] employee(String run, int n) {
        String id = run + "-" + n;
        return with(Map.of("employeeId", "E-" + id, "userName", "user." + id, "email", "user." + id + "@example.com",
                "eventId", "evt-" + id));
    }
}
