package io.github.jmlidentity.functions.adapter.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

/**
 * A paced container stays inside its share of the account quota: each request leaves at least one interval after
 * the one before, whatever the caller does. Time here is the test's own: it passes only when the pacer waits, so
 * the spacing is exact and nothing depends on how loaded the machine is.
 */
class RequestPacerTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();
    private static final int CALLS = 16;
    private static final long EIGHTH_OF_A_SECOND = Duration.ofMillis(125).toNanos();

    /** Time that stands still until someone waits, then moves by exactly the wait. */
    static final class TestTicker implements RequestPacer.Ticker {
        long now = 1_000_000_000L;
        final List<Long> waits = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            waits.add(nanos);
            now += nanos;
        }
    }

    @Test
    void slots_are_spaced_by_the_interval() {
        TestTicker ticker = new TestTicker();
        RequestPacer pacer = new RequestPacer(4, ticker);

        assertThat(pacer.reserveSlot()).isZero();
        assertThat(pacer.reserveSlot()).isEqualTo(Duration.ofMillis(250).toNanos());
        assertThat(pacer.reserveSlot()).isEqualTo(Duration.ofMillis(500).toNanos());
    }

    @Test
    void a_caller_that_was_idle_for_longer_than_the_interval_is_not_made_to_wait() {
        TestTicker ticker = new TestTicker();
        RequestPacer pacer = new RequestPacer(4, ticker);
        pacer.reserveSlot();

        ticker.now += Duration.ofSeconds(1).toNanos();

        assertThat(pacer.reserveSlot()).isZero();
    }

    @Test
    void a_burst_through_a_paced_sdk_client_leaves_one_request_per_interval() {
        // GIVEN a client paced at 8 requests/s, sending a burst of 16 calls as fast as it can
        IdentityStoreLocal server = IDENTITY_STORE.server();
        TestTicker ticker = new TestTicker();
        List<Long> transmittedAt = new ArrayList<>();
        try (IdentitystoreClient paced = client(server, new RequestPacer(8, ticker), transmittedAt, ticker)) {
            for (int i = 0; i < CALLS; i++) {
                paced.listUsers(r -> r.identityStoreId(server.identityStoreId()));
            }
        }

        // THEN the requests left exactly 125 ms apart: never more than 8 in any second, below a quota of 10
        assertThat(transmittedAt).hasSize(CALLS);
        for (int i = 1; i < CALLS; i++) {
            assertThat(transmittedAt.get(i) - transmittedAt.get(i - 1)).isEqualTo(EIGHTH_OF_A_SECOND);
        }
        assertThat(ticker.waits).hasSize(CALLS - 1).allMatch(wait -> wait == EIGHTH_OF_A_SECOND);
        assertThat(server.stats().calls("ListUsers")).isEqualTo(CALLS);
    }

    private static IdentitystoreClient client(IdentityStoreLocal server, RequestPacer pacer, List<Long> transmittedAt,
                                              TestTicker ticker) {
        return IdentitystoreClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(pacer)
                        // Runs after the pacer: the moment each request actually leaves.
                        .addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                                transmittedAt.add(ticker.nanoTime());
                            }
                        }))
                .build();
    }
}
