package io.github.jmlidentity.cli.report;

import java.util.Map;

/** Totals at the end of a report, with the API calls it took per operation. */
public record ReportSummary(long users, long groups, long memberships, long usersWithDrift, long notInHr,
                            long missingFromDirectory, Map<String, Long> apiCalls) {
}
