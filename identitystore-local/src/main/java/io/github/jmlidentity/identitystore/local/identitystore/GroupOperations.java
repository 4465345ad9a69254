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
import java.util.List;

/** CreateGroup, DescribeGroup, UpdateGroup, DeleteGroup, ListGroups and GetGroupId. */
final class GroupOperations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GroupOperations() {
    }

    static ObjectNode createGroup(IdentityStoreData store, Request request) {
        String displayName = request.requiredString("DisplayName", StringConstraint.GROUP_DISPLAY_NAME);
        String description = request.optionalString("Description", StringConstraint.SENSITIVE);
        return store.write(() -> {
            requireUniqueDisplayName(store, displayName, null);
            String groupId = store.newResourceId();
            double now = Stores.now();
            ObjectNode group = NODES.objectNode().put("GroupId", groupId).put("DisplayName", displayName);
            if (description != null) {
                group.put("Description", description);
            }
            group.put("CreatedAt", now).put("UpdatedAt", now);
            store.putGroup(group);
            return NODES.objectNode().put("GroupId", groupId).put("IdentityStoreId", store.identityStoreId());
        });
    }

    static ObjectNode describeGroup(IdentityStoreData store, Request request) {
        String groupId = request.requiredString("GroupId", StringConstraint.RESOURCE_ID);
        return store.read(() -> render(store, store.requireGroup(groupId)));
    }

    static ObjectNode updateGroup(IdentityStoreData store, Request request) {
        String groupId = request.requiredString("GroupId", StringConstraint.RESOURCE_ID);
        List<AttributeOperations.Change> changes = AttributeOperations.read(request);
        return store.write(() -> {
            ObjectNode updated = store.requireGroup(groupId).deepCopy();
            for (AttributeOperations.Change change : changes) {
                applyChange(updated, change);
            }
            requireUniqueDisplayName(store, updated.get("DisplayName").asText(), groupId);
            updated.put("UpdatedAt", Stores.now());
            store.putGroup(updated);
            return NODES.objectNode();
        });
    }

    private static void applyChange(ObjectNode group, AttributeOperations.Change change) {
        JsonNode value = change.value() == null || change.value().isNull() ? null : change.value();
        String label = "operations.member.attributeValue";
        if (change.path().equalsIgnoreCase("displayName")) {
            if (value == null || !value.isTextual()) {
                throw ApiError.invalidMember(label, "displayName must be a non-null string");
            }
            group.put("DisplayName", StringConstraint.GROUP_DISPLAY_NAME.check("displayName", value.asText()));
        } else if (change.path().equalsIgnoreCase("description")) {
            if (value == null) {
                group.remove("Description");
            } else if (!value.isTextual()) {
                throw ApiError.invalidMember(label, "description must be a string");
            } else {
                group.put("Description", StringConstraint.SENSITIVE.check("description", value.asText()));
            }
        } else {
            throw ApiError.invalidMember("attributePath", "Unsupported attribute path '" + change.path()
                    + "'; groups support displayName and description");
        }
    }

    static ObjectNode deleteGroup(IdentityStoreData store, Request request) {
        String groupId = request.requiredString("GroupId", StringConstraint.RESOURCE_ID);
        return store.write(() -> {
            store.requireGroup(groupId);
            store.removeGroup(groupId);
            return NODES.objectNode();
        });
    }

    static ObjectNode listGroups(IdentityStoreData store, Request request) {
        String displayNameFilter = ListFilters.read(request, "DisplayName");
        return store.read(() -> {
            if (displayNameFilter != null) {
                String groupId = store.groupIdByDisplayName(displayNameFilter);
                return Pages.single("Groups", groupId == null ? null : render(store, store.requireGroup(groupId)));
            }
            return Pages.page(request, StringConstraint.NEXT_TOKEN, "ListGroups", store.identityStoreId(),
                    store.groups(), "Groups", group -> render(store, group));
        });
    }

    static ObjectNode getGroupId(IdentityStoreData store, Request request) {
        AlternateIdentifiers.Identifier identifier = AlternateIdentifiers.read(request);
        return store.read(() -> {
            String groupId;
            if (identifier.isExternal()) {
                groupId = store.groupIdByExternalId(identifier.issuer(), identifier.externalId());
            } else if (identifier.attributePath().equalsIgnoreCase("displayName")) {
                groupId = store.groupIdByDisplayName(identifier.attributeValue());
            } else {
                throw ApiError.invalidMember("alternateIdentifier.uniqueAttribute.attributePath",
                        "Member must be displayName");
            }
            if (groupId == null) {
                throw ApiError.notFound("GROUP", null);
            }
            return NODES.objectNode().put("GroupId", groupId).put("IdentityStoreId", store.identityStoreId());
        });
    }

    private static void requireUniqueDisplayName(IdentityStoreData store, String displayName, String exceptGroupId) {
        String existing = store.groupIdByDisplayName(displayName);
        if (existing != null && !existing.equals(exceptGroupId)) {
            throw ApiError.uniqueness("Duplicate GroupDisplayName");
        }
    }

    private static ObjectNode render(IdentityStoreData store, ObjectNode group) {
        ObjectNode rendered = NODES.objectNode().put("IdentityStoreId", store.identityStoreId());
        rendered.setAll(group.deepCopy());
        return rendered;
    }
}
