package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.DirectoryState;
import io.github.jmlidentity.functions.support.Dynalite;
import io.github.jmlidentity.functions.support.StoryWorld;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** EventBridge guarantees no order: whatever order joiner, mover and leaver arrive in, the end is the same. */
class OrderingStoryTest {

    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static Stream<List<String>> allSixOrderings() {
        return Stream.of(
                List.of("joiner.json", "mover.json", "leaver.json"),
                List.of("joiner.json", "leaver.json", "mover.json"),
                List.of("mover.json", "joiner.json", "leaver.json"),
                List.of("mover.json", "leaver.json", "joiner.json"),
                List.of("leaver.json", "joiner.json", "mover.json"),
                List.of("leaver.json", "mover.json", "joiner.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSixOrderings")
    void any_order_of_joiner_mover_leaver_ends_as_the_in_order_result(List<String> order) {
        DirectoryState inOrder = run(List.of("joiner.json", "mover.json", "leaver.json"));
        IDENTITY_STORE.server().reset();

        DirectoryState reordered = run(order);

        assertThat(reordered).isEqualTo(inOrder);
        assertThat(reordered.users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
    }

    @Test
    void joiner_and_mover_in_either_order_end_with_the_movers_state() {
        DirectoryState inOrder = run(List.of("joiner.json", "mover.json"));
        IDENTITY_STORE.server().reset();

        DirectoryState reordered = run(List.of("mover.json", "joiner.json"));

        assertThat(reordered).isEqualTo(inOrder);
        assertThat(reordered.user("jane.doe").title()).isEqualTo("Site Reliability Engineer");
    }

    @Test
    void a_stale_joiner_after_the_leaver_does_not_bring_the_user_back_but_a_rehire_does() {
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE);
        world.deliver("joiner.json");
        world.deliver("leaver.json");

        // GIVEN the joiner is redelivered late (a new delivery of the same HR event would be a DUPLICATE; this is
        // an HR re-send with a new HR event id but the old effectiveAt)
        Audit stale = world.deliver("joiner", io.github.jmlidentity.functions.support.Fixtures.eventWith(
                "joiner.json", java.util.Map.of("eventId", "hr-evt-0001-resent")));
        assertThat(stale.outcome()).isEqualTo("STALE");
        assertThat(world.state().user("jane.doe")).isNull();

        Audit rehire = world.deliver("rehire.json");
        assertThat(rehire.outcome()).isEqualTo("APPLIED");
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("jml-all-staff", "jml-contractors", "jml-finance");
    }

    private static DirectoryState run(List<String> order) {
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE);
        for (String sample : order) {
            Audit audit = world.deliver(sample);
            assertThat(audit.outcome()).as("%s in %s", sample, order)
                    .isIn("APPLIED", "NO_CHANGE", "STALE", "DUPLICATE");
        }
        assertThat(world.protectedUserUntouched()).isTrue();
        return world.state();
    }
}
