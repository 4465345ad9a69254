package io.github.jmlidentity.functions.domain.reconcile;

import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.Membership;

import java.util.List;
import java.util.Map;

/**
 * The directory as one paged pass read it: every user (with the enterprise extension) and the memberships of the
 * managed groups (the only ones a plan adds or removes), by user id.
 */
public record DirectorySnapshot(List<DirectoryUser> users, Map<String, List<Membership>> managedMemberships) {

    public DirectorySnapshot {
        users = List.copyOf(users);
        managedMemberships = Map.copyOf(managedMemberships);
    }

    public List<Membership> membershipsOf(String userId) {
        return managedMemberships.getOrDefault(userId, List.of());
    }
}
