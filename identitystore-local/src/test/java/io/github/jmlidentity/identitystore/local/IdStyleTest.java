package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

/** Real stores hand out both id forms; --id-style lets clients be tested against each. */
class IdStyleTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void theUuidStyleHandsOutBareUuidsThatEveryOperationAccepts() {
        try (IdentityStoreLocal server = IdentityStoreLocal.builder().idStyle(IdStyle.UUID).build().start();
             IdentitystoreClient client = EmulatorClients.identityStore(server)) {
            String storeId = server.identityStoreId();
            DirectoryFixtures given = new DirectoryFixtures(client, storeId);
            String userId = given.user("bare.uuid");
            String groupId = given.group("Bare");
            String membershipId = given.membership(groupId, userId);
            assertThat(userId).matches(UUID);
            assertThat(groupId).matches(UUID);
            assertThat(membershipId).matches(UUID);
            assertThat(client.getUserId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                    u -> u.attributePath("userName").attributeValue(Document.fromString("bare.uuid"))))).userId())
                    .isEqualTo(userId);
            assertThat(client.describeGroupMembership(r -> r.identityStoreId(storeId).membershipId(membershipId))
                    .memberId().userId()).isEqualTo(userId);
        }
    }

    @Test
    void theDefaultStylePrefixesTheStoresTenHexDigits() {
        try (IdentityStoreLocal server = IdentityStoreLocal.builder().identityStoreId("d-9a8b7c6d5e").build().start();
             IdentitystoreClient client = EmulatorClients.identityStore(server)) {
            assertThat(new DirectoryFixtures(client, server.identityStoreId()).user("prefixed"))
                    .matches("9a8b7c6d5e-" + UUID);
        }
    }

    @Test
    void theCommandLineSpellingIsParsedAndABadOneIsNamed() {
        assertThat(IdStyle.parse("uuid")).isEqualTo(IdStyle.UUID);
        assertThat(IdStyle.parse("prefixed")).isEqualTo(IdStyle.PREFIXED);
        assertThatThrownBy(() -> IdStyle.parse("short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--id-style takes prefixed or uuid, got 'short'");
    }
}
