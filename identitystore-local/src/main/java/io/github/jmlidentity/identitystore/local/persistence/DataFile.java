package io.github.jmlidentity.identitystore.local.persistence;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code --data} file: the whole state as JSON, written atomically (temporary file, then rename) so a crash
 * while saving never leaves half a file behind.
 */
public final class DataFile {
    private static final String FORMAT = "identitystore-local/1";

    private final ObjectMapper mapper;
    private final Path path;

    public DataFile(ObjectMapper mapper, Path path) {
        this.mapper = mapper;
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    public void save(Stores stores, SsoAdminData ssoAdmin) throws IOException {
        ObjectNode root = mapper.createObjectNode().put("format", FORMAT);
        ArrayNode storeNodes = root.putArray("stores");
        for (IdentityStoreData store : stores.all()) {
            storeNodes.add(store.read(() -> capture(store)));
        }
        root.set("ssoAdmin", capture(ssoAdmin));
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
        mapper.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Loads the file into empty {@code stores} and {@code ssoAdmin}. */
    public void load(Stores stores, SsoAdminData ssoAdmin) throws IOException {
        JsonNode root = mapper.readTree(path.toFile());
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(path + " is not an identitystore-local data file (expected \"format\": \"" + FORMAT + "\")");
        }
        for (JsonNode storeNode : root.path("stores")) {
            IdentityStoreData store = stores.create(storeNode.path("identityStoreId").asText());
            store.write(() -> {
                storeNode.path("users").forEach(user -> store.putUser(((ObjectNode) user).deepCopy()));
                storeNode.path("groups").forEach(group -> store.putGroup(((ObjectNode) group).deepCopy()));
                storeNode.path("memberships").forEach(m -> store.putMembership(new Membership(
                        m.path("MembershipId").asText(), m.path("GroupId").asText(), m.path("UserId").asText(),
                        m.path("CreatedAt").asDouble())));
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
    }

    private ObjectNode capture(IdentityStoreData store) {
        ObjectNode node = mapper.createObjectNode().put("identityStoreId", store.identityStoreId());
        ArrayNode users = node.putArray("users");
        store.users().values().forEach(users::add);
        ArrayNode groups = node.putArray("groups");
        store.groups().values().forEach(groups::add);
        ArrayNode memberships = node.putArray("memberships");
        store.memberships().values().forEach(m -> memberships.addObject()
                .put("MembershipId", m.membershipId()).put("GroupId", m.groupId())
                .put("UserId", m.userId()).put("CreatedAt", m.createdAt()));
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
}
