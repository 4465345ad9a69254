package io.github.jmlidentity.identitystore.local.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A seed file of generated groups and users, for tests at scale: user i is {@code userName(i)} (given name Given,
 * family name Family i, email {@code userName(i)@example.com}), a member of {@code groupsOf(i)}. Permission sets and
 * assignments go in {@link #root()} before the seed is written.
 */
public final class GeneratedSeed {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();

    public GeneratedSeed groups(int count, IntFunction<String> displayName) {
        ArrayNode groups = root.putArray("groups");
        for (int g = 0; g < count; g++) {
            groups.addObject().put("displayName", displayName.apply(g));
        }
        return this;
    }

    public GeneratedSeed users(int count, IntFunction<String> userName, IntFunction<List<String>> groupsOf) {
        ArrayNode users = root.putArray("users");
        for (int i = 0; i < count; i++) {
            String name = userName.apply(i);
            ArrayNode memberOf = users.addObject().put("userName", name).put("givenName", "Given")
                    .put("familyName", "Family" + i).put("email", name + "@example.com").putArray("groups");
            groupsOf.apply(i).forEach(memberOf::add);
        }
        return this;
    }

    /** The seed's JSON, for what is not generated here. */
    public ObjectNode root() {
        return root;
    }

    /** @return {@code seed} */
    public Path writeTo(Path seed) throws IOException {
        return Files.write(seed, JSON.writeValueAsBytes(root));
    }
}
