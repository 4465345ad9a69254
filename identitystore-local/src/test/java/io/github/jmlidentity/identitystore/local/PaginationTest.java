package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.identitystore.model.ValidationException;

/** Every List operation pages at most 100 items, with an opaque token, and the SDK paginators walk them all. */
class PaginationTest extends SdkAgainstEmulatorTest {


    @Test
    void listUsersPagesHoldAtMostOneHundredAndThePaginatorSeesAll250() {
        for (int i = 0; i < 250; i++) {
            given.user(String.format("user%03d", i));
        }
        ListUsersResponse first = client.listUsers(r -> r.identityStoreId(storeId));
        assertThat(first.users()).hasSize(100);
        assertThat(first.nextToken()).isNotBlank();

        IDENTITY_STORE.server().resetStats();
        List<User> all = client.listUsersPaginator(r -> r.identityStoreId(storeId)).users().stream().toList();
        assertThat(all).hasSize(250);
        assertThat(all.stream().map(User::userName).distinct()).hasSize(250);
        assertThat(IDENTITY_STORE.server().stats().calls("ListUsers")).as("3 pages of 100, 100, 50").isEqualTo(3);
    }

    @Test
    void maxResultsIsHonouredFromOneToOneHundred() {
        for (int i = 0; i < 7; i++) {
            given.user("small" + i);
        }
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            ListUsersResponse page = client.listUsers(r -> r.identityStoreId(storeId).maxResults(2).nextToken(current));
            assertThat(page.users()).hasSizeLessThanOrEqualTo(2);
            page.users().forEach(u -> assertThat(seen.add(u.userId())).as("no user twice").isTrue());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).hasSize(7);
        assertThat(pages).isEqualTo(4);
        assertThat(client.listUsers(r -> r.identityStoreId(storeId).maxResults(1)).users()).hasSize(1);
        assertThatThrownBy(() -> client.listUsers(r -> r.identityStoreId(storeId).maxResults(101)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxResults");
        assertThatThrownBy(() -> client.listUsers(r -> r.identityStoreId(storeId).maxResults(0)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxResults");
    }

    @Test
    void anInvalidOrForeignTokenIsAValidationException() {
        given.user("a");
        given.user("b");
        String groupId = given.group("G");
        assertThatThrownBy(() -> client.listUsers(r -> r.identityStoreId(storeId).nextToken("bm90LWEtdG9rZW4=")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("NextToken");
        String usersToken = client.listUsers(r -> r.identityStoreId(storeId).maxResults(1)).nextToken();
        assertThatThrownBy(() -> client.listGroups(r -> r.identityStoreId(storeId).nextToken(usersToken)))
                .as("a ListUsers token is no ListGroups token").isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client.listGroupMemberships(r -> r.identityStoreId(storeId).groupId(groupId).nextToken("!!")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aHandMadeOrAlteredTokenIsAValidationException() {
        for (int i = 0; i < 3; i++) {
            given.user("page" + i);
        }
        String firstUserId = client.listUsers(r -> r.identityStoreId(storeId).maxResults(1)).users().get(0).userId();
        String forged = Base64.getEncoder().encodeToString(
                ("v1\u001fListUsers\u001f" + storeId + "\u001f" + firstUserId).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> client.listUsers(r -> r.identityStoreId(storeId).nextToken(forged)))
                .as("a token built from the visible structure").isInstanceOf(ValidationException.class)
                .hasMessageContaining("NextToken");

        String real = client.listUsers(r -> r.identityStoreId(storeId).maxResults(1)).nextToken();
        byte[] bytes = Base64.getDecoder().decode(real);
        bytes[bytes.length - 1] ^= 1;
        String altered = Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> client.listUsers(r -> r.identityStoreId(storeId).nextToken(altered)))
                .as("a real token with its last key changed").isInstanceOf(ValidationException.class);
        assertThat(client.listUsers(r -> r.identityStoreId(storeId).nextToken(real)).users()).hasSize(2);
    }

    @Test
    void groupsAndMembershipsPageTooAcross250() {
        String userId = given.user("joiner");
        List<String> groupIds = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String groupId = given.group(String.format("Group %03d", i));
            groupIds.add(groupId);
            given.membership(groupId, userId);
        }
        String bigGroup = groupIds.get(0);
        for (int i = 0; i < 249; i++) {
            given.membership(bigGroup, given.user("member" + i));
        }
        assertThat(client.listGroupsPaginator(r -> r.identityStoreId(storeId)).groups().stream().count()).isEqualTo(250);
        assertThat(client.listGroupMembershipsForMemberPaginator(r -> r.identityStoreId(storeId)
                .memberId(MemberId.fromUserId(userId))).groupMemberships().stream().map(m -> m.groupId()))
                .containsExactlyInAnyOrderElementsOf(groupIds);
        assertThat(client.listGroupMembershipsPaginator(r -> r.identityStoreId(storeId).groupId(bigGroup))
                .groupMemberships().stream().count()).isEqualTo(250);
        assertThat(client.listGroupMemberships(r -> r.identityStoreId(storeId).groupId(bigGroup)).groupMemberships()).hasSize(100);
    }

    @Test
    void itemsRemovedBetweenPagesDoNotBreakTheListing() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(given.user("moving" + i));
        }
        ListUsersResponse first = client.listUsers(r -> r.identityStoreId(storeId).maxResults(2));
        String lastServed = first.users().get(1).userId();
        client.deleteUser(r -> r.identityStoreId(storeId).userId(lastServed));
        ListUsersResponse second = client.listUsers(r -> r.identityStoreId(storeId).maxResults(10).nextToken(first.nextToken()));
        assertThat(second.users()).hasSize(3);
        assertThat(second.nextToken()).isNull();
    }
}
