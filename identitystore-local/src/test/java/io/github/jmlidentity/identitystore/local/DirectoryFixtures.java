package io.github.jmlidentity.identitystore.local;

import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.CreateUserRequest;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.MemberId;

/** GIVEN steps shared by the emulator tests: users, groups and memberships created through the SDK. */
record DirectoryFixtures(IdentitystoreClient client, String storeId) {

    CreateUserRequest.Builder userRequest(String userName) {
        return CreateUserRequest.builder()
                .identityStoreId(storeId)
                .userName(userName)
                .displayName("Display " + userName)
                .name(n -> n.givenName("Given").familyName(userName))
                .emails(Email.builder().value(userName + "@example.com").type("work").primary(true).build());
    }

    String user(String userName) {
        return client.createUser(userRequest(userName).build()).userId();
    }

    String group(String displayName) {
        return client.createGroup(r -> r.identityStoreId(storeId).displayName(displayName)).groupId();
    }

    String membership(String groupId, String userId) {
        return client.createGroupMembership(r -> r.identityStoreId(storeId).groupId(groupId)
                .memberId(MemberId.fromUserId(userId))).membershipId();
    }
}
