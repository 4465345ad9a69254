package io.github.jmlidentity.cli.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.User;

/**
 * Resolves ids from membership listings to users and groups. A few ids: one Describe call each. Many: one pass
 * over the paginated listing (100 per call), stopping as soon as every id is found, so the calls grow with
 * pages, not with members.
 */
final class Names {
    /** Up to this many ids, per-item Describe calls cost no more than a listing of a small directory. */
    static final int DESCRIBE_EACH_LIMIT = 10;

    private Names() {
    }

    static Map<String, String> ofGroups(Directory directory, Collection<String> groupIds) {
        return resolve(groupIds, groupId -> SdkErrors.attempt("describe group " + groupId, () -> directory.client()
                .describeGroup(r -> r.identityStoreId(directory.identityStoreId()).groupId(groupId)).displayName()),
                directory::groups, Group::groupId, Group::displayName);
    }

    /** The groups {@code userId} belongs to, in the listing's order: group id to display name (null when not found). */
    static Map<String, String> groupsOf(Directory directory, String userId) {
        List<String> groupIds = directory.membershipsOf(userId).map(m -> m.groupId()).toList();
        Map<String, String> names = ofGroups(directory, groupIds);
        Map<String, String> groups = new LinkedHashMap<>();
        groupIds.forEach(groupId -> groups.put(groupId, names.get(groupId)));
        return groups;
    }

    static Map<String, User> ofUsers(Directory directory, Collection<String> userIds) {
        return resolve(userIds, userId -> {
            var described = SdkErrors.attempt("describe user " + userId, () -> directory.client()
                    .describeUser(r -> r.identityStoreId(directory.identityStoreId()).userId(userId)));
            return User.builder().userId(userId).userName(described.userName())
                    .displayName(described.displayName()).emails(described.emails()).build();
        }, directory::users, User::userId, Function.identity());
    }

    /**
     * Few ids: {@code describe} each. Many: one pass over {@code listing}, stopping once every id is found.
     *
     * @param idOf an item's id, {@code valueOf} what is kept of it
     */
    private static <T, V> Map<String, V> resolve(Collection<String> ids, Function<String, V> describe,
            Supplier<Stream<T>> listing, Function<T, String> idOf, Function<T, V> valueOf) {
        Map<String, V> values = new HashMap<>();
        if (ids.size() <= DESCRIBE_EACH_LIMIT) {
            for (String id : ids) {
                values.put(id, describe.apply(id));
            }
            return values;
        }
        Set<String> wanted = new HashSet<>(ids);
        Iterator<T> all = listing.get().iterator();
        while (!wanted.isEmpty() && all.hasNext()) {
            T item = all.next();
            if (wanted.remove(idOf.apply(item))) {
                values.put(idOf.apply(item), valueOf.apply(item));
            }
        }
        return values;
    }
}
