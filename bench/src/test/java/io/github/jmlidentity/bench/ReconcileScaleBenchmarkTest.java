package io.github.jmlidentity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reconcile benchmark's scale, drift and minimum calls, computed from its own directory and roster. */
class ReconcileScaleBenchmarkTest {

    private static final ReconcileScale SCALE = new ReconcileScale(50_000, 199, 1_800);

    @Test
    void atBenchScaleTheDriftIsOnePercentAndThePlanIsOneListingPass() {
        assertThat(SCALE.groups()).isEqualTo(2_000);
        assertThat(SCALE.memberships()).isEqualTo(200_000);
        Map<ReconcileScale.Drift, Integer> drift = SCALE.driftCounts();
        assertThat(drift).containsEntry(ReconcileScale.Drift.ABSENT, 100).containsEntry(ReconcileScale.Drift.TERMINATED, 50)
                .containsEntry(ReconcileScale.Drift.TITLE, 150).containsEntry(ReconcileScale.Drift.DEPARTMENT, 100);
        assertThat(SCALE.joiners()).isEqualTo(100);

        assertThat(ReconcileScaleBenchmark.minimumPages(SCALE)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ListUsers", 500L, "ListGroups", 20L, "ListGroupMemberships", 500L + 199 * 3));
        Map<String, Long> changes = ReconcileScaleBenchmark.minimumChangeCalls(drift, SCALE);
        assertThat(changes.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(150 * 3 + 100 * 5 + 100 * 3 + 150 * 3);
    }
}
