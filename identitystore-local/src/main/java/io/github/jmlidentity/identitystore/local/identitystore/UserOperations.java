package io.github.jmlidentity.identitystore.local.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Pages;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;
import io.github.jmlidentity.identitystore.local.store.IdentityStoreData;
import io.github.jmlidentity.identitystore.local.store.Stores;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CreateUser, DescribeUser, UpdateUser, DeleteUser, ListUsers and GetUserId. */
final class UserOperations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Members the service maintains itself; a client's update never touches them. */
    private static final List<String> SYSTEM_MEMBERS = List.of("UserId", "ExternalIds", "UserStatus", "CreatedAt", "UpdatedAt");

    private UserOperations() {
    }

    static ObjectNode createUser(IdentityStoreData store, Request request) {
        ObjectNode user = UserProfile.validated(request.body());
        return store.write(() -> {
            requireUniqueUserName(store, user.get("UserName").asText(), null);
            String userId = store.newResourceId();
            double now = Stores.now();
            user.put("UserId", userId);
            user.put("UserStatus", "ENABLED");
            user.put("CreatedAt", now);
            user.put("UpdatedAt", now);
            store.putUser(user);
            return NODES.objectNode().put("IdentityStoreId", store.identityStoreId()).put("UserId", userId);
        });
    }

    static ObjectNode describeUser(IdentityStoreData store, Request request) {
        String userId = request.requiredString("UserId", StringConstraint.RESOURCE_ID);
        Set<String> extensions = extensionNames(request);
        return store.read(() -> render(store, store.requireUser(userId), extensions));
    }

    static ObjectNode updateUser(IdentityStoreData store, Request request) {
        String userId = request.requiredString("UserId", StringConstraint.RESOURCE_ID);
        List<AttributeOperations.Change> changes = AttributeOperations.read(request);
        return store.write(() -> {
            ObjectNode current = store.requireUser(userId);
            ObjectNode profile = current.deepCopy();
            SYSTEM_MEMBERS.forEach(profile::remove);
            changes.forEach(change -> UserProfile.apply(profile, change.path(), change.value()));
            ObjectNode updated = UserProfile.validated(profile);
            requireUniqueUserName(store, updated.get("UserName").asText(), userId);
            for (String member : SYSTEM_MEMBERS) {
                if (current.has(member)) {
                    updated.set(member, current.get(member));
                }
            }
            updated.put("UpdatedAt", Stores.now());
            store.putUser(updated);
            return NODES.objectNode();
        });
    }

    static ObjectNode deleteUser(IdentityStoreData store, Request request) {
        String userId = request.requiredString("UserId", StringConstraint.RESOURCE_ID);
        return store.write(() -> {
            store.requireUser(userId);
            store.removeUser(userId);
            return NODES.objectNode();
        });
    }

    static ObjectNode listUsers(IdentityStoreData store, Request request) {
        Set<String> extensions = extensionNames(request);
        String userNameFilter = ListFilters.read(request, "UserName");
        return store.read(() -> {
            if (userNameFilter != null) {
                String userId = store.userIdByUserName(userNameFilter);
                return Pages.single("Users",
                        userId == null ? null : render(store, store.requireUser(userId), extensions));
            }
            return Pages.page(request, StringConstraint.NEXT_TOKEN, "ListUsers", store.identityStoreId(),
                    store.users(), "Users", user -> render(store, user, extensions));
        });
    }

    static ObjectNode getUserId(IdentityStoreData store, Request request) {
        AlternateIdentifiers.Identifier identifier = AlternateIdentifiers.read(request);
        return store.read(() -> {
            String userId;
            if (identifier.isExternal()) {
                userId = store.userIdByExternalId(identifier.issuer(), identifier.externalId());
            } else if (identifier.attributePath().equalsIgnoreCase("userName")) {
                userId = store.userIdByUserName(identifier.attributeValue());
            } else if (identifier.attributePath().equalsIgnoreCase("emails.value")) {
                Set<String> ids = store.userIdsByEmail(identifier.attributeValue());
                if (ids.size() > 1) {
                    throw ApiError.validation("More than one user has emails.value '" + identifier.attributeValue()
                            + "': the attribute does not identify a single user.");
                }
                userId = ids.isEmpty() ? null : ids.iterator().next();
            } else {
                throw ApiError.invalidMember("alternateIdentifier.uniqueAttribute.attributePath",
                        "Member must be one of userName, emails.value");
            }
            if (userId == null) {
                throw ApiError.notFound("USER", null);
            }
            return NODES.objectNode().put("IdentityStoreId", store.identityStoreId()).put("UserId", userId);
        });
    }

    private static void requireUniqueUserName(IdentityStoreData store, String userName, String exceptUserId) {
        String existing = store.userIdByUserName(userName);
        if (existing != null && !existing.equals(exceptUserId)) {
            throw ApiError.uniqueness("Duplicate UserName");
        }
    }

    /** Extensions are returned only when the request names them. */
    private static Set<String> extensionNames(Request request) {
        JsonNode names = request.member("Extensions");
        if (names == null) {
            return Set.of();
        }
        if (!names.isArray() || names.isEmpty() || names.size() > 10) {
            throw ApiError.invalidMember("extensions", "Member must be a list of 1 to 10 extension names");
        }
        return new HashSet<>(StringConstraint.EXTENSION_NAME.checkEach("extensions", names));
    }

    private static ObjectNode render(IdentityStoreData store, ObjectNode user, Set<String> extensions) {
        ObjectNode rendered = NODES.objectNode().put("IdentityStoreId", store.identityStoreId());
        rendered.setAll(user);
        JsonNode stored = user.get("Extensions");
        rendered.remove("Extensions");
        if (stored != null && !extensions.isEmpty()) {
            ObjectNode requested = NODES.objectNode();
            extensions.forEach(name -> {
                if (stored.has(name)) {
                    requested.set(name, stored.get(name).deepCopy());
                }
            });
            if (!requested.isEmpty()) {
                rendered.set("Extensions", requested);
            }
        }
        // Nested values are shared with the store: copy them so a caller cannot change stored state.
        return rendered.deepCopy();
    }
}
