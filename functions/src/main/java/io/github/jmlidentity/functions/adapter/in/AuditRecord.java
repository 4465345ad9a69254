package io.github.jmlidentity.functions.adapter.in;

import io.github.jmlidentity.functions.domain.Outcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one audit record written per event (one JSON line; field names are stable, auditors query them).
 * Only audit fields: never the HR profile (no phone, address, names or email).
 *
 * @param membershipsBefore group names the user belonged to before a leaver changed anything
 * @param apiCalls          Identity Store HTTP requests by operation, retries included
 * @param note              something worth knowing about an applied event, e.g. a mover that provisioned
 * @param retryable         for FAILED: whether a retry may succeed (throttling, 5xx, concurrent delivery)
 */
public record AuditRecord(
        Instant time,
        String eventId,
        String hrEventId,
        String detailType,
        String employeeId,
        String userName,
        String userId,
        String identityStoreId,
        Outcome outcome,
        boolean dryRun,
        Instant effectiveAt,
        List<String> attributesChanged,
        List<String> groupsAdded,
        List<String> groupsRemoved,
        List<String> membershipsBefore,
        boolean userDeleted,
        Map<String, Long> apiCalls,
        List<String> requestIds,
        long durationMs,
        String errorType,
        String reason,
        String note,
        boolean retryable) {

    public static final String RECORD_TYPE = "jml.audit";

    public boolean isFailure() {
        return outcome == Outcome.FAILED || outcome == Outcome.REJECTED;
    }
}
