package io.github.jmlidentity.cli.demo;

import io.github.jmlidentity.identitystore.local.store.IdentityStoreData;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** What the demo checks after each step, read straight from the emulator so checks cost no API calls. */
final class DirectoryView {
    private final IdentityStoreData data;

    DirectoryView(IdentityStoreData data) {
        this.data = data;
    }

    /** The user's groups, sorted; empty when the user does not exist. */
    Optional<List<String>> groupsOf(String userName) {
        return data.read(() -> {
            String userId = data.userIdByUserName(userName);
            if (userId == null) {
                return Optional.empty();
            }
            TreeSet<String> names = new TreeSet<>();
            data.membershipsOfUser(userId).values()
                    .forEach(m -> names.add(data.groups().get(m.groupId()).get("DisplayName").asText()));
            return Optional.of(List.copyOf(names));
        });
    }

    int users() {
        return data.read(() -> data.users().size());
    }

    int groups() {
        return data.read(() -> data.groups().size());
    }
}
