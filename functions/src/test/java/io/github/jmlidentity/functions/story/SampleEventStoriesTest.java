package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.DirectoryState;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sample event, then its duplicate: the directory's final state and the audit outcomes. */
class SampleEventStoriesTest extends StoryTest {

    private StoryWorld world;

    @BeforeEach
    void givenTheRulesGroupsAndAProtectedUser() {
        world = newWorld();
    }

    @Test
    void joiner_then_its_duplicate() {
        // WHEN the joiner arrives
        Audit joined = world.deliver("joiner.json");
        // THEN Jane exists with her HR profile and the groups the rules grant
        assertThat(joined.outcome()).isEqualTo("APPLIED");
        DirectoryState.UserView jane = world.state().user("jane.doe");
        assertThat(jane.displayName()).isEqualTo("Jane Doe");
        assertThat(jane.title()).isEqualTo("Software Engineer");
        assertThat(jane.email()).isEqualTo("jane.doe@example.com");
        assertThat(jane.enterprise()).contains("E1001").contains("Engineering").contains("CC-4100");
        assertThat(jane.groups()).containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
        assertThat(joined.list("groupsAdded")).containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
        assertThat(joined.userId()).isNotBlank();

        // WHEN the same event is delivered again
        world.server.resetStats();
        Audit duplicate = world.deliver("joiner.json");
        // THEN nothing is called and nothing changes
        assertThat(duplicate.outcome()).isEqualTo("DUPLICATE");
        assertThat(world.server.stats().totalCalls()).isZero();
        assertThat(world.state().user("jane.doe")).isEqualTo(jane);
        assertThat(world.protectedUserUntouched()).isTrue();
    }

    @Test
    void mover_then_its_duplicate() {
        // GIVEN Jane joined as a software engineer in London
        world.deliver("joiner.json");

        // WHEN she moves to Platform as an SRE
        Audit moved = world.deliver("mover.json");

        // THEN only what changed is updated, Platform groups added, Engineering removed
        assertThat(moved.outcome()).isEqualTo("APPLIED");
        DirectoryState.UserView jane = world.state().user("jane.doe");
        assertThat(jane.title()).isEqualTo("Site Reliability Engineer");
        assertThat(jane.enterprise()).contains("Platform").contains("CC-4200").contains("E0077");
        assertThat(jane.groups()).containsExactly(
                "jml-all-staff", "jml-office-london", "jml-on-call", "jml-platform", "jml-prod-access");
        assertThat(moved.list("groupsRemoved")).containsExactly("jml-engineering");
        assertThat(moved.list("attributesChanged")).containsExactlyInAnyOrder("title",
                "aws:identitystore:enterprise.department", "aws:identitystore:enterprise.costCenter",
                "aws:identitystore:enterprise.manager");

        // AND its redelivery changes nothing
        assertThat(world.deliver("mover.json").outcome()).isEqualTo("DUPLICATE");
        assertThat(world.state().user("jane.doe")).isEqualTo(jane);
        assertThat(world.protectedUserUntouched()).isTrue();
    }

    @Test
    void leaver_then_its_duplicate() {
        // GIVEN Jane joined and moved
        String janesUserId = world.deliver("joiner.json").userId();
        world.deliver("mover.json");

        // WHEN she leaves
        Audit left = world.deliver("leaver.json");

        // THEN her memberships are on record and the user is deleted (policy delete), named by its user id
        assertThat(left.outcome()).isEqualTo("APPLIED");
        assertThat(left.userId()).isEqualTo(janesUserId);
        assertThat(left.list("groupsRemoved")).containsExactlyInAnyOrderElementsOf(left.list("membershipsBefore"));
        assertThat(left.json().path("userDeleted").asBoolean()).isTrue();
        assertThat(left.list("membershipsBefore")).containsExactlyInAnyOrder(
                "jml-all-staff", "jml-office-london", "jml-on-call", "jml-platform", "jml-prod-access");
        assertThat(world.state().user("jane.doe")).isNull();

        assertThat(world.deliver("leaver.json").outcome()).isEqualTo("DUPLICATE");
        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
        assertThat(world.protectedUserUntouched()).isTrue();
    }

    @Test
    void rehire_then_its_duplicate() {
        // GIVEN Jane joined and left
        world.deliver("joiner.json");
        world.deliver("leaver.json");

        // WHEN she is rehired, months later, into Finance as a contractor
        Audit rehired = world.deliver("rehire.json");

        // THEN she is back with today's groups, none of her old ones
        assertThat(rehired.outcome()).isEqualTo("APPLIED");
        DirectoryState.UserView jane = world.state().user("jane.doe");
        assertThat(jane.groups()).containsExactly("jml-all-staff", "jml-contractors", "jml-finance");
        assertThat(jane.userType()).isEqualTo("Contractor");
        assertThat(world.deliver("rehire.json").outcome()).isEqualTo("DUPLICATE");
        assertThat(world.state().user("jane.doe")).isEqualTo(jane);
    }
}
