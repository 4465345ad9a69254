package io.github.jmlidentity.functions.domain;

/** A group membership in the Identity Store; groupName is the group's display name. */
public record Membership(String membershipId, String groupId, String groupName) {

    /** The group's name for the audit trail, or its id when the group was deleted meanwhile (no name). */
    public String label() {
        return groupName != null ? groupName : groupId;
    }
}
