package io.github.jmlidentity.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The pieces of the emulator's seed file (config/local-seed.json's shape) that the scale benchmarks' seeds share. */
final class SeedJson {

    private SeedJson() {
    }

    /** One entry of "groups". */
    static void group(JsonGenerator json, String displayName) throws IOException {
        json.writeStartObject();
        json.writeStringField("displayName", displayName);
        json.writeEndObject();
    }

    /** Opens user {@code u}'s entry of "users" with its generated name and e-mail; the caller adds the rest and closes it. */
    static void startUser(JsonGenerator json, int u, String userName) throws IOException {
        json.writeStartObject();
        json.writeStringField("userName", userName);
        json.writeStringField("givenName", "Given" + u);
        json.writeStringField("familyName", "Family" + u);
        json.writeStringField("email", userName + "@example.com");
    }
}
