package io.github.jmlidentity.cli.directory;

import java.util.Optional;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;

/** Membership writes shared by the commands that add and remove users. */
final class Memberships {
    private Memberships() {
    }

    static String add(Directory directory, String userId, String groupId, String action) {
        return SdkErrors.attempt(action, () -> directory.client().createGroupMembership(r -> r
                .identityStoreId(directory.identityStoreId()).groupId(groupId)
                .memberId(MemberId.fromUserId(userId))).membershipId());
    }

    static Optional<String> find(Directory directory, String userId, String groupId, String action) {
        return SdkErrors.attempt(action, () -> {
            try {
                return Optional.of(directory.client().getGroupMembershipId(r -> r.identityStoreId(directory.identityStoreId())
                        .groupId(groupId).memberId(MemberId.fromUserId(userId))).membershipId());
            } catch (ResourceNotFoundException notAMember) {
                return Optional.<String>empty();
            }
        });
    }

    static void remove(Directory directory, String membershipId, String action) {
        SdkErrors.attempt(action, () -> directory.client().deleteGroupMembership(r -> r
                .identityStoreId(directory.identityStoreId()).membershipId(membershipId)));
    }
}
