package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Concurrently;
import io.github.jmlidentity.functions.support.DirectoryState;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** EventBridge may deliver an event several times at once: ten concurrent deliveries apply exactly once. */
class ConcurrentDeliveryStoryTest extends StoryTest {

    private StoryWorld world;

    @BeforeEach
    void givenTheRulesGroups() {
        world = newWorld();
    }

    @Test
    void ten_concurrent_joiners_create_one_user_with_one_membership_per_group() throws Exception {
        tenAtOnceApplyOnce("joiner.json", "CreateUser");

        assertThat(world.state().users()).containsOnlyKeys("jane.doe", StoryWorld.PROTECTED_USER);
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
    }

    @Test
    void ten_concurrent_movers_apply_once() throws Exception {
        world.deliver("joiner.json");

        tenAtOnceApplyOnce("mover.json", "UpdateUser");

        DirectoryState.UserView jane = world.state().user("jane.doe");
        assertThat(jane.groups()).containsExactly(
                "jml-all-staff", "jml-office-london", "jml-on-call", "jml-platform", "jml-prod-access");
    }

    @Test
    void ten_concurrent_leavers_delete_once() throws Exception {
        world.deliver("joiner.json");

        tenAtOnceApplyOnce("leaver.json", "DeleteUser");

        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
        assertThat(world.protectedUserUntouched()).isTrue();
    }

    @Test
    void ten_concurrent_rehires_after_a_leave_create_one_user() throws Exception {
        world.deliver("joiner.json");
        world.deliver("leaver.json");

        List<Audit> audits = tenAtOnce("rehire.json");

        assertThat(audits).extracting(Audit::outcome).containsOnlyOnce("APPLIED");
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("jml-all-staff", "jml-contractors", "jml-finance");
    }

    /** WHEN ten deliveries of the sample arrive at once, THEN one applies it, with one call of {@code operation}. */
    private void tenAtOnceApplyOnce(String sample, String operation) throws Exception {
        assertAppliedOnce(tenAtOnce(sample));
        assertThat(world.server.stats().calls(operation)).as(operation + " calls").isEqualTo(1);
    }

    private List<Audit> tenAtOnce(String sample) throws Exception {
        byte[] event = Fixtures.event(sample);
        return Concurrently.run(10, Collections.nCopies(10, () -> world.deliverRouted(event)));
    }

    /** One delivery applied the event; every other one found it already applied. */
    private static void assertAppliedOnce(List<Audit> audits) {
        assertThat(audits).extracting(Audit::outcome).containsOnly("APPLIED", "DUPLICATE").containsOnlyOnce("APPLIED");
    }
}
