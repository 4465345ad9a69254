package io.github.jmlidentity.cli.report;

import java.util.Map;

/**
 * Totals at the end of a report: users with drift (any finding, direct assignments included), direct assignments,
 * how the account assignments were read, and the API calls it took per operation.
 */
public record ReportSummary(long users, long groups, long memberships, long usersWithDrift, long notInHr,
                            long missingFromDirectory, long usersWithDirectAccess, long directAssignments,
                            AssignmentPlan assignmentPlan, Map<String, Long> apiCalls) {
}
