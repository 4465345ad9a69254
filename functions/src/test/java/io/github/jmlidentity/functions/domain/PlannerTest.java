package io.github.jmlidentity.functions.domain;

import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.MissingGroupPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.github.jmlidentity.functions.domain.Events.employee;
import static org.assertj.core.api.Assertions.assertThat;

/** The plans for joiners, movers and leavers, one row per situation: what is created, changed, added, removed. */
class PlannerTest {

    /** jml-all-staff for everyone; Engineering and Platform by department; London by location; jml- is managed. */
    private static AccessRules rules(LeaverPolicy leaverPolicy) {
        return new AccessRules(List.of("jml-all-staff"), new ManagedGroups(Set.of(), "jml-"), List.of(
                new AccessRule("engineering", List.of(new Condition(HrAttribute.DEPARTMENT, MatchOperator.EQUALS,
                        List.of("Engineering"))), List.of("jml-engineering")),
                new AccessRule("platform", List.of(new Condition(HrAttribute.DEPARTMENT, MatchOperator.ANY_OF,
                        List.of("Platform", "SRE"))), List.of("jml-platform")),
                new AccessRule("london", List.of(new Condition(HrAttribute.LOCATION, MatchOperator.EQUALS,
                        List.of("London"))), List.of("jml-office-london"))),
                Set.of(), MissingGroupPolicy.FAIL, leaverPolicy, 25);
    }

    private static final Employee ENGINEER = employee("Engineer", "Engineering", "London");
    private static final DirectoryUser AS_HIRED = new DirectoryUser("u-1", UserProfile.from(ENGINEER));

    private static List<Membership> memberships(String... groups) {
        return Stream.of(groups).map(g -> new Membership("m-" + g, "g-" + g, g)).toList();
    }

    static Stream<Arguments> convergences() {
        return Stream.of(
                Arguments.of("no user yet", ENGINEER, null, List.of(),
                        true, List.of(), List.of("jml-all-staff", "jml-engineering", "jml-office-london"), List.of()),
                Arguments.of("the user as hired, with its groups", ENGINEER, AS_HIRED,
                        memberships("jml-all-staff", "jml-engineering", "jml-office-london"),
                        false, List.of(), List.of(), List.of()),
                Arguments.of("group names in another case", ENGINEER, AS_HIRED,
                        memberships("JML-ALL-STAFF", "Jml-Engineering", "jml-office-london"),
                        false, List.of(), List.of(), List.of()),
                Arguments.of("a move to Platform as an SRE", employee("SRE", "Platform", "London"), AS_HIRED,
                        memberships("jml-all-staff", "jml-engineering", "jml-office-london"),
                        false, List.of("title", UserAttribute.DEPARTMENT.path()), List.of("jml-platform"),
                        List.of("jml-engineering")),
                Arguments.of("groups granted by hand, outside the managed prefix", ENGINEER, AS_HIRED,
                        memberships("jml-all-staff", "jml-engineering", "jml-office-london", "finance-team"),
                        false, List.of(), List.of(), List.of()),
                Arguments.of("a managed group no rule grants any more", ENGINEER, AS_HIRED,
                        memberships("jml-all-staff", "jml-engineering", "jml-office-london", "jml-legacy"),
                        false, List.of(), List.of(), List.of("jml-legacy")));
    }

    @ParameterizedTest(name = "GIVEN {0} WHEN converging THEN the plan changes only what differs")
    @MethodSource("convergences")
    void GIVEN_the_directory_WHEN_a_joiner_or_mover_converges_THEN_the_plan_changes_only_what_differs(
            String given, Employee employee, DirectoryUser current, List<Membership> memberships, boolean createsUser,
            List<String> attributesChanged, List<String> groupsToAdd, List<String> groupsRemoved) {
        Plan plan = new Planner(rules(LeaverPolicy.DELETE)).converge(employee, current, memberships);

        assertThat(plan.createsUser()).isEqualTo(createsUser);
        if (!createsUser) {
            assertThat(plan.attributesChanged()).containsExactlyInAnyOrderElementsOf(attributesChanged);
        }
        assertThat(plan.groupsToAdd()).containsExactlyElementsOf(groupsToAdd);
        assertThat(plan.groupsRemoved()).containsExactlyElementsOf(groupsRemoved);
        assertThat(plan.isEmpty()).isEqualTo(!createsUser && attributesChanged.isEmpty() && groupsToAdd.isEmpty()
                && groupsRemoved.isEmpty());
        assertThat(plan.deleteUser()).isFalse();
    }

    static Stream<Arguments> leaves() {
        return Stream.of(
                Arguments.of(LeaverPolicy.DELETE, memberships("jml-all-staff", "finance-team"), true,
                        List.of("jml-all-staff", "finance-team")),
                Arguments.of(LeaverPolicy.SUSPEND, memberships("jml-all-staff", "finance-team"), false,
                        List.of("jml-all-staff")),
                Arguments.of(LeaverPolicy.SUSPEND, memberships("finance-team"), false, List.of()),
                Arguments.of(LeaverPolicy.DELETE, List.of(), true, List.of()));
    }

    @ParameterizedTest(name = "GIVEN policy {0} and memberships {1} WHEN the employee leaves THEN delete={2}, removed {3}")
    @MethodSource("leaves")
    void GIVEN_a_leaver_policy_WHEN_the_employee_leaves_THEN_the_user_is_deleted_or_its_managed_groups_removed(
            LeaverPolicy policy, List<Membership> memberships, boolean deleteUser, List<String> groupsRemoved) {
        Plan plan = new Planner(rules(policy)).leave(AS_HIRED, memberships);

        assertThat(plan.deleteUser()).isEqualTo(deleteUser);
        assertThat(plan.groupsRemoved()).containsExactlyElementsOf(groupsRemoved);
        assertThat(plan.membershipsBefore()).as("every membership is on record").isEqualTo(memberships);
        assertThat(plan.createsUser()).isFalse();
        assertThat(plan.userId()).isEqualTo("u-1");
    }

    @ParameterizedTest(name = "GIVEN leaverPolicy {0} and directAssignments {1} THEN {2} direct assignment(s) removed")
    @MethodSource("directAssignments")
    void GIVEN_direct_assignments_WHEN_the_employee_leaves_THEN_they_are_removed_unless_the_rules_keep_them(
            LeaverPolicy leaverPolicy, DirectAssignmentPolicy policy, int removed) {
        List<DirectAssignment> direct = List.of(new DirectAssignment("222222222222", "ps-admin"),
                new DirectAssignment("444444444444", "ps-readonly"));

        Plan plan = new Planner(rules(leaverPolicy).withDirectAssignments(policy)).leave(AS_HIRED, List.of(), direct);

        assertThat(plan.assignmentsToRemove()).hasSize(removed);
        assertThat(plan.isEmpty()).as("a suspend with nothing else to do still removes them")
                .isEqualTo(leaverPolicy == LeaverPolicy.SUSPEND && removed == 0);
    }

    static Stream<Arguments> directAssignments() {
        return Stream.of(
                Arguments.of(LeaverPolicy.DELETE, DirectAssignmentPolicy.REMOVE, 2),
                Arguments.of(LeaverPolicy.SUSPEND, DirectAssignmentPolicy.REMOVE, 2),
                Arguments.of(LeaverPolicy.DELETE, DirectAssignmentPolicy.KEEP, 0),
                Arguments.of(LeaverPolicy.SUSPEND, DirectAssignmentPolicy.KEEP, 0));
    }
}
