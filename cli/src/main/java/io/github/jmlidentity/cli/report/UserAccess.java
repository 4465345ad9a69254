package io.github.jmlidentity.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One user's line of the review: groups, the account access they give (each naming its group), the access assigned
 * to the user directly, and the findings (drift).
 */
public record UserAccess(String userName, String userId, String displayName, String email, List<String> groups,
                         List<Access> groupAccess, List<Access> directAccess, Drift drift) {

    /** What the auditor should look at. */
    public static final String BYPASSES_RULES = "bypasses the access rules";

    /**
     * The findings: every direct assignment (it bypasses the access rules, with or without a roster), and, given a
     * roster, how the user's groups differ from HR's.
     */
    public record Drift(boolean notInHr, String employeeId, List<String> extraGroups, List<String> missingGroups,
                        List<Access> directAssignments) {
        public boolean any() {
            return notInHr || !extraGroups.isEmpty() || !missingGroups.isEmpty() || !directAssignments.isEmpty();
        }

        public String describe() {
            List<String> parts = new ArrayList<>();
            if (notInHr) {
                parts.add("not in HR roster");
            }
            if (!extraGroups.isEmpty()) {
                parts.add("extra groups: " + String.join("; ", extraGroups));
            }
            if (!missingGroups.isEmpty()) {
                parts.add("missing groups: " + String.join("; ", missingGroups));
            }
            for (Access direct : directAssignments) {
                parts.add("direct assignment " + direct.label() + " " + BYPASSES_RULES);
            }
            return String.join(" | ", parts);
        }
    }
}
