package io.github.jmlidentity.identitystore.local.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.ssoadmin.AccountAssignment;
import io.github.jmlidentity.identitystore.local.ssoadmin.SsoAdminData;
import io.github.jmlidentity.identitystore.local.store.IdentityStoreData;
import io.github.jmlidentity.identitystore.local.store.Membership;
import io.github.jmlidentity.identitystore.local.store.Stores;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The {@code --data} file: the whole state as JSON, written atomically (a temporary file, fsync'd, renamed over the
 * old one, then the directory fsync'd) so a crash while saving leaves either the old file or the new one.
 */
record DataFile(ObjectMapper mapper, Path path) {
    private static final String FORMAT = "identitystore-local/1";
    private static final String TEMPORARY_SUFFIX = ".tmp";

    DataFile {
        path = path.toAbsolutePath();
    }

    boolean exists() {
        return Files.isRegularFile(path);
    }

    /** Deletes temporary files a crash during a save left beside the data file. */
    void removeLeftovers() throws IOException {
        String prefix = path.getFileName().toString();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(path.getParent())) {
            for (Path sibling : siblings) {
                String name = sibling.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX) && Files.isRegularFile(sibling)) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    void save(Stores stores, SsoAdminData ssoAdmin) throws IOException {
        ObjectNode root = mapper.createObjectNode().put("format", FORMAT);
        ArrayNode storeNodes = root.putArray("stores");
        for (IdentityStoreData store : stores.all()) {
            storeNodes.add(store.read(() -> capture(store)));
        }
        root.set("ssoAdmin", capture(ssoAdmin));
        byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        Path parent = path.getParent();
        Path temporary = Files.createTempFile(parent, path.getFileName().toString(), TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        syncDirectory(parent);
    }

    /** Loads the file into empty {@code stores} and {@code ssoAdmin}; a problem is named with the option and the line. */
    void load(Stores stores, SsoAdminData ssoAdmin) {
        JsonNode root;
        try {
            root = mapper.readTree(path.toFile());
        } catch (JsonProcessingException malformed) {
            throw invalid("not valid JSON at line " + malformed.getLocation().getLineNr() + ": " + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw invalid("cannot read it: " + unreadable.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw invalid("not an identitystore-local data file (expected \"format\": \"" + FORMAT + "\")");
        }
        try {
            for (JsonNode storeNode : root.path("stores")) {
                IdentityStoreData store = stores.create(storeNode.path("identityStoreId").asText());
                store.write(() -> {
                    storeNode.path("users").forEach(user -> store.putUser(((ObjectNode) user).deepCopy()));
                    storeNode.path("groups").forEach(group -> store.putGroup(((ObjectNode) group).deepCopy()));
                    storeNode.path("memberships").forEach(m -> store.putMembership(Membership.fromJson(m)));
                    return null;
                });
            }
            JsonNode sso = root.path("ssoAdmin");
            sso.path("accounts").properties().forEach(e -> ssoAdmin.putAccount(e.getKey(), e.getValue().asText()));
            sso.path("permissionSets").forEach(ps -> ssoAdmin.putPermissionSet(ps.path("Name").asText(),
                    ps.hasNonNull("Description") ? ps.get("Description").asText() : null,
                    ps.path("SessionDuration").asText("PT1H"), ps.path("CreatedDate").asDouble()));
            sso.path("assignments").forEach(a -> ssoAdmin.putAssignment(new AccountAssignment(
                    a.path("AccountId").asText(), a.path("PermissionSetArn").asText(),
                    a.path("PrincipalType").asText(), a.path("PrincipalId").asText())));
            ssoAdmin.operations().restore(sso.path("assignmentOperations"));
        } catch (RuntimeException malformed) {
            throw invalid("its content does not have the data file's shape (" + malformed + ")");
        }
    }

    private IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("--data " + path + ": " + problem);
    }

    private ObjectNode capture(IdentityStoreData store) {
        ObjectNode node = mapper.createObjectNode().put("identityStoreId", store.identityStoreId());
        ArrayNode users = node.putArray("users");
        store.users().values().forEach(users::add);
        ArrayNode groups = node.putArray("groups");
        store.groups().values().forEach(groups::add);
        ArrayNode memberships = node.putArray("memberships");
        store.memberships().values().forEach(m -> memberships.add(m.toJson()));
        return node;
    }

    private ObjectNode capture(SsoAdminData ssoAdmin) {
        // Assignments and the requests that change them, as of one instant.
        return ssoAdmin.operations().frozen(() -> captureFrozen(ssoAdmin));
    }

    private ObjectNode captureFrozen(SsoAdminData ssoAdmin) {
        ObjectNode node = mapper.createObjectNode();
        ObjectNode accounts = node.putObject("accounts");
        ssoAdmin.accountNames().forEach(accounts::put);
        ArrayNode permissionSets = node.putArray("permissionSets");
        ssoAdmin.permissionSets().values().forEach(permissionSets::add);
        ArrayNode assignments = node.putArray("assignments");
        ssoAdmin.assignments().values().forEach(a -> assignments.addObject()
                .put("AccountId", a.accountId()).put("PermissionSetArn", a.permissionSetArn())
                .put("PrincipalType", a.principalType()).put("PrincipalId", a.principalId()));
        node.set("assignmentOperations", ssoAdmin.operations().saved());
        return node;
    }

    /** Makes a rename durable; not every platform can open a directory (Windows cannot), and there it is skipped. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Best effort: the data is in the file already.
        }
    }
}
