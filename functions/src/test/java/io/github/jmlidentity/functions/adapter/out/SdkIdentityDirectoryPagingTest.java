package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.identitystore.local.junit.ManualClock;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsForMemberRequest;
import software.amazon.awssdk.services.identitystore.model.MemberId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user with more memberships than one page holds: every page is read, and each page's request is bounded by the
 * invocation's time left when that page is requested (not by the time left at the first page).
 */
class SdkIdentityDirectoryPagingTest {

    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();

    @Test
    void every_page_of_memberships_is_read_each_within_the_time_then_left() {
        // GIVEN a user in 150 groups (two pages of at most 100), each call taking 100 ms of the invocation's clock
        String storeId = IDENTITY_STORE.server().identityStoreId();
        List<Duration> pageTimeouts = Collections.synchronizedList(new ArrayList<>());
        ManualClock clock = new ManualClock(Instant.parse("2026-01-05T09:00:00Z"));
        IdentitystoreClient client = IdentitystoreClient.builder()
                .endpointOverride(IDENTITY_STORE.server().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof ListGroupMembershipsForMemberRequest page) {
                            pageTimeouts.add(page.overrideConfiguration().flatMap(o -> o.apiCallTimeout()).orElse(null));
                            clock.advance(Duration.ofMillis(100));
                        }
                    }
                }))
                .build();
        String userId = client.createUser(r -> r.identityStoreId(storeId).userName("many.groups").displayName("Many")
                .name(n -> n.givenName("Many").familyName("Groups"))).userId();
        for (int i = 0; i < 150; i++) {
            String name = "group-" + i;
            String groupId = client.createGroup(r -> r.identityStoreId(storeId).displayName(name)).groupId();
            client.createGroupMembership(r -> r.identityStoreId(storeId).groupId(groupId)
                    .memberId(MemberId.fromUserId(userId)));
        }
        SdkIdentityDirectory directory = new SdkIdentityDirectory(client, storeId);
        directory.memberships(userId); // a warm container: group names cached, only the two pages are timed
        pageTimeouts.clear();

        // WHEN the memberships are listed within an invocation that has 60 s left
        List<String> groups;
        try (InvocationScope scope = InvocationScope.open(clock.instant().plusSeconds(60), clock)) {
            groups = directory.memberships(userId).stream().map(m -> m.groupName()).toList();
        }

        // THEN all 150 are found, over two pages, each bounded by the time then left: the second by 100 ms less
        assertThat(groups).hasSize(150).doesNotHaveDuplicates();
        assertThat(pageTimeouts).hasSize(2).doesNotContainNull();
        assertThat(pageTimeouts.get(0)).isEqualTo(Duration.ofSeconds(60).minusMillis(1500));
        assertThat(pageTimeouts.get(1)).isEqualTo(pageTimeouts.get(0).minusMillis(100));
    }
}
