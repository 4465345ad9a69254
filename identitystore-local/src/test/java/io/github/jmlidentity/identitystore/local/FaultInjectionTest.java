package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.InternalServerException;
import software.amazon.awssdk.services.identitystore.model.ThrottlingException;

/** The quota, the error rate and the latency that clients are tested against. */
class FaultInjectionTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();

    @Test
    void atTheRealQuotaABurstOf200CallsFrom8ThreadsWithAdaptiveRetrySurfacesNoError() throws Exception {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.faults(FaultSettings.none().withTps(20));
        AtomicInteger surfaced = new AtomicInteger();
        try (IdentitystoreClient client = EmulatorClients.identityStoreWithAdaptiveRetry(server, 20)) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String userName = "burst" + i;
                calls.add(threads.submit(() -> {
                    try {
                        client.createUser(r -> r.identityStoreId(server.identityStoreId()).userName(userName)
                                .displayName(userName).name(n -> n.givenName("B").familyName(userName)));
                    } catch (RuntimeException error) {
                        surfaced.incrementAndGet();
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get(2, TimeUnit.MINUTES);
            }
            threads.shutdown();
        }
        StatsSnapshot stats = server.stats();
        assertThat(surfaced.get()).as("errors surfaced to callers").isZero();
        assertThat(server.data().users()).hasSize(200);
        assertThat(stats.throttled()).as("throttles injected and absorbed by retries").isPositive();
        assertThat(stats.succeeded("CreateUser")).isEqualTo(200);
        assertThat(stats.calls("CreateUser")).isEqualTo(200 + stats.throttled());
    }

    @Test
    void aThrottledCallCarriesRetryAfterSeconds() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.faults(FaultSettings.none().withTps(1).withBurst(1));
        try (IdentitystoreClient client = EmulatorClients.identityStore(server)) {
            client.listUsers(r -> r.identityStoreId(server.identityStoreId()));
            assertThatThrownBy(() -> client.listUsers(r -> r.identityStoreId(server.identityStoreId())))
                    .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                        assertThat(e.retryAfterSeconds()).isEqualTo(1);
                        assertThat(e.isThrottlingException()).isTrue();
                    });
        }
        assertThat(server.stats().throttled()).isEqualTo(1);
    }

    @Test
    void theErrorRateIsReproducibleFromTheRandomSeed() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        List<Boolean> firstRun = failurePattern(server, 7);
        List<Boolean> secondRun = failurePattern(server, 7);
        assertThat(firstRun).isEqualTo(secondRun);
        long failures = firstRun.stream().filter(failed -> failed).count();
        assertThat(failures).as("about 30% of 100 calls").isBetween(15L, 45L);
        assertThat(server.stats().internalErrors()).isEqualTo(2 * failures);
    }

    @Test
    void addedLatencyDelaysEveryCall() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.faults(FaultSettings.none().withLatencyMillis(150));
        try (IdentitystoreClient client = EmulatorClients.identityStore(server)) {
            long start = System.nanoTime();
            client.listUsers(r -> r.identityStoreId(server.identityStoreId()));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void concurrentModificationIsInjectedOnWritesOnly() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.faults(FaultSettings.none().withConcurrentModificationRate(1));
        try (IdentitystoreClient client = EmulatorClients.identityStore(server)) {
            assertThatThrownBy(() -> new DirectoryFixtures(client, server.identityStoreId()).user("conflicted"))
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.identitystore.model.ConflictException.class,
                            e -> assertThat(e.reason()).isEqualTo(
                                    software.amazon.awssdk.services.identitystore.model.ConflictExceptionReason.CONCURRENT_MODIFICATION));
            assertThat(client.listUsers(r -> r.identityStoreId(server.identityStoreId())).users()).as("reads pass").isEmpty();
        }
        assertThat(server.data().users()).isEmpty();
        assertThat(server.stats().operations().get("CreateUser").errors()).containsEntry("ConflictException", 1L);
    }

    @Test
    void resetTurnsFaultsOff() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.faults(FaultSettings.none().withInternalErrorRate(1));
        server.reset();
        assertThat(server.faults()).isEqualTo(FaultSettings.none());
    }

    private static List<Boolean> failurePattern(IdentityStoreLocal server, long seed) {
        server.faults(FaultSettings.none().withInternalErrorRate(0.3).withRandomSeed(seed));
        List<Boolean> failed = new ArrayList<>();
        try (IdentitystoreClient client = EmulatorClients.identityStore(server)) {
            for (int i = 0; i < 100; i++) {
                try {
                    client.listUsers(r -> r.identityStoreId(server.identityStoreId()));
                    failed.add(false);
                } catch (InternalServerException expected) {
                    assertThat(expected.statusCode()).isEqualTo(500);
                    failed.add(true);
                }
            }
        }
        return failed;
    }
}
