package io.github.jmlidentity.functions.domain.reconcile;

import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.MissingGroupPolicy;
import io.github.jmlidentity.functions.domain.AccessRule;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.Condition;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.Employee;
import io.github.jmlidentity.functions.domain.HrAttribute;
import io.github.jmlidentity.functions.domain.ManagedGroups;
import io.github.jmlidentity.functions.domain.MatchOperator;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.UserProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan, case by case: a pure function of the roster, the directory, the ledger's links and the rules. */
class RosterReconcilerTest {

    private static final AccessRules RULES = rules(LeaverPolicy.DELETE);

    private final List<RosterEmployee> rows = new ArrayList<>();
    private final List<DirectoryUser> users = new ArrayList<>();
    private final Map<String, List<Membership>> memberships = new HashMap<>();
    private final LedgerLinks ledger = new LedgerLinks();

    @Test
    void an_employee_in_step_is_ok_one_with_drift_moves_listing_each_difference_and_a_new_one_joins() {
        row("E1", "ann", "Engineering");
        user("u1", employee("E1", "ann", "Engineering"), "jml-all-staff", "jml-engineering");
        row("E2", "ben", "Engineering");
        user("u2", employee("E2", "ben", "Finance"), "jml-all-staff", "jml-finance", "unmanaged-team");
        row("E3", "cat", "Finance");

        Map<String, PlanItem> plan = plan(AdoptionRule.OFF);

        assertThat(plan.get("ann").action()).isEqualTo(ReconcileAction.OK);
        assertThat(plan.get("ben").action()).isEqualTo(ReconcileAction.MOVE);
        assertThat(plan.get("ben").differences())
                .containsExactly("aws:identitystore:enterprise.department", "+jml-engineering", "-jml-finance");
        assertThat(plan.get("cat").action()).isEqualTo(ReconcileAction.JOIN);
        assertThat(plan.get("cat").differences()).contains("+jml-all-staff", "+jml-finance");
    }

    @Test
    void a_managed_user_absent_from_the_roster_or_terminated_leaves_and_one_without_employee_number_is_unmanaged() {
        user("u1", employee("E1", "ann", "Engineering"), "jml-all-staff");
        rows.add(RosterEmployee.terminated(2, "E2", "ben"));
        user("u2", employee("E2", "ben", "Engineering"), "jml-all-staff");
        user("u3", unnumbered("printer", "printer@example.com"));
        user("u4", unnumbered("old.name", "o@example.com"));
        ledger.link("E4", "u4"); // numbered by jml once, employeeNumber removed by hand since

        Map<String, PlanItem> plan = plan(AdoptionRule.OFF);

        assertThat(plan.get("ann").action()).isEqualTo(ReconcileAction.LEAVE);
        assertThat(plan.get("ann").reason()).contains("not in the roster");
        assertThat(plan.get("ben").action()).isEqualTo(ReconcileAction.LEAVE);
        assertThat(plan.get("ben").reason()).isEqualTo("terminated in the roster");
        assertThat(plan.get("printer").action()).isEqualTo(ReconcileAction.UNMANAGED);
        assertThat(plan.get("old.name").action()).isEqualTo(ReconcileAction.LEAVE);
        assertThat(plan.get("old.name").employeeId()).isEqualTo("E4");
    }

    @Test
    void under_suspend_a_departed_user_with_no_managed_group_left_is_ok() {
        user("u1", employee("E1", "ann", "Engineering"), "unmanaged-team");

        PlanItem ann = new RosterReconciler(rules(LeaverPolicy.SUSPEND), AdoptionRule.OFF)
                .plan(roster(), new DirectorySnapshot(users, memberships), ledger).items().get(0);

        assertThat(ann.action()).isEqualTo(ReconcileAction.OK);
    }

    @Test
    void adoption_needs_the_user_name_and_the_email_unless_relaxed_and_never_takes_a_protected_user() {
        row("E1", "ann", "Engineering");
        user("u1", unnumbered("ANN", "ann@example.com"), "jml-engineering");
        row("E2", "ben", "Engineering");
        user("u2", unnumbered("ben", "ben@personal.example"));
        rows.add(RosterEmployee.active(4, new Employee("E3", "breakglass", "B", "G", null, "b@example.com", null, null,
                null, null, null, null, null, null, null, null, null)));
        user("u3", unnumbered("breakglass", "b@example.com"));

        Map<String, PlanItem> strict = plan(AdoptionRule.USER_NAME_AND_EMAIL);
        assertThat(strict.get("ANN").action()).isEqualTo(ReconcileAction.ADOPT);
        assertThat(strict.get("ANN").differences()).startsWith("aws:identitystore:enterprise.employeeNumber")
                .contains("+jml-all-staff").doesNotContain("-jml-engineering");
        assertThat(strict.get("ben").action()).isEqualTo(ReconcileAction.CONFLICT);
        assertThat(strict.get("breakglass").action()).isEqualTo(ReconcileAction.CONFLICT);
        assertThat(strict).hasSize(3);

        assertThat(plan(AdoptionRule.USER_NAME).get("ben").action()).isEqualTo(ReconcileAction.ADOPT);
        assertThat(plan(AdoptionRule.OFF).get("ANN").action()).isEqualTo(ReconcileAction.CONFLICT);
    }

    @Test
    void conflicts_a_name_of_another_employee_several_candidates_and_a_rename_onto_a_taken_name() {
        row("E1", "ann", "Engineering");
        user("u1", employee("E9", "ann", "Engineering"));
        row("E2", "ben", "Engineering");
        user("u2", unnumbered("ben", "ben@example.com"));
        user("u3", unnumbered("benjamin", "ben@example.com"));
        row("E4", "dan.new", "Engineering");
        user("u4", employee("E4", "dan", "Engineering"));
        user("u5", unnumbered("dan.new", "x@example.com"));
        row("E6", "eve", "Engineering");
        user("u6", unnumbered("eve.smith", "eve@example.com"));

        Map<String, PlanItem> plan = plan(AdoptionRule.USER_NAME_AND_EMAIL);

        assertThat(plan.get("ann").reason()).contains("employeeNumber is 'E9', not E1");
        assertThat(plan.get("ben").reason()).contains("more than one candidate");
        assertThat(plan.get("dan").reason()).contains("renames").contains("dan.new");
        assertThat(plan.get("eve").reason()).as("an unnumbered user has her email under another name")
                .contains("joining would make a second account");
        assertThat(plan.values()).filteredOn(i -> i.rosterLine() > 0)
                .allMatch(i -> i.action() == ReconcileAction.CONFLICT);
        assertThat(plan.get("benjamin").action()).isEqualTo(ReconcileAction.UNMANAGED);
    }

    @Test
    void one_employee_number_on_two_users_is_a_conflict_for_both_not_two_leavers() {
        user("u1", employee("E1", "ann", "Engineering"), "jml-all-staff");
        user("u2", employee("E1", "ann2", "Engineering"), "jml-all-staff");

        Map<String, PlanItem> plan = plan(AdoptionRule.OFF);

        assertThat(plan.get("ann").action()).isEqualTo(ReconcileAction.CONFLICT);
        assertThat(plan.get("ann2").action()).isEqualTo(ReconcileAction.CONFLICT);
    }

    private Map<String, PlanItem> plan(AdoptionRule adoption) {
        ReconcilePlan plan = new RosterReconciler(RULES, adoption)
                .plan(roster(), new DirectorySnapshot(users, memberships), ledger);
        Map<String, PlanItem> byName = new HashMap<>();
        plan.items().forEach(i -> byName.put(i.userName(), i));
        return byName;
    }

    private Roster roster() {
        return new Roster("hr.csv", null, rows);
    }

    private void row(String employeeId, String userName, String department) {
        rows.add(RosterEmployee.active(rows.size() + 2, employeeOf(employeeId, userName, department)));
    }

    private void user(String userId, UserProfile profile, String... groups) {
        users.add(new DirectoryUser(userId, profile));
        List<Membership> held = new ArrayList<>();
        for (String group : groups) {
            held.add(new Membership("m-" + userId + "-" + group, "g-" + group, group));
        }
        memberships.put(userId, held);
    }

    private static UserProfile employee(String employeeId, String userName, String department) {
        return UserProfile.from(employeeOf(employeeId, userName, department));
    }

    private static Employee employeeOf(String employeeId, String userName, String department) {
        return new Employee(employeeId, userName, "Given", "Family", null, userName + "@example.com", null, department,
                null, null, null, null, null, null, null, null, null);
    }

    private static UserProfile unnumbered(String userName, String email) {
        Employee e = new Employee("ignored", userName, "Given", "Family", null, email, null, null, null, null, null,
                null, null, null, null, null, null);
        Map<io.github.jmlidentity.functions.domain.UserAttribute, String> values = new HashMap<>(UserProfile.from(e).values());
        values.remove(io.github.jmlidentity.functions.domain.UserAttribute.EMPLOYEE_NUMBER);
        return new UserProfile(values);
    }

    private static AccessRules rules(LeaverPolicy leaverPolicy) {
        return new AccessRules(List.of("jml-all-staff"), new ManagedGroups(Set.of(), "jml-"), List.of(
                new AccessRule("engineering", List.of(new Condition(HrAttribute.DEPARTMENT, MatchOperator.EQUALS,
                        List.of("Engineering"))), List.of("jml-engineering")),
                new AccessRule("finance", List.of(new Condition(HrAttribute.DEPARTMENT, MatchOperator.EQUALS,
                        List.of("Finance"))), List.of("jml-finance"))),
                Set.of("breakglass"), MissingGroupPolicy.FAIL, leaverPolicy, 25);
    }
}
