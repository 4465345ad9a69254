package io.github.jmlidentity.functions.application.audit;

import io.github.jmlidentity.functions.adapter.json.AccessRulesLoader;
import io.github.jmlidentity.functions.adapter.json.AuditJson;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.SampleAudit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 item 4: the audit record checks what was done against the rules' scope on its own (not through the
 * planner), so that a bug that touched an unmanaged group or a protected user raises the scopeViolation flag the
 * stack's alarm counts.
 */
class ScopeCheckTest {

    private static final AccessRules RULES = AccessRulesLoader.load(Fixtures.accessRulesFile());
    private static final UserRef JANE = new UserRef("jane.doe", "u-1");

    @Test
    void changes_within_the_managed_groups_are_in_scope() {
        Changes changes = new Changes(List.of("title"), List.of("jml-platform", "aws-readonly"), List.of("jml-engineering"),
                false, List.of());
        assertThat(ScopeCheck.violations(RULES, Outcome.APPLIED, JANE, changes)).isEmpty();
    }

    @Test
    void adding_or_removing_an_unmanaged_group_is_a_violation() {
        Changes changes = new Changes(List.of(), List.of("finance-team"), List.of("Domain Admins"), false, List.of());
        assertThat(ScopeCheck.violations(RULES, Outcome.FAILED, JANE, changes)).containsExactly(
                "added to unmanaged group 'finance-team'", "removed from unmanaged group 'Domain Admins'");
    }

    @Test
    void a_deleted_users_memberships_go_with_it_but_a_protected_user_is_never_changed() {
        Changes deleted = new Changes(List.of(), List.of(), List.of("jml-all-staff", "finance-team"), true,
                List.of("jml-all-staff", "finance-team"));
        assertThat(ScopeCheck.violations(RULES, Outcome.APPLIED, JANE, deleted)).isEmpty();
        assertThat(ScopeCheck.violations(RULES, Outcome.APPLIED, new UserRef("breakglass-admin", "u-0"), deleted))
                .containsExactly("changed protected user 'breakglass-admin'");
        assertThat(ScopeCheck.violations(RULES, Outcome.PLANNED, new UserRef("breakglass-admin", "u-0"), deleted))
                .as("a dry run changed nothing").isEmpty();
    }

    @Test
    void the_audit_line_carries_the_flag_the_alarm_counts() {
        AuditRecord sample = SampleAudit.applied();
        AuditRecord outOfScope = new AuditRecord(sample.time(), sample.event(), sample.user(), sample.identityStoreId(),
                sample.outcome(), false, sample.changes(), new Cost(Map.of(), List.of(), 1), sample.verdict(),
                sample.delivery(), List.of("added to unmanaged group 'finance-team'"));

        assertThat(AuditJson.toLine(outOfScope))
                .contains("\"scopeViolation\":true,\"scopeViolations\":[\"added to unmanaged group 'finance-team'\"]");
        assertThat(AuditJson.toLine(sample)).contains("\"scopeViolation\":false");
    }
}
