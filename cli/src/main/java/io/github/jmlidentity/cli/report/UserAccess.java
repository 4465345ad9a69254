package io.github.jmlidentity.cli.report;

import java.util.List;

/** One user's line of the review: groups, the account access they give, and how it differs from HR. */
public record UserAccess(String userName, String userId, String displayName, String email, List<String> groups,
                         List<String> access, Drift drift) {

    /** What the roster expected and the directory does not match; null fields when no roster was given. */
    public record Drift(boolean notInHr, String employeeId, List<String> extraGroups, List<String> missingGroups) {
        public boolean any() {
            return notInHr || !extraGroups.isEmpty() || !missingGroups.isEmpty();
        }

        public String describe() {
            if (notInHr) {
                return "not in HR roster";
            }
            StringBuilder text = new StringBuilder();
            if (!extraGroups.isEmpty()) {
                text.append("extra groups: ").append(String.join("; ", extraGroups));
            }
            if (!missingGroups.isEmpty()) {
                text.append(text.length() > 0 ? " | " : "").append("missing groups: ").append(String.join("; ", missingGroups));
            }
            return text.toString();
        }
    }
}
