package io.github.jmlidentity.identitystore.local.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The users, or the groups, of one store: by id in id order (pagination seeks), by their unique name ignoring case,
 * and by external id. Not thread-safe: the store's lock guards it, and its caller has checked uniqueness.
 */
final class NamedResources {
    /** Users or groups: the ResourceType a ResourceNotFoundException names, and the members with id and unique name. */
    enum Type {
        USER("UserId", "UserName"),
        GROUP("GroupId", "DisplayName");

        private final String idMember;
        private final String nameMember;

        Type(String idMember, String nameMember) {
            this.idMember = idMember;
            this.nameMember = nameMember;
        }
    }

    private final Type type;
    private final NavigableMap<String, ObjectNode> byId = new TreeMap<>();
    private final Map<String, String> idByName = new HashMap<>();
    private final Map<String, String> idByExternalId = new HashMap<>();

    NamedResources(Type type) {
        this.type = type;
    }

    NavigableMap<String, ObjectNode> all() {
        return Collections.unmodifiableNavigableMap(byId);
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    ObjectNode require(String id) {
        ObjectNode resource = byId.get(id);
        if (resource == null) {
            throw ApiError.notFound(type.name(), id);
        }
        return resource;
    }

    String idByName(String name) {
        return idByName.get(IdentityStoreData.fold(name));
    }

    String idByExternalId(String issuer, String id) {
        return idByExternalId.get(externalKey(issuer, id));
    }

    String idOf(ObjectNode resource) {
        return resource.get(type.idMember).asText();
    }

    /** Inserts or replaces a resource; returns the one it replaced, or null. */
    ObjectNode put(ObjectNode resource) {
        String id = idOf(resource);
        ObjectNode previous = byId.put(id, resource);
        if (previous != null) {
            unindex(id, previous);
        }
        idByName.put(IdentityStoreData.fold(resource.get(type.nameMember).asText()), id);
        forEachExternalId(resource, key -> idByExternalId.put(key, id));
        return previous;
    }

    /** Removes a resource; returns it, or null when there was none. */
    ObjectNode remove(String id) {
        ObjectNode removed = byId.remove(id);
        if (removed != null) {
            unindex(id, removed);
        }
        return removed;
    }

    private void unindex(String id, ObjectNode resource) {
        idByName.remove(IdentityStoreData.fold(resource.get(type.nameMember).asText()), id);
        forEachExternalId(resource, key -> idByExternalId.remove(key, id));
    }

    private static void forEachExternalId(ObjectNode resource, Consumer<String> action) {
        JsonNode externalIds = resource.get("ExternalIds");
        if (externalIds != null && externalIds.isArray()) {
            externalIds.forEach(ext -> action.accept(externalKey(ext.path("Issuer").asText(), ext.path("Id").asText())));
        }
    }

    private static String externalKey(String issuer, String id) {
        return issuer + '\u0000' + id;
    }
}
