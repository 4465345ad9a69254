package io.github.jmlidentity.cli.report;

import java.time.Instant;

/**
 * A change HR entered ahead of time that is not applied yet (from the ledger): it will change this access review
 * when it is due, so the review lists it.
 *
 * @param change    what it is: the detail-type (Employee Joined, Moved, Left), or "delete after suspension"
 * @param hrEventId the HR event id
 */
public record PendingChange(String employeeId, String userName, String change, Instant dueAt, Instant effectiveAt,
                            String hrEventId) {
}
