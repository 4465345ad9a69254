package io.github.jmlidentity.functions.support;

import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.User;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The emulator's final state as the SDK reads it (ids left out so that two runs compare): per user name, the
 * attributes the functions own and the sorted group names. Read through the real client, all pages.
 */
public record DirectoryState(Map<String, UserView> users) {

    public record UserView(String displayName, String title, String userType, String email,
                           String enterprise, List<String> groups) {
    }

    public static DirectoryState read(IdentitystoreClient client, String storeId) {
        Map<String, String> groupNames = new TreeMap<>();
        client.listGroupsPaginator(r -> r.identityStoreId(storeId).maxResults(100)).groups()
                .forEach((Group g) -> groupNames.put(g.groupId(), g.displayName()));
        Map<String, UserView> users = new TreeMap<>();
        for (User u : client.listUsersPaginator(r -> r.identityStoreId(storeId).maxResults(100)
                .extensions("aws:identitystore:enterprise")).users()) {
            List<String> groups = client.listGroupMembershipsForMemberPaginator(r -> r.identityStoreId(storeId)
                            .memberId(MemberId.fromUserId(u.userId())).maxResults(100)).groupMemberships().stream()
                    .map(m -> groupNames.get(m.groupId())).sorted().toList();
            String email = u.hasEmails() && !u.emails().isEmpty() ? u.emails().get(0).value() : null;
            String enterprise = u.hasExtensions() ? String.valueOf(u.extensions().get("aws:identitystore:enterprise")) : null;
            users.put(u.userName(), new UserView(u.displayName(), u.title(), u.userType(), email, enterprise, groups));
        }
        return new DirectoryState(users);
    }

    public UserView user(String userName) {
        return users.get(userName);
    }
}
