package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.MemberId;

/** GIVEN steps that need hundreds of users or groups, through the SDK. */
final class ManyUsers {
    private ManyUsers() {
    }

    static IdentitystoreClient client(IdentityStoreLocal server) {
        return IdentitystoreClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    /** Users user000..; each joins {@code groupId} when it is not null. */
    static void create(IdentityStoreLocal server, int count, String groupId) {
        try (IdentitystoreClient client = client(server)) {
            for (int i = 0; i < count; i++) {
                String name = String.format("user%03d", i);
                String userId = client.createUser(r -> r.identityStoreId(server.identityStoreId()).userName(name)
                        .displayName("User " + name).name(n -> n.givenName("User").familyName(name))
                        .emails(e -> e.value(name + "@example.com").primary(true))).userId();
                if (groupId != null) {
                    client.createGroupMembership(r -> r.identityStoreId(server.identityStoreId()).groupId(groupId)
                            .memberId(MemberId.fromUserId(userId)));
                }
            }
        }
    }

    /** Groups group000..; the user joins each. */
    static void groupsFor(IdentityStoreLocal server, int count, String userId) {
        try (IdentitystoreClient client = client(server)) {
            for (int i = 0; i < count; i++) {
                String name = String.format("group%03d", i);
                String groupId = client.createGroup(r -> r.identityStoreId(server.identityStoreId()).displayName(name)).groupId();
                client.createGroupMembership(r -> r.identityStoreId(server.identityStoreId()).groupId(groupId)
                        .memberId(MemberId.fromUserId(userId)));
            }
        }
    }
}
