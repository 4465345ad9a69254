package io.github.jmlidentity.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A directory and an HR roster at reconcile scale. {@code users} users, each numbered (employeeNumber) and in 4
 * groups: jml-all-staff, its department's jml-dept-NNN (granted by a rule on the department), and two of the
 * unmanaged teams; {@code departments} managed department groups and {@code teams} unmanaged ones. The roster
 * matches the directory except for 1% drift, in five kinds (every index below is a user):
 * <ul>
 * <li>absent from the roster (u % 500 == 1): LEAVE</li>
 * <li>terminated in the roster (u % 1000 == 3): LEAVE</li>
 * <li>a new title (u % 1000 in 5, 7, 9): MOVE, one UpdateUser</li>
 * <li>another department (u % 500 == 11): MOVE, UpdateUser and one group swapped</li>
 * <li>{@code users / 500} new employees: JOIN</li>
 * </ul>
 */
record ReconcileScale(int users, int departments, int teams) implements SeedSize {

    static final String ALL_STAFF = "jml-all-staff";

    enum Drift { NONE, ABSENT, TERMINATED, TITLE, DEPARTMENT }

    public int groups() {
        return 1 + departments + teams;
    }

    public long memberships() {
        return 4L * users;
    }

    int joiners() {
        return users / 500;
    }

    Drift drift(int u) {
        if (u % 500 == 1) {
            return Drift.ABSENT;
        }
        if (u % 1000 == 3) {
            return Drift.TERMINATED;
        }
        int m = u % 1000;
        if (m == 5 || m == 7 || m == 9) {
            return Drift.TITLE;
        }
        if (u % 500 == 11) {
            return Drift.DEPARTMENT;
        }
        return Drift.NONE;
    }

    Map<Drift, Integer> driftCounts() {
        Map<Drift, Integer> counts = new TreeMap<>();
        for (int u = 0; u < users; u++) {
            counts.merge(drift(u), 1, Integer::sum);
        }
        return counts;
    }

    String userName(int u) {
        return String.format("user%05d", u);
    }

    String employeeId(int u) {
        return String.format("E%05d", u);
    }

    int department(int u) {
        return u % departments;
    }

    static String department(int d, boolean group) {
        return group ? String.format("jml-dept-%03d", d) : String.format("Dept %03d", d);
    }

    String team(int t) {
        return String.format("team-%04d", t);
    }

    /** Members of each managed group, for the fewest ListGroupMemberships pages. */
    Map<String, Integer> managedMembers() {
        Map<String, Integer> members = new TreeMap<>();
        members.put(ALL_STAFF, users);
        for (int u = 0; u < users; u++) {
            members.merge(department(department(u), true), 1, Integer::sum);
        }
        return members;
    }

    void writeSeed(Path file) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            List<String> groups = new ArrayList<>();
            groups.add(ALL_STAFF);
            for (int d = 0; d < departments; d++) {
                groups.add(department(d, true));
            }
            for (int t = 0; t < teams; t++) {
                groups.add(team(t));
            }
            json.writeStartObject();
            SeedJson.groupsAndUsers(json, groups, users, this::userName, (user, u) -> {
                user.writeObjectFieldStart("enterprise");
                user.writeStringField("employeeNumber", employeeId(u));
                user.writeStringField("department", department(department(u), false));
                user.writeEndObject();
                user.writeArrayFieldStart("groups");
                user.writeString(ALL_STAFF);
                user.writeString(department(department(u), true));
                user.writeString(team(u % teams));
                user.writeString(team((u + teams / 2) % teams));
                user.writeEndArray();
            });
            json.writeEndObject();
        }
    }

    void writeRules(Path file) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("defaultGroups");
            json.writeString(ALL_STAFF);
            json.writeEndArray();
            json.writeObjectFieldStart("managedGroups");
            json.writeStringField("prefix", "jml-");
            json.writeEndObject();
            json.writeArrayFieldStart("rules");
            for (int d = 0; d < departments; d++) {
                json.writeStartObject();
                json.writeStringField("name", "dept-" + d);
                json.writeObjectFieldStart("match");
                json.writeObjectFieldStart("department");
                json.writeStringField("equals", department(d, false));
                json.writeEndObject();
                json.writeEndObject();
                json.writeArrayFieldStart("groups");
                json.writeString(department(d, true));
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("protectedUsers");
            json.writeEndArray();
            json.writeStringField("missingGroupPolicy", "fail");
            json.writeStringField("leaverPolicy", "delete");
            // The directory's calls only: removing a leaver's direct account assignments (sso-admin) is the
            // leaver's step, measured by api-calls.
            json.writeStringField("directAssignments", "keep");
            json.writeObjectFieldStart("massDeletionGuard");
            json.writeNumberField("maxLeaversPerHour", 25);
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    void writeRoster(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("employeeId,userName,givenName,familyName,email,title,department,status\n");
            for (int u = 0; u < users; u++) {
                Drift drift = drift(u);
                if (drift == Drift.ABSENT) {
                    continue;
                }
                int d = drift == Drift.DEPARTMENT ? (department(u) + 1) % departments : department(u);
                out.write(String.join(",", employeeId(u), userName(u), "Given" + u, "Family" + u,
                        userName(u) + "@example.com", drift == Drift.TITLE ? "Senior Engineer" : "",
                        department(d, false), drift == Drift.TERMINATED ? "terminated" : "") + "\n");
            }
            for (int j = 0; j < joiners(); j++) {
                int u = 900_000 + j;
                out.write(String.join(",", String.format("E%06d", u), "user" + u, "Given" + u, "Family" + u,
                        "user" + u + "@example.com", "", department(j % departments, false), "") + "\n");
            }
        }
    }
}
