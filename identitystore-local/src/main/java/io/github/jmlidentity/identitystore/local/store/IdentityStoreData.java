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
 * O(log n) or better: for users and groups id-ordered maps (pagination seeks) and case-insensitive unique-name maps
 * ({@link NamedResources}), and membership maps per group, per user and per (group, user) pair. Callers hold
 * {@link #read} or {@link #write}.
 */
public final class IdentityStoreData {
    private final String identityStoreId;
    private final String idPrefix;
    private final IdStyle idStyle;
    private final ChangeListener changes;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final NamedResources users = new NamedResources(NamedResources.Type.USER);
    private final Map<String, Set<String>> userIdsByEmail = new HashMap<>();
    private final NamedResources groups = new NamedResources(NamedResources.Type.GROUP);

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
        return users.all();
    }

    public ObjectNode requireUser(String userId) {
        return users.require(userId);
    }

    public String userIdByUserName(String userName) {
        return users.idByName(userName);
    }

    public Set<String> userIdsByEmail(String email) {
        return userIdsByEmail.getOrDefault(fold(email), Set.of());
    }

    public String userIdByExternalId(String issuer, String id) {
        return users.idByExternalId(issuer, id);
    }

    /** Inserts or replaces a user; the caller has checked uniqueness. */
    public void putUser(ObjectNode user) {
        String userId = users.idOf(user);
        changes.changed(identityStoreId, ChangeListener.Kind.USER, userId, user);
        ObjectNode previous = users.put(user);
        if (previous != null) {
            unindexEmails(userId, previous);
        }
        for (String email : emails(user)) {
            userIdsByEmail.computeIfAbsent(fold(email), key -> new HashSet<>()).add(userId);
        }
    }

    /** Removes a user and, as the service does, every membership it had. */
    public void removeUser(String userId) {
        if (!users.contains(userId)) {
            return;
        }
        changes.changed(identityStoreId, ChangeListener.Kind.USER, userId, null);
        unindexEmails(userId, users.remove(userId));
        removeMemberships(membershipsByUser.get(userId));
    }

    private void unindexEmails(String userId, ObjectNode user) {
        for (String email : emails(user)) {
            Set<String> ids = userIdsByEmail.get(fold(email));
            if (ids != null) {
                ids.remove(userId);
                if (ids.isEmpty()) {
                    userIdsByEmail.remove(fold(email));
                }
            }
        }
    }

    // ---- groups

    public NavigableMap<String, ObjectNode> groups() {
        return groups.all();
    }

    public ObjectNode requireGroup(String groupId) {
        return groups.require(groupId);
    }

    public String groupIdByDisplayName(String displayName) {
        return groups.idByName(displayName);
    }

    public String groupIdByExternalId(String issuer, String id) {
        return groups.idByExternalId(issuer, id);
    }

    /** Inserts or replaces a group; the caller has checked uniqueness. */
    public void putGroup(ObjectNode group) {
        changes.changed(identityStoreId, ChangeListener.Kind.GROUP, groups.idOf(group), group);
        groups.put(group);
    }

    /** Removes a group and, as the service does, every membership it had. */
    public void removeGroup(String groupId) {
        if (!groups.contains(groupId)) {
            return;
        }
        changes.changed(identityStoreId, ChangeListener.Kind.GROUP, groupId, null);
        groups.remove(groupId);
        removeMemberships(membershipsByGroup.get(groupId));
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

    private void removeMemberships(NavigableMap<String, Membership> owned) {
        if (owned != null) {
            List.copyOf(owned.values()).forEach(this::removeMembership);
        }
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
}
