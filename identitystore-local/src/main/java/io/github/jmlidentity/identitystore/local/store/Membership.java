package io.github.jmlidentity.identitystore.local.store;

/** A user's membership of a group; timestamps in epoch seconds as the JSON protocol carries them. */
public record Membership(String membershipId, String groupId, String userId, double createdAt) {
}
