package io.github.jmlidentity.identitystore.local.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Operation;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.ssoadmin.AccountAssignment;
import io.github.jmlidentity.identitystore.local.ssoadmin.SsoAdminData;
import io.github.jmlidentity.identitystore.local.store.IdentityStoreData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A seed file: groups, users (with their groups), accounts, permission sets and assignments for demos and tests.
 * Users and groups go through the same operations as API calls, so a seed obeys the same validation; an error
 * names the seed entry, e.g. {@code users[2]}.
 * <pre>
 * { "identityStoreId": "d-1234567890", "ownerAccountId": "111111111111",
 *   "groups": [ {"displayName": "Engineering", "description": "..."} ],
 *   "users": [ {"userName": "ada", "givenName": "Ada", "familyName": "Lovelace", "displayName": "Ada Lovelace",
 *               "email": "ada@example.com", "title": "Engineer", "groups": ["Engineering"],
 *               "enterprise": {"employeeNumber": "E1"}, "externalId": {"issuer": "HR", "id": "E1"}} ],
 *   "accounts": [ {"accountId": "222222222222", "name": "production"} ],
 *   "permissionSets": [ {"name": "ReadOnly", "description": "...", "sessionDuration": "PT8H"} ],
 *   "assignments": [ {"accountId": "222222222222", "permissionSet": "ReadOnly", "group": "Engineering"} ] }
 * </pre>
 */
public final class Seed {
    private final JsonNode root;

    private Seed(JsonNode root) {
        this.root = root;
    }

    public static Seed read(ObjectMapper mapper, Path path) {
        try {
            JsonNode root = mapper.readTree(path.toFile());
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("--seed " + path + ": must hold a JSON object");
            }
            return new Seed(root);
        } catch (JsonProcessingException malformed) {
            throw new IllegalArgumentException("--seed " + path + ": not valid JSON at line "
                    + malformed.getLocation().getLineNr() + ": " + malformed.getOriginalMessage(), malformed);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("--seed " + path + ": cannot read it: " + unreadable.getMessage(), unreadable);
        }
    }

    /** The identity store id the seed asks for, or null. */
    public String identityStoreId() {
        return root.hasNonNull("identityStoreId") ? root.get("identityStoreId").asText() : null;
    }

    public String ownerAccountId() {
        return root.hasNonNull("ownerAccountId") ? root.get("ownerAccountId").asText() : null;
    }

    public void apply(ObjectMapper mapper, Map<String, Operation> operations, IdentityStoreData store, SsoAdminData ssoAdmin) {
        Map<String, String> groupIds = new HashMap<>();
        Map<String, String> userIds = new HashMap<>();
        String storeId = store.identityStoreId();
        each("groups", (group, where) -> {
            ObjectNode request = mapper.createObjectNode().put("IdentityStoreId", storeId)
                    .put("DisplayName", group.path("displayName").asText(null));
            if (group.hasNonNull("description")) {
                request.put("Description", group.get("description").asText());
            }
            groupIds.put(group.path("displayName").asText(), call(operations, "CreateGroup", request, where).get("GroupId").asText());
        });
        each("users", (user, where) -> {
            ObjectNode request = userRequest(mapper, storeId, user);
            String userId = call(operations, "CreateUser", request, where).get("UserId").asText();
            userIds.put(user.path("userName").asText(), userId);
            if (user.hasNonNull("externalId")) {
                addExternalId(store, userId, user.get("externalId"));
            }
            for (JsonNode groupName : user.path("groups")) {
                String groupId = groupIds.get(groupName.asText());
                if (groupId == null) {
                    throw new IllegalArgumentException("Seed " + where + ".groups: no group named '" + groupName.asText() + "' in the seed's groups");
                }
                ObjectNode membership = mapper.createObjectNode().put("IdentityStoreId", storeId).put("GroupId", groupId);
                membership.putObject("MemberId").put("UserId", userId);
                call(operations, "CreateGroupMembership", membership, where);
            }
        });
        each("accounts", (account, where) -> ssoAdmin.putAccount(account.path("accountId").asText(), account.path("name").asText("")));
        each("permissionSets", (ps, where) -> ssoAdmin.putPermissionSet(ps.path("name").asText(),
                ps.hasNonNull("description") ? ps.get("description").asText() : null,
                ps.path("sessionDuration").asText("PT1H"), System.currentTimeMillis() / 1000.0));
        each("assignments", (assignment, where) -> {
            String arn = ssoAdmin.permissionSetArnByName(assignment.path("permissionSet").asText());
            if (arn == null) {
                throw new IllegalArgumentException("Seed " + where + ".permissionSet: no permission set named '"
                        + assignment.path("permissionSet").asText() + "'");
            }
            boolean toGroup = assignment.hasNonNull("group");
            String principalName = toGroup ? assignment.get("group").asText() : assignment.path("user").asText();
            String principalId = toGroup ? groupIds.get(principalName) : userIds.get(principalName);
            if (principalId == null) {
                throw new IllegalArgumentException("Seed " + where + ": no " + (toGroup ? "group" : "user") + " named '" + principalName + "'");
            }
            ssoAdmin.putAssignment(new AccountAssignment(assignment.path("accountId").asText(), arn,
                    toGroup ? "GROUP" : "USER", principalId));
        });
    }

    private static ObjectNode userRequest(ObjectMapper mapper, String storeId, JsonNode user) {
        ObjectNode request = mapper.createObjectNode().put("IdentityStoreId", storeId);
        copyText(user, "userName", request, "UserName");
        String given = user.path("givenName").asText(null);
        String family = user.path("familyName").asText(null);
        ObjectNode name = request.putObject("Name");
        if (given != null) {
            name.put("GivenName", given);
        }
        if (family != null) {
            name.put("FamilyName", family);
        }
        request.put("DisplayName", user.path("displayName").asText(given + " " + family));
        if (user.hasNonNull("email")) {
            ArrayNode emails = request.putArray("Emails");
            emails.addObject().put("Value", user.get("email").asText()).put("Type", "work").put("Primary", true);
        }
        copyText(user, "title", request, "Title");
        copyText(user, "userType", request, "UserType");
        copyText(user, "locale", request, "Locale");
        copyText(user, "timezone", request, "Timezone");
        if (user.hasNonNull("enterprise")) {
            request.putObject("Extensions").set("aws:identitystore:enterprise", user.get("enterprise").deepCopy());
        }
        return request;
    }

    private static void addExternalId(IdentityStoreData store, String userId, JsonNode externalId) {
        store.write(() -> {
            ObjectNode user = store.requireUser(userId).deepCopy();
            user.putArray("ExternalIds").addObject()
                    .put("Issuer", externalId.path("issuer").asText())
                    .put("Id", externalId.path("id").asText());
            store.putUser(user);
            return null;
        });
    }

    private static void copyText(JsonNode from, String fromName, ObjectNode to, String toName) {
        if (from.hasNonNull(fromName)) {
            to.put(toName, from.get(fromName).asText());
        }
    }

    private static ObjectNode call(Map<String, Operation> operations, String operation, ObjectNode request, String where) {
        try {
            return operations.get(operation).handle(new Request(request));
        } catch (ApiError error) {
            throw new IllegalArgumentException("Seed " + where + ": " + error.type() + ": " + error.getMessage(), error);
        }
    }

    private interface EntryAction {
        void apply(JsonNode entry, String where);
    }

    private void each(String section, EntryAction action) {
        JsonNode entries = root.path(section);
        for (int i = 0; i < entries.size(); i++) {
            action.apply(entries.get(i), section + "[" + i + "]");
        }
    }
}
