package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.IdentitystoreRequest;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;

/**
 * Every operation of the SDK's IdentitystoreClient, enumerated from the client interface so that an operation
 * added to the SDK fails this test until the emulator serves it.
 */
class EveryOperationTest extends SdkAgainstEmulatorTest {


    @Test
    void everyClientOperationIsServedAndBehaves() {
        Map<String, Runnable> exercises = new LinkedHashMap<>();
        exercises.put("CreateUser", () -> {
            String userId = given.user("create.user");
            assertThat(userId).matches("[0-9a-f]{10}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        });
        exercises.put("DescribeUser", () -> {
            String userId = given.user("describe.user");
            DescribeUserResponse user = client.describeUser(r -> r.identityStoreId(storeId).userId(userId));
            assertThat(user.userName()).isEqualTo("describe.user");
            assertThat(user.emails()).singleElement().satisfies(e -> assertThat(e.value()).isEqualTo("describe.user@example.com"));
            assertThat(user.createdAt()).isNotNull();
            assertThat(user.updatedAt()).isNotNull();
        });
        exercises.put("UpdateUser", () -> {
            String userId = given.user("update.user");
            client.updateUser(r -> r.identityStoreId(storeId).userId(userId).operations(
                    AttributeOperation.builder().attributePath("title").attributeValue(Document.fromString("Engineer")).build()));
            assertThat(client.describeUser(r -> r.identityStoreId(storeId).userId(userId)).title()).isEqualTo("Engineer");
        });
        exercises.put("DeleteUser", () -> {
            String userId = given.user("delete.user");
            client.deleteUser(r -> r.identityStoreId(storeId).userId(userId));
            assertThatThrownBy(() -> client.describeUser(r -> r.identityStoreId(storeId).userId(userId)))
                    .isInstanceOf(ResourceNotFoundException.class);
        });
        exercises.put("ListUsers", () -> {
            given.user("list.user");
            assertThat(client.listUsers(r -> r.identityStoreId(storeId)).users())
                    .extracting(u -> u.userName()).contains("list.user");
        });
        exercises.put("GetUserId", () -> {
            String userId = given.user("get.user.id");
            assertThat(client.getUserId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                    u -> u.attributePath("userName").attributeValue(Document.fromString("get.user.id"))))).userId())
                    .isEqualTo(userId);
        });
        exercises.put("CreateGroup", () -> assertThat(given.group("Create Group")).isNotBlank());
        exercises.put("DescribeGroup", () -> {
            String groupId = given.group("Describe Group");
            assertThat(client.describeGroup(r -> r.identityStoreId(storeId).groupId(groupId)).displayName())
                    .isEqualTo("Describe Group");
        });
        exercises.put("UpdateGroup", () -> {
            String groupId = given.group("Update Group");
            client.updateGroup(r -> r.identityStoreId(storeId).groupId(groupId).operations(AttributeOperation.builder()
                    .attributePath("description").attributeValue(Document.fromString("now described")).build()));
            assertThat(client.describeGroup(r -> r.identityStoreId(storeId).groupId(groupId)).description())
                    .isEqualTo("now described");
        });
        exercises.put("DeleteGroup", () -> {
            String groupId = given.group("Delete Group");
            client.deleteGroup(r -> r.identityStoreId(storeId).groupId(groupId));
            assertThatThrownBy(() -> client.describeGroup(r -> r.identityStoreId(storeId).groupId(groupId)))
                    .isInstanceOf(ResourceNotFoundException.class);
        });
        exercises.put("ListGroups", () -> {
            given.group("List Group");
            assertThat(client.listGroups(r -> r.identityStoreId(storeId)).groups())
                    .extracting(g -> g.displayName()).contains("List Group");
        });
        exercises.put("GetGroupId", () -> {
            String groupId = given.group("Get Group Id");
            assertThat(client.getGroupId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                    u -> u.attributePath("displayName").attributeValue(Document.fromString("get group id"))))).groupId())
                    .as("displayName lookup is case-insensitive").isEqualTo(groupId);
        });
        exercises.put("CreateGroupMembership", () -> {
            String membershipId = given.membership(given.group("Membership Group"), given.user("member.user"));
            assertThat(membershipId).isNotBlank();
        });
        exercises.put("DescribeGroupMembership", () -> {
            String groupId = given.group("Describe Membership");
            String userId = given.user("describe.membership");
            String membershipId = given.membership(groupId, userId);
            var membership = client.describeGroupMembership(r -> r.identityStoreId(storeId).membershipId(membershipId));
            assertThat(membership.groupId()).isEqualTo(groupId);
            assertThat(membership.memberId().userId()).isEqualTo(userId);
        });
        exercises.put("DeleteGroupMembership", () -> {
            String groupId = given.group("Delete Membership");
            String userId = given.user("delete.membership");
            String membershipId = given.membership(groupId, userId);
            client.deleteGroupMembership(r -> r.identityStoreId(storeId).membershipId(membershipId));
            assertThat(client.listGroupMemberships(r -> r.identityStoreId(storeId).groupId(groupId)).groupMemberships()).isEmpty();
        });
        exercises.put("ListGroupMemberships", () -> {
            String groupId = given.group("List Memberships");
            String userId = given.user("list.memberships");
            given.membership(groupId, userId);
            assertThat(client.listGroupMemberships(r -> r.identityStoreId(storeId).groupId(groupId)).groupMemberships())
                    .singleElement().satisfies(m -> assertThat(m.memberId().userId()).isEqualTo(userId));
        });
        exercises.put("ListGroupMembershipsForMember", () -> {
            String groupId = given.group("Memberships For Member");
            String userId = given.user("memberships.for.member");
            given.membership(groupId, userId);
            assertThat(client.listGroupMembershipsForMember(r -> r.identityStoreId(storeId)
                    .memberId(MemberId.fromUserId(userId))).groupMemberships())
                    .singleElement().satisfies(m -> assertThat(m.groupId()).isEqualTo(groupId));
        });
        exercises.put("GetGroupMembershipId", () -> {
            String groupId = given.group("Get Membership Id");
            String userId = given.user("get.membership.id");
            String membershipId = given.membership(groupId, userId);
            assertThat(client.getGroupMembershipId(r -> r.identityStoreId(storeId).groupId(groupId)
                    .memberId(MemberId.fromUserId(userId))).membershipId()).isEqualTo(membershipId);
        });
        exercises.put("IsMemberInGroups", () -> {
            String inGroup = given.group("Is Member In");
            String notInGroup = given.group("Is Member Not In");
            String userId = given.user("is.member");
            given.membership(inGroup, userId);
            var results = client.isMemberInGroups(r -> r.identityStoreId(storeId).memberId(MemberId.fromUserId(userId))
                    .groupIds(inGroup, notInGroup)).results();
            assertThat(results).hasSize(2);
            assertThat(results).filteredOn(r -> r.groupId().equals(inGroup)).singleElement()
                    .satisfies(r -> assertThat(r.membershipExists()).isTrue());
            assertThat(results).filteredOn(r -> r.groupId().equals(notInGroup)).singleElement()
                    .satisfies(r -> assertThat(r.membershipExists()).isFalse());
        });

        assertThat(exercises.keySet()).as("every IdentitystoreClient operation has an exercise here")
                .containsExactlyInAnyOrderElementsOf(clientOperations());
        exercises.values().forEach(Runnable::run);

        StatsSnapshot stats = IDENTITY_STORE.server().stats();
        for (String operation : clientOperations()) {
            assertThat(stats.succeeded(operation)).as("successful calls of %s", operation).isPositive();
        }
    }

    /** Operation names of the SDK client: methods taking exactly one IdentitystoreRequest, paginators aside. */
    static Set<String> clientOperations() {
        return Arrays.stream(IdentitystoreClient.class.getMethods())
                .filter(m -> m.getParameterCount() == 1 && IdentitystoreRequest.class.isAssignableFrom(m.getParameterTypes()[0]))
                .map(Method::getName)
                .filter(name -> !name.endsWith("Paginator"))
                .map(name -> Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theSdkHasNineteenOperations() {
        assertThat(clientOperations()).hasSize(19);
    }
}
