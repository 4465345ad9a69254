package io.github.jmlidentity.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;

/** The pieces of the emulator's seed file (config/local-seed.json's shape) that the scale benchmarks' seeds share. */
final class SeedJson {

    private SeedJson() {
    }

    /** What a seed writes into user {@code u}'s entry after its name and e-mail. */
    interface UserFields {
        void write(JsonGenerator json, int u) throws IOException;
    }

    /**
     * Writes "groups" (one entry per display name) and "users" (users 0 to {@code users - 1}, each opened with
     * {@link #startUser}, completed by {@code fields}, then closed) into the open seed object.
     */
    static void groupsAndUsers(JsonGenerator json, List<String> groups, int users, IntFunction<String> userName,
                               UserFields fields) throws IOException {
        json.writeArrayFieldStart("groups");
        for (String group : groups) {
            group(json, group);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("users");
        for (int u = 0; u < users; u++) {
            startUser(json, u, userName.apply(u));
            fields.write(json, u);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** One entry of "groups". */
    private static void group(JsonGenerator json, String displayName) throws IOException {
        json.writeStartObject();
        json.writeStringField("displayName", displayName);
        json.writeEndObject();
    }

    /** Opens user {@code u}'s entry of "users" with its generated name and e-mail; the caller adds the rest and closes it. */
    private static void startUser(JsonGenerator json, int u, String userName) throws IOException {
        json.writeStartObject();
        json.writeStringField("userName", userName);
        json.writeStringField("givenName", "Given" + u);
        json.writeStringField("familyName", "Family" + u);
        json.writeStringField("email", userName + "@example.com");
    }
}
