package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jmlidentity.identitystore.local.junit.GeneratedSeed;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.MemberId;

/**
 * 10,000 users and 100,000 memberships fit, and lookups at that size are served from indexes. (How fast each
 * operation is belongs in the benchmarks, not here.)
 */
class ScaleTest {
    private static final int USERS = 10_000;
    private static final int GROUPS = 500;
    private static final int GROUPS_PER_USER = 10;

    @Test
    void tenThousandUsersAndOneHundredThousandMembershipsAreServed(@TempDir Path dir) throws Exception {
        try (IdentityStoreLocal server = IdentityStoreLocal.builder().seed(writeLargeSeed(dir.resolve("large-seed.json")))
                .build().start();
             IdentitystoreClient client = EmulatorClients.identityStore(server)) {
            assertThat(server.data().users()).hasSize(USERS);
            assertThat(server.data().memberships()).hasSize(USERS * GROUPS_PER_USER);
            String storeId = server.identityStoreId();

            String userId = client.getUserId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                    u -> u.attributePath("userName").attributeValue(Document.fromString("user09950"))))).userId();
            assertThat(client.listGroupMembershipsForMember(r -> r.identityStoreId(storeId)
                    .memberId(MemberId.fromUserId(userId))).groupMemberships()).hasSize(GROUPS_PER_USER);
            String groupId = client.getGroupId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                    u -> u.attributePath("displayName").attributeValue(Document.fromString("group0000"))))).groupId();
            assertThat(client.listGroupMembershipsPaginator(r -> r.identityStoreId(storeId).groupId(groupId))
                    .groupMemberships().stream().count()).isEqualTo((long) USERS * GROUPS_PER_USER / GROUPS);
            assertThat(client.getGroupMembershipId(r -> r.identityStoreId(storeId).groupId(groupId)
                    .memberId(MemberId.fromUserId(userId))).membershipId())
                    .as("user09950 is in group0000 by the seed's layout").isNotBlank();
            client.deleteUser(r -> r.identityStoreId(storeId).userId(userId));
            assertThat(server.data().memberships()).hasSize(USERS * GROUPS_PER_USER - GROUPS_PER_USER);
        }
    }

    /** User i belongs to groups (i + k * 50) mod 500 for k = 0..9: every group gets 200 members. */
    private static Path writeLargeSeed(Path seed) throws Exception {
        return new GeneratedSeed().groups(GROUPS, ScaleTest::group)
                .users(USERS, i -> String.format("user%05d", i), i -> IntStream.range(0, GROUPS_PER_USER)
                        .mapToObj(k -> group((i + k * 50) % GROUPS)).toList())
                .writeTo(seed);
    }

    private static String group(int g) {
        return String.format("group%04d", g);
    }
}
