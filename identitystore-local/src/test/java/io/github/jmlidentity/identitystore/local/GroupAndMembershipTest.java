package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.identitystore.model.ValidationException;

/** Group and membership rules of the real Identity Store, through the real SDK client. */
class GroupAndMembershipTest extends SdkAgainstEmulatorTest {

    @Test
    void groupDisplayNamesAreUniqueIgnoringCase() {
        given.group("Engineering");
        assertUniquenessConflict(() -> given.group("ENGINEERING"));
        String other = given.group("Finance");
        assertThatThrownBy(() -> client.updateGroup(r -> r.identityStoreId(storeId).groupId(other).operations(
                AttributeOperation.builder().attributePath("displayName").attributeValue(Document.fromString("engineering")).build())))
                .isInstanceOf(ConflictException.class);
        assertThat(IDENTITY_STORE.server().data().groups()).hasSize(2);
    }

    @Test
    void aSecondMembershipOfTheSameUserInTheSameGroupIsAConflict() {
        String groupId = given.group("Team");
        String userId = given.user("member");
        given.membership(groupId, userId);
        assertUniquenessConflict(() -> given.membership(groupId, userId));
        assertThat(IDENTITY_STORE.server().data().memberships()).hasSize(1);
    }

    @Test
    void membershipsNeedAnExistingGroupAndUser() {
        String groupId = given.group("Team");
        String userId = given.user("member");
        String missing = "1234567890-00000000-0000-0000-0000-000000000000";
        assertThatThrownBy(() -> given.membership(missing, userId))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.resourceType()).isEqualTo(ResourceType.GROUP);
                    assertThat(e.resourceId()).isEqualTo(missing);
                });
        assertThatThrownBy(() -> given.membership(groupId, missing))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo(ResourceType.USER));
        assertThatThrownBy(() -> client.getGroupMembershipId(r -> r.identityStoreId(storeId).groupId(groupId)
                .memberId(MemberId.fromUserId(userId))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo(ResourceType.GROUP_MEMBERSHIP));
    }

    /** As in the service, deleting a group or a user deletes the memberships it had, and no others. */
    @Test
    void deletingAGroupOrAUserDeletesItsMembershipsOnly() {
        String doomed = given.group("Doomed");
        String kept = given.group("Kept");
        String leaver = given.user("leaver");
        String stayer = given.user("stayer");
        given.membership(doomed, leaver);
        given.membership(kept, leaver);
        given.membership(kept, stayer);

        client.deleteGroup(r -> r.identityStoreId(storeId).groupId(doomed));
        assertThat(client.listGroupMembershipsForMember(r -> r.identityStoreId(storeId)
                .memberId(MemberId.fromUserId(leaver))).groupMemberships())
                .extracting(m -> m.groupId()).containsExactly(kept);
        assertThat(IDENTITY_STORE.server().data().memberships()).hasSize(2);

        client.deleteUser(r -> r.identityStoreId(storeId).userId(leaver));
        assertThat(client.listGroupMemberships(r -> r.identityStoreId(storeId).groupId(kept)).groupMemberships())
                .extracting(m -> m.memberId().userId()).containsExactly(stayer);
        assertThat(IDENTITY_STORE.server().data().memberships()).hasSize(1);
        assertThatThrownBy(() -> client.deleteUser(r -> r.identityStoreId(storeId).userId(leaver)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo(ResourceType.USER));
    }

    @Test
    void groupNamesHaveLimitsThatNameTheField() {
        assertThatThrownBy(() -> given.group("g".repeat(1025)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'displayName'").hasMessageContaining("1024");
        assertThatThrownBy(() -> client.createGroup(r -> r.identityStoreId(storeId)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'displayName'");
    }

    @Test
    void isMemberInGroupsTakesAtMostOneHundredGroupIds() {
        String userId = given.user("member");
        java.util.List<String> ids = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> String.format("1234567890-00000000-0000-0000-0000-%012d", i)).toList();
        assertThatThrownBy(() -> client.isMemberInGroups(r -> r.identityStoreId(storeId)
                .memberId(MemberId.fromUserId(userId)).groupIds(ids)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("groupIds");
        assertThat(client.isMemberInGroups(r -> r.identityStoreId(storeId).memberId(MemberId.fromUserId(userId))
                .groupIds(ids.subList(0, 100))).results()).hasSize(100).noneMatch(r -> r.membershipExists());
    }
}
