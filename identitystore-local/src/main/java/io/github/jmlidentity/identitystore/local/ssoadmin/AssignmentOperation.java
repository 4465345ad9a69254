package io.github.jmlidentity.identitystore.local.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One CreateAccountAssignment or DeleteAccountAssignment request: IN_PROGRESS until {@code completesAt} on the
 * emulator's clock, then its outcome (SUCCEEDED, or FAILED with a reason), decided when the request was accepted.
 */
public final class AssignmentOperation {
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    /** Which of the two asynchronous operations this is; their request ids and statuses are tracked apart. */
    public enum Kind { CREATION, DELETION }

    private final String requestId;
    private final Kind kind;
    private final AccountAssignment assignment;
    private final Instant createdAt;
    private final Instant completesAt;
    private final String outcome;
    private final String failureReason;
    private volatile String status;

    AssignmentOperation(String requestId, Kind kind, AccountAssignment assignment, Instant createdAt,
                        Instant completesAt, String outcome, String failureReason, String status) {
        this.requestId = requestId;
        this.kind = kind;
        this.assignment = assignment;
        this.createdAt = createdAt;
        this.completesAt = completesAt;
        this.outcome = outcome;
        this.failureReason = failureReason;
        this.status = status;
    }

    public String requestId() {
        return requestId;
    }

    public Kind kind() {
        return kind;
    }

    public AccountAssignment assignment() {
        return assignment;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completesAt() {
        return completesAt;
    }

    /** IN_PROGRESS, SUCCEEDED or FAILED, as of the last time the operations were brought up to the clock. */
    public String status() {
        return status;
    }

    /** The FailureReason once FAILED, else null. */
    public String failureReason() {
        return FAILED.equals(status) ? failureReason : null;
    }

    boolean inProgress() {
        return IN_PROGRESS.equals(status);
    }

    boolean succeeds() {
        return SUCCEEDED.equals(outcome);
    }

    void complete() {
        status = outcome;
    }

    /** The AccountAssignmentOperationStatus shape: what Create/Delete and Describe*Status answer. */
    ObjectNode toStatus(String shownStatus) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("Status", shownStatus)
                .put("RequestId", requestId);
        if (FAILED.equals(shownStatus)) {
            node.put("FailureReason", failureReason);
        }
        return node.put("TargetId", assignment.accountId())
                .put("TargetType", "AWS_ACCOUNT")
                .put("PermissionSetArn", assignment.permissionSetArn())
                .put("PrincipalType", assignment.principalType())
                .put("PrincipalId", assignment.principalId())
                .put("CreatedDate", createdAt.toEpochMilli() / 1000.0);
    }

    ObjectNode toStatus() {
        return toStatus(status);
    }

    /** The AccountAssignmentOperationStatusMetadata shape: what List*Status answer. */
    ObjectNode toMetadata() {
        return JsonNodeFactory.instance.objectNode()
                .put("Status", status)
                .put("RequestId", requestId)
                .put("CreatedDate", createdAt.toEpochMilli() / 1000.0);
    }

    /** The --data file's record. */
    ObjectNode toSaved() {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("RequestId", requestId)
                .put("Kind", kind.name())
                .put("Status", status)
                .put("Outcome", outcome);
        if (failureReason != null) {
            node.put("FailureReason", failureReason);
        }
        return node.put("AccountId", assignment.accountId())
                .put("PermissionSetArn", assignment.permissionSetArn())
                .put("PrincipalType", assignment.principalType())
                .put("PrincipalId", assignment.principalId())
                .put("CreatedAtMillis", createdAt.toEpochMilli())
                .put("CompletesAtMillis", completesAt.toEpochMilli());
    }

    static AssignmentOperation fromSaved(JsonNode node) {
        return new AssignmentOperation(node.path("RequestId").asText(), Kind.valueOf(node.path("Kind").asText()),
                new AccountAssignment(node.path("AccountId").asText(), node.path("PermissionSetArn").asText(),
                        node.path("PrincipalType").asText(), node.path("PrincipalId").asText()),
                Instant.ofEpochMilli(node.path("CreatedAtMillis").asLong()),
                Instant.ofEpochMilli(node.path("CompletesAtMillis").asLong()),
                node.path("Outcome").asText(),
                node.hasNonNull("FailureReason") ? node.get("FailureReason").asText() : null,
                node.path("Status").asText());
    }
}
