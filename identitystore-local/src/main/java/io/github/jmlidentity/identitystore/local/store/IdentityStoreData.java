package io.github.jmlidentity.identitystore.local.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.IdStyle;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The users, groups and memberships of one identity store, with the indexes that keep every operation at
 * O(log n) or better: id-ordered maps (pagination seeks), case-insensitive unique-name maps, and membership
 * maps per group, per user and per (group, user) pair. Callers hold {@link #read} or {@link #write}.
 */
public final class IdentityStoreData {
    private final String identityStoreId;
    private final String idPrefix;
    private final IdStyle idStyle;
    private final ChangeListener changes;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final NavigableMap<String, ObjectNode> users = new TreeMap<>();
    private final Map<String, String> userIdByUserName = new HashMap<>();
    private final Map<String, Set<String>> userIdsByEmail = new HashMap<>();
    private final Map<String, String> userIdByExternalId = new HashMap<>();

    private final NavigableMap<String, ObjectNode> groups = new TreeMap<>();
    private final Map<String, String> groupIdByDisplayName = new HashMap<>();
    private final Map<String, String> groupIdByExternalId = new HashMap<>();

    private final NavigableMap<String, Membership> memberships = new TreeMap<>();
    private final Map<String, NavigableMap<String, Membership>> membershipsByGroup = new HashMap<>();
    private final Map<String, NavigableMap<String, Membership>> membershipsByUser = new HashMap<>();
    private final Map<String, String> membershipIdByPair = new HashMap<>();

    public IdentityStoreData(String identityStoreId, IdStyle idStyle, ChangeListener changes) {
        this.identityStoreId = identityStoreId;
        this.idStyle = idStyle;
        this.changes = changes;
        // Real user/group ids carry ten hex digits tied to the store before a UUID.
        String hex = identityStoreId.startsWith("d-") ? identityStoreId.substring(2) : identityStoreId.replace("-", "");
        this.idPrefix = (hex + "0000000000").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    public String identityStoreId() {
        return identityStoreId;
    }

    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public String newResourceId() {
        return idStyle.newId(idPrefix);
    }

    // ---- users

    public NavigableMap<String, ObjectNode> users() {
        return Collections.unmodifiableNavigableMap(users);
    }

    public ObjectNode requireUser(String userId) {
        ObjectNode user = users.get(userId);
        if (user == null) {
            throw ApiError.notFound("USER", userId);
        }
        return user;
    }

    public String userIdByUserName(String userName) {
        return userIdByUserName.get(fold(userName));
    }

    public Set<String> userIdsByEmail(String email) {
        return userIdsByEmail.getOrDefault(fold(email), Set.of());
    }

    public String userIdByExternalId(String issuer, String id) {
        return userIdByExternalId.get(externalKey(issuer, id));
    }

    /** Inserts or replaces a user; the caller has checked uniqueness. */
    public void putUser(ObjectNode user) {
        String userId = user.get("UserId").asText();
        changes.changed(identityStoreId, ChangeListener.Kind.USER, userId, user);
        ObjectNode previous = users.put(userId, user);
        if (previous != null) {
            unindexUser(previous);
        }
        userIdByUserName.put(fold(user.get("UserName").asText()), userId);
        for (String email : emails(user)) {
            userIdsByEmail.computeIfAbsent(fold(email), key -> new HashSet<>()).add(userId);
        }
        forEachExternalId(user, key -> userIdByExternalId.put(key, userId));
    }

    /** Removes a user and, as the service does, every membership it had. */
    public void removeUser(String userId) {
        if (!users.containsKey(userId)) {
            return;
        }
        changes.changed(identityStoreId, ChangeListener.Kind.USER, userId, null);
        ObjectNode user = users.remove(userId);
        unindexUser(user);
        NavigableMap<String, Membership> own = membershipsByUser.get(userId);
        if (own != null) {
            List.copyOf(own.values()).forEach(this::removeMembership);
        }
    }

    private void unindexUser(ObjectNode user) {
        String userId = user.get("UserId").asText();
        userIdByUserName.remove(fold(user.get("UserName").asText()), userId);
        for (String email : emails(user)) {
            Set<String> ids = userIdsByEmail.get(fold(email));
            if (ids != null) {
                ids.remove(userId);
                if (ids.isEmpty()) {
                    userIdsByEmail.remove(fold(email));
                }
            }
        }
        forEachExternalId(user, key -> userIdByExternalId.remove(key, userId));
    }

    // ---- groups

    public NavigableMap<String, ObjectNode> groups() {
        return Collections.unmodifiableNavigableMap(groups);
    }

    public ObjectNode requireGroup(String groupId) {
        ObjectNode group = groups.get(groupId);
        if (group == null) {
            throw ApiError.notFound("GROUP", groupId);
        }
        return group;
    }

    public String groupIdByDisplayName(String displayName) {
        return groupIdByDisplayName.get(fold(displayName));
    }

    public String groupIdByExternalId(String issuer, String id) {
        return groupIdByExternalId.get(externalKey(issuer, id));
    }

    public void putGroup(ObjectNode group) {
        String groupId = group.get("GroupId").asText();
        changes.changed(identityStoreId, ChangeListener.Kind.GROUP, groupId, group);
        ObjectNode previous = groups.put(groupId, group);
        if (previous != null) {
            groupIdByDisplayName.remove(fold(previous.get("DisplayName").asText()), groupId);
            forEachExternalId(previous, key -> groupIdByExternalId.remove(key, groupId));
        }
        groupIdByDisplayName.put(fold(group.get("DisplayName").asText()), groupId);
        forEachExternalId(group, key -> groupIdByExternalId.put(key, groupId));
    }

    public void removeGroup(String groupId) {
        if (!groups.containsKey(groupId)) {
            return;
        }
        changes.changed(identityStoreId, ChangeListener.Kind.GROUP, groupId, null);
        ObjectNode group = groups.remove(groupId);
        groupIdByDisplayName.remove(fold(group.get("DisplayName").asText()), groupId);
        forEachExternalId(group, key -> groupIdByExternalId.remove(key, groupId));
        NavigableMap<String, Membership> members = membershipsByGroup.get(groupId);
        if (members != null) {
            List.copyOf(members.values()).forEach(this::removeMembership);
        }
    }

    // ---- memberships

    public NavigableMap<String, Membership> memberships() {
        return Collections.unmodifiableNavigableMap(memberships);
    }

    public Membership requireMembership(String membershipId) {
        Membership membership = memberships.get(membershipId);
        if (membership == null) {
            throw ApiError.notFound("GROUP_MEMBERSHIP", membershipId);
        }
        return membership;
    }

    public String membershipId(String groupId, String userId) {
        return membershipIdByPair.get(pairKey(groupId, userId));
    }

    public NavigableMap<String, Membership> membershipsOfGroup(String groupId) {
        return membershipsByGroup.getOrDefault(groupId, Collections.emptyNavigableMap());
    }

    public NavigableMap<String, Membership> membershipsOfUser(String userId) {
        return membershipsByUser.getOrDefault(userId, Collections.emptyNavigableMap());
    }

    public void putMembership(Membership membership) {
        if (changes.isListening()) {
            // Rendered only for a listener: a seed of 100,000 memberships pays nothing without --data.
            changes.changed(identityStoreId, ChangeListener.Kind.MEMBERSHIP, membership.membershipId(), membership.toJson());
        }
        memberships.put(membership.membershipId(), membership);
        membershipsByGroup.computeIfAbsent(membership.groupId(), key -> new TreeMap<>())
                .put(membership.membershipId(), membership);
        membershipsByUser.computeIfAbsent(membership.userId(), key -> new TreeMap<>())
                .put(membership.membershipId(), membership);
        membershipIdByPair.put(pairKey(membership.groupId(), membership.userId()), membership.membershipId());
    }

    public void removeMembership(Membership membership) {
        if (!memberships.containsKey(membership.membershipId())) {
            return;
        }
        changes.changed(identityStoreId, ChangeListener.Kind.MEMBERSHIP, membership.membershipId(), null);
        memberships.remove(membership.membershipId());
        removeFromIndex(membershipsByGroup, membership.groupId(), membership.membershipId());
        removeFromIndex(membershipsByUser, membership.userId(), membership.membershipId());
        membershipIdByPair.remove(pairKey(membership.groupId(), membership.userId()));
    }

    private static void removeFromIndex(Map<String, NavigableMap<String, Membership>> index, String key, String membershipId) {
        NavigableMap<String, Membership> entries = index.get(key);
        if (entries != null) {
            entries.remove(membershipId);
            if (entries.isEmpty()) {
                index.remove(key);
            }
        }
    }

    // ---- helpers

    /** Uniqueness in the Identity Store is case-insensitive. */
    public static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static String pairKey(String groupId, String userId) {
        return groupId + '/' + userId;
    }

    private static String externalKey(String issuer, String id) {
        return issuer + '\u0000' + id;
    }

    private static List<String> emails(ObjectNode user) {
        JsonNode emails = user.get("Emails");
        if (emails == null || !emails.isArray()) {
            return List.of();
        }
        java.util.ArrayList<String> values = new java.util.ArrayList<>();
        emails.forEach(email -> {
            JsonNode value = email.get("Value");
            if (value != null && value.isTextual()) {
                values.add(value.asText());
            }
        });
        return values;
    }

    private static void forEachExternalId(ObjectNode resource, java.util.function.Consumer<String> action) {
        JsonNode externalIds = resource.get("ExternalIds");
        if (externalIds != null && externalIds.isArray()) {
            externalIds.forEach(ext -> action.accept(externalKey(ext.path("Issuer").asText(), ext.path("Id").asText())));
        }
    }
}
