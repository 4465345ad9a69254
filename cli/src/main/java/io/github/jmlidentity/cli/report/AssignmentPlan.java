package io.github.jmlidentity.cli.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which strategy reads the account assignments, from what each is expected to cost: one call per listing, as a
 * listing holds at most 100 assignments per page and most hold fewer (a listing past 100 takes one call more per
 * 100). Per principal: one listing per group and one per user ({@code usersAtLeast}: the distinct group members, as
 * users are not listed yet). Per account × permission set: one listing per provisioned pair. Both need the same
 * {@code countingCalls} (ListPermissionSets, ListAccountsForProvisionedPermissionSet) to be compared, and the same
 * DescribePermissionSet calls for names. On a tie, per account × permission set: its cost does not grow with users.
 */
public record AssignmentPlan(AssignmentStrategy strategy, boolean forced, long groups, long usersAtLeast, long pairs,
                             long countingCalls) {

    public static AssignmentPlan choose(AssignmentStrategy forcedOrNull, long groups, long usersAtLeast, long pairs,
                                        long countingCalls) {
        AssignmentStrategy cheaper = groups + usersAtLeast < pairs
                ? AssignmentStrategy.PER_PRINCIPAL : AssignmentStrategy.PER_ACCOUNT_PERMISSION_SET;
        return new AssignmentPlan(forcedOrNull != null ? forcedOrNull : cheaper, forcedOrNull != null, groups,
                usersAtLeast, pairs, countingCalls);
    }

    public long expectedCalls(AssignmentStrategy candidate) {
        return switch (candidate) {
            case PER_PRINCIPAL -> groups + usersAtLeast;
            case PER_ACCOUNT_PERMISSION_SET -> pairs;
        };
    }

    /** Expected listing calls per strategy label, the chosen one first. */
    public Map<String, Long> expectedCallsByStrategy() {
        Map<String, Long> calls = new LinkedHashMap<>();
        calls.put(strategy.label(), expectedCalls(strategy));
        for (AssignmentStrategy other : AssignmentStrategy.values()) {
            calls.putIfAbsent(other.label(), expectedCalls(other));
        }
        return calls;
    }

    /** The progress line: the choice, why, and both expected costs. */
    public String describe() {
        return String.format(Locale.ROOT, "account assignments %s (%s): expected %,d ListAccountAssignments calls "
                        + "(%s) vs %,d ListAccountAssignmentsForPrincipal calls (%s + at least %s); %s to count the pairs",
                strategy.label(), forced ? "--assignment-strategy" : "cheaper", pairs,
                count(pairs, "account × permission-set pair"), groups + usersAtLeast, count(groups, "group"),
                count(usersAtLeast, "user"), count(countingCalls, "call"));
    }

    /** "1 group", "2,000 groups". */
    static String count(long n, String what) {
        return String.format(Locale.ROOT, "%,d %s%s", n, what, n == 1 ? "" : "s");
    }
}
