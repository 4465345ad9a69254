package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.DirectoryState;
import io.github.jmlidentity.functions.support.Dynalite;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryWorld;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** EventBridge may deliver an event several times at once: ten concurrent deliveries apply exactly once. */
class ConcurrentDeliveryStoryTest {

    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private StoryWorld world;

    @BeforeEach
    void givenTheRulesGroups() {
        world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE);
    }

    @Test
    void ten_concurrent_joiners_create_one_user_with_one_membership_per_group() throws Exception {
        List<Audit> audits = tenAtOnce("joiner.json");

        assertThat(outcomes(audits)).containsOnly("APPLIED", "DUPLICATE").containsOnlyOnce("APPLIED");
        assertThat(world.state().users()).containsOnlyKeys("jane.doe", StoryWorld.PROTECTED_USER);
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
        assertThat(world.server.stats().calls("CreateUser")).isEqualTo(1);
    }

    @Test
    void ten_concurrent_movers_apply_once() throws Exception {
        world.deliver("joiner.json");

        List<Audit> audits = tenAtOnce("mover.json");

        assertThat(outcomes(audits)).containsOnly("APPLIED", "DUPLICATE").containsOnlyOnce("APPLIED");
        DirectoryState.UserView jane = world.state().user("jane.doe");
        assertThat(jane.groups()).containsExactly(
                "jml-all-staff", "jml-office-london", "jml-on-call", "jml-platform", "jml-prod-access");
        assertThat(world.server.stats().calls("UpdateUser")).isEqualTo(1);
    }

    @Test
    void ten_concurrent_leavers_delete_once() throws Exception {
        world.deliver("joiner.json");

        List<Audit> audits = tenAtOnce("leaver.json");

        assertThat(outcomes(audits)).containsOnly("APPLIED", "DUPLICATE").containsOnlyOnce("APPLIED");
        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
        assertThat(world.server.stats().calls("DeleteUser")).isEqualTo(1);
        assertThat(world.protectedUserUntouched()).isTrue();
    }

    @Test
    void ten_concurrent_rehires_after_a_leave_create_one_user() throws Exception {
        world.deliver("joiner.json");
        world.deliver("leaver.json");

        List<Audit> audits = tenAtOnce("rehire.json");

        assertThat(outcomes(audits)).containsOnlyOnce("APPLIED");
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("jml-all-staff", "jml-contractors", "jml-finance");
    }

    private List<Audit> tenAtOnce(String sample) throws Exception {
        byte[] event = Fixtures.event(sample);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Audit>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return world.deliverRouted(event);
                }));
            }
            start.countDown();
            List<Audit> audits = new ArrayList<>();
            for (Future<Audit> f : futures) {
                audits.add(f.get());
            }
            return audits;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> outcomes(List<Audit> audits) {
        return audits.stream().map(Audit::outcome).toList();
    }
}
