package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import io.github.jmlidentity.identitystore.local.FaultSettings;
import io.github.jmlidentity.identitystore.local.store.IdentityStoreData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ConflictException CONCURRENT_MODIFICATION is transient: the SDK retries it within the invocation (the
 * functions' retry strategy adds it to the retryable errors), so the event still applies in one delivery.
 */
class ConcurrentModificationStoryTest extends StoryTest {
    @Test
    void a_joiner_whose_writes_meet_concurrent_modifications_applies_in_one_delivery() {
        // GIVEN an Identity Store that answers 40% of writes with ConflictException CONCURRENT_MODIFICATION
        StoryWorld world = newWorld();
        world.server.faults(FaultSettings.none().withConcurrentModificationRate(0.4).withRandomSeed(3));

        // WHEN the joiner arrives once
        Audit audit = world.deliver("joiner.json");

        // THEN the SDK retried the conflicts and the event applied: one user, its three groups, one audit record
        long conflicts = world.server.stats().operations().values().stream()
                .mapToLong(c -> c.errors().getOrDefault("ConflictException", 0L)).sum();
        assertThat(conflicts).as("conflicts injected").isPositive();
        assertThat(audit.threw()).isFalse();
        assertThat(audit.outcome()).isEqualTo("APPLIED");
        assertThat(audit.list("groupsAdded")).containsExactlyInAnyOrder("jml-all-staff", "jml-engineering", "jml-office-london");
        IdentityStoreData data = world.server.data();
        String userId = data.userIdByUserName("jane.doe");
        assertThat(userId).isNotNull();
        assertThat(data.membershipsOfUser(userId)).hasSize(3);
        assertThat(world.auditLines).hasSize(1);
    }
}
