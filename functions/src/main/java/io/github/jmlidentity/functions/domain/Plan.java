package io.github.jmlidentity.functions.domain;

import java.util.List;

/**
 * What an event changes in the directory, computed before any write (and all that DRY_RUN logs).
 *
 * @param userId              the existing user, or null when the plan creates one
 * @param createProfile       non-null when the plan creates the user with this profile
 * @param attributeChanges    UpdateUser operations for an existing user (one call)
 * @param groupsToAdd         group display names to add the user to
 * @param membershipsToRemove memberships to delete
 * @param membershipsBefore   the memberships found before the change (recorded for leavers)
 * @param deleteUser          whether the user is deleted
 * @param assignmentsToRemove account assignments made to the user directly, removed before the user is deleted or
 *                            suspended (leavers under directAssignments: remove)
 */
public record Plan(
        String userId,
        UserProfile createProfile,
        List<AttributeChange> attributeChanges,
        List<String> groupsToAdd,
        List<Membership> membershipsToRemove,
        List<Membership> membershipsBefore,
        boolean deleteUser,
        List<DirectAssignment> assignmentsToRemove) {

    /** A plan that touches no account assignment. */
    public Plan(String userId, UserProfile createProfile, List<AttributeChange> attributeChanges,
                List<String> groupsToAdd, List<Membership> membershipsToRemove, List<Membership> membershipsBefore,
                boolean deleteUser) {
        this(userId, createProfile, attributeChanges, groupsToAdd, membershipsToRemove, membershipsBefore, deleteUser,
                List.of());
    }

    public Plan {
        assignmentsToRemove = List.copyOf(assignmentsToRemove);
        attributeChanges = List.copyOf(attributeChanges);
        groupsToAdd = List.copyOf(groupsToAdd);
        membershipsToRemove = List.copyOf(membershipsToRemove);
        membershipsBefore = List.copyOf(membershipsBefore);
    }

    public boolean createsUser() {
        return createProfile != null;
    }

    public boolean isEmpty() {
        return !createsUser() && attributeChanges.isEmpty() && groupsToAdd.isEmpty()
                && membershipsToRemove.isEmpty() && !deleteUser && assignmentsToRemove.isEmpty();
    }

    /** The names of the attributes changed, for the audit record (all set attributes when the user is created). */
    public List<String> attributesChanged() {
        if (createsUser()) {
            return createProfile.values().keySet().stream().map(UserAttribute::path).toList();
        }
        return attributeChanges.stream().map(c -> c.attribute().path()).toList();
    }

    public List<String> groupsRemoved() {
        return membershipsToRemove.stream().map(Membership::groupName).toList();
    }
}
