package io.github.jmlidentity.functions.adapter.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jmlidentity.identitystore.local.FaultSettings;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

/**
 * A paced container stays inside its share of the account quota: against an Identity Store that throttles above
 * 10 requests/s with no burst, a client paced at 8/s is never throttled, and the same burst unpaced is.
 */
class RequestPacerTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();
    private static final int CALLS = 16;

    @Test
    void a_client_paced_below_the_quota_is_never_throttled() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.faults(FaultSettings.none().withTps(10).withBurst(1));
        try (IdentitystoreClient paced = client(server, new RequestPacer(8))) {
            for (int i = 0; i < CALLS; i++) {
                paced.listUsers(r -> r.identityStoreId(server.identityStoreId()));
            }
        }
        assertThat(server.stats().throttled()).isZero();
        assertThat(server.stats().calls("ListUsers")).isEqualTo(CALLS);
    }

    @Test
    void the_same_burst_unpaced_is_throttled() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.faults(FaultSettings.none().withTps(10).withBurst(1));
        try (IdentitystoreClient unpaced = client(server, null)) {
            for (int i = 0; i < CALLS; i++) {
                unpaced.listUsers(r -> r.identityStoreId(server.identityStoreId()));
            }
        }
        assertThat(server.stats().throttled()).isPositive();
    }

    @Test
    void slots_are_spaced_by_the_interval() {
        RequestPacer pacer = new RequestPacer(4);
        pacer.reserveSlot();
        long second = pacer.reserveSlot();
        long third = pacer.reserveSlot();
        assertThat(second).isGreaterThan(200_000_000L).isLessThanOrEqualTo(250_000_000L);
        assertThat(third).isGreaterThan(450_000_000L).isLessThanOrEqualTo(500_000_000L);
    }

    private static IdentitystoreClient client(IdentityStoreLocal server, RequestPacer pacer) {
        return IdentitystoreClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> {
                    o.retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(10).build());
                    if (pacer != null) {
                        o.addExecutionInterceptor(pacer);
                    }
                })
                .build();
    }
}
