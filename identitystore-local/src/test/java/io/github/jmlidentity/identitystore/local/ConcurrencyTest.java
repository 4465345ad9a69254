package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.identitystore.model.ConflictException;

/** Many clients at once: every uniqueness rule holds and the indexes stay consistent. */
class ConcurrencyTest extends SdkAgainstEmulatorTest {
    private static final int THREADS = 16;

    @Test
    void racingCreatesOfTheSameUserNameLetExactlyOneWin() throws Exception {
        List<String> outcomes = raceToCreate(() -> given.user("same.person"));
        assertThat(outcomes).containsOnlyOnce("created");
        assertThat(outcomes).filteredOn("conflict"::equals).hasSize(THREADS - 1);
        assertThat(IDENTITY_STORE.server().data().users()).hasSize(1);
    }

    @Test
    void racingMembershipsOfTheSameUserAndGroupLetExactlyOneWin() throws Exception {
        String groupId = given.group("Team");
        String userId = given.user("member");
        List<String> outcomes = raceToCreate(() -> given.membership(groupId, userId));
        assertThat(outcomes).containsOnlyOnce("created");
        assertThat(IDENTITY_STORE.server().data().memberships()).hasSize(1);
    }

    @Test
    void manyThreadsCreatingAndDeletingKeepEveryIndexConsistent() throws Exception {
        String groupId = given.group("Everyone");
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(threads.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    String userId = given.user("t" + thread + "u" + i);
                    given.membership(groupId, userId);
                    if (i % 5 == 0) {
                        client.deleteUser(r -> r.identityStoreId(storeId).userId(userId));
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        threads.shutdown();
        long members = client.listGroupMembershipsPaginator(r -> r.identityStoreId(storeId).groupId(groupId))
                .groupMemberships().stream().count();
        assertThat(members).isEqualTo(THREADS * 20L);
        assertThat(IDENTITY_STORE.server().data().users()).hasSize(THREADS * 20);
        assertThat(IDENTITY_STORE.server().data().memberships()).hasSize(THREADS * 20);
    }

    /** {@code create} on every thread at once: per thread, "created" or, on a ConflictException, "conflict". */
    private static List<String> raceToCreate(Runnable create) throws Exception {
        return race(() -> {
            try {
                create.run();
                return "created";
            } catch (ConflictException duplicate) {
                return "conflict";
            }
        });
    }

    private static List<String> race(Callable<String> action) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                tasks.add(action);
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : threads.invokeAll(tasks)) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            threads.shutdown();
        }
    }
}
