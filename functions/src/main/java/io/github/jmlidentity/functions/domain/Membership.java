package io.github.jmlidentity.functions.domain;

/** A group membership in the Identity Store; groupName is the group's display name. */
public record Membership(String membershipId, String groupId, String groupName) {
}
