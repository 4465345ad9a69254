package io.github.jmlidentity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report benchmark's minimum pages per assignment strategy, computed from the bench-scale seed. */
class ReportScaleBenchmarkTest {

    @Test
    void atBenchScalePerAccountAndPermissionSetIsTheCheaperStrategy() {
        ScaleSeed scale = new ScaleSeed(50_000, 2_000, 4, 10, 5, 200, 20);
        assertThat(scale.assignments()).hasSize(230);

        Map<String, Map<String, Long>> minimum = ReportScaleBenchmark.minimumPagesByStrategy(scale);
        Map<String, Long> perPair = minimum.get("per-account-permission-set");
        assertThat(perPair).containsEntry("ListAccountAssignments", 18L)
                .containsEntry("ListPermissionSets", 1L)
                .containsEntry("ListAccountsForProvisionedPermissionSet", 5L)
                .containsEntry("DescribePermissionSet", 5L)
                .containsEntry("ListGroupMemberships", 2_499L)
                .containsEntry("ListUsers", 500L)
                .doesNotContainKey("ListAccountAssignmentsForPrincipal");
        assertThat(perPair.values().stream().mapToLong(Long::longValue).sum())
                .isLessThanOrEqualTo(ReportScaleBenchmark.GOAL_CALLS);
        assertThat(minimum.get("per-principal")).containsEntry("ListAccountAssignmentsForPrincipal", 52_000L)
                .doesNotContainKey("ListAccountAssignments");
    }
}
