package io.github.jmlidentity.cli.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
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
        Map<String, String> names = new HashMap<>();
        if (groupIds.size() <= DESCRIBE_EACH_LIMIT) {
            for (String groupId : groupIds) {
                names.put(groupId, SdkErrors.attempt("describe group " + groupId, () -> directory.client()
                        .describeGroup(r -> r.identityStoreId(directory.identityStoreId()).groupId(groupId)).displayName()));
            }
            return names;
        }
        Set<String> wanted = new HashSet<>(groupIds);
        Iterator<Group> groups = directory.groups().iterator();
        while (!wanted.isEmpty() && groups.hasNext()) {
            Group group = groups.next();
            if (wanted.remove(group.groupId())) {
                names.put(group.groupId(), group.displayName());
            }
        }
        return names;
    }

    static Map<String, User> ofUsers(Directory directory, Collection<String> userIds) {
        Map<String, User> users = new HashMap<>();
        if (userIds.size() <= DESCRIBE_EACH_LIMIT) {
            for (String userId : userIds) {
                var described = SdkErrors.attempt("describe user " + userId, () -> directory.client()
                        .describeUser(r -> r.identityStoreId(directory.identityStoreId()).userId(userId)));
                users.put(userId, User.builder().userId(userId).userName(described.userName())
                        .displayName(described.displayName()).emails(described.emails()).build());
            }
            return users;
        }
        Set<String> wanted = new HashSet<>(userIds);
        Iterator<User> all = directory.users().iterator();
        while (!wanted.isEmpty() && all.hasNext()) {
            User user = all.next();
            if (wanted.remove(user.userId())) {
                users.put(user.userId(), user);
            }
        }
        return users;
    }
}
