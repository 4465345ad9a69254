package io.github.jmlidentity.cli.report;

import static io.github.jmlidentity.cli.report.AssignmentStrategy.PER_ACCOUNT_PERMISSION_SET;
import static io.github.jmlidentity.cli.report.AssignmentStrategy.PER_PRINCIPAL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GIVEN the counts the report has before reading assignments, WHEN it picks how to read them. */
class AssignmentPlanTest {

    @Test
    void atBenchScaleReadPerAccountAndPermissionSet() {
        AssignmentPlan plan = AssignmentPlan.choose(null, 2_000, 50_000, 18, 6);
        assertThat(plan.strategy()).isEqualTo(PER_ACCOUNT_PERMISSION_SET);
        assertThat(plan.expectedCalls(PER_PRINCIPAL)).isEqualTo(52_000);
        assertThat(plan.expectedCalls(PER_ACCOUNT_PERMISSION_SET)).isEqualTo(18);
        assertThat(plan.expectedCallsByStrategy()).containsExactly(
                java.util.Map.entry("per-account-permission-set", 18L), java.util.Map.entry("per-principal", 52_000L));
        assertThat(plan.describe()).isEqualTo("account assignments per-account-permission-set (cheaper): expected 18 "
                + "ListAccountAssignments calls (18 account × permission-set pairs) vs 52,000 "
                + "ListAccountAssignmentsForPrincipal calls (2,000 groups + at least 50,000 users); 6 calls to count the pairs");
    }

    @Test
    void fewPrincipalsAndManyPairsReadPerPrincipal() {
        AssignmentPlan plan = AssignmentPlan.choose(null, 3, 40, 500, 51);
        assertThat(plan.strategy()).isEqualTo(PER_PRINCIPAL);
        assertThat(plan.expectedCalls(PER_PRINCIPAL)).isEqualTo(43);
    }

    @Test
    void aTieReadsPerAccountAndPermissionSetWhoseCostDoesNotGrowWithUsers() {
        assertThat(AssignmentPlan.choose(null, 4, 6, 10, 3).strategy()).isEqualTo(PER_ACCOUNT_PERMISSION_SET);
        assertThat(AssignmentPlan.choose(null, 4, 5, 10, 3).strategy()).isEqualTo(PER_PRINCIPAL);
    }

    @Test
    void aForcedStrategyIsKeptAndSaidSo() {
        AssignmentPlan plan = AssignmentPlan.choose(PER_PRINCIPAL, 2_000, 50_000, 18, 6);
        assertThat(plan.strategy()).isEqualTo(PER_PRINCIPAL);
        assertThat(plan.forced()).isTrue();
        assertThat(plan.describe()).startsWith("account assignments per-principal (--assignment-strategy)");
    }
}
