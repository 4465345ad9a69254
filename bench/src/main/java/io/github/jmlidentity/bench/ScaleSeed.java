package io.github.jmlidentity.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A seed file for Identity Store Local at report scale: every user in "all-staff" plus {@code perUser - 1} of the
 * other groups, spread evenly; a few permission sets and accounts, assigned to all-staff and to the first groups,
 * and to {@code directUsers} users directly (spread over the users). Written with a streaming generator (tens of MB).
 */
record ScaleSeed(int users, int groups, int perUser, int accounts, int permissionSets, int assignedGroups,
                 int directUsers) implements SeedSize {

    static final String ALL_STAFF = "group-0000-all-staff";

    /** One account assignment of the seed; {@code group} false: to a user directly. */
    record Assignment(int account, int permissionSet, boolean group, int principal) {
        String accountId() {
            return String.format("2%011d", account);
        }
    }

    String userName(int index) {
        return String.format("user%05d", index);
    }

    String groupName(int index) {
        return index == 0 ? ALL_STAFF : String.format("group-%04d", index);
    }

    /** The group indexes of user {@code u}: 0, then perUser-1 distinct others. */
    int[] groupsOf(int u) {
        int others = groups - 1;
        int[] result = new int[perUser];
        int stride = others / perUser;
        for (int j = 1; j < perUser; j++) {
            result[j] = 1 + (u + j * stride) % others;
        }
        return result;
    }

    public long memberships() {
        return (long) users * perUser;
    }

    /** Members per group index, for the minimum number of pages. */
    Map<Integer, Integer> membersPerGroup() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int g = 0; g < groups; g++) {
            counts.put(g, 0);
        }
        for (int u = 0; u < users; u++) {
            for (int g : groupsOf(u)) {
                counts.merge(g, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Every account assignment: all-staff on every account, one per assigned group, one per direct user. */
    List<Assignment> assignments() {
        List<Assignment> all = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            all.add(new Assignment(a, 0, true, 0));
        }
        for (int g = 1; g <= assignedGroups; g++) {
            all.add(new Assignment(g % accounts, g % permissionSets, true, g));
        }
        for (int k = 0; k < directUsers; k++) {
            all.add(new Assignment(k % accounts, k % permissionSets, false, k * (users / directUsers)));
        }
        return all;
    }

    void write(Path file) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            SeedJson.groupsAndUsers(json, IntStream.range(0, groups).mapToObj(this::groupName).toList(), users,
                    this::userName, (user, u) -> {
                        user.writeArrayFieldStart("groups");
                        for (int g : groupsOf(u)) {
                            user.writeString(groupName(g));
                        }
                        user.writeEndArray();
                    });
            json.writeArrayFieldStart("accounts");
            for (int a = 0; a < accounts; a++) {
                json.writeStartObject();
                json.writeStringField("accountId", String.format("2%011d", a));
                json.writeStringField("name", "account-" + a);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("permissionSets");
            for (int p = 0; p < permissionSets; p++) {
                json.writeStartObject();
                json.writeStringField("name", "PermissionSet" + p);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("assignments");
            for (Assignment assignment : assignments()) {
                json.writeStartObject();
                json.writeStringField("accountId", assignment.accountId());
                json.writeStringField("permissionSet", "PermissionSet" + assignment.permissionSet());
                if (assignment.group()) {
                    json.writeStringField("group", groupName(assignment.principal()));
                } else {
                    json.writeStringField("user", userName(assignment.principal()));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
