package io.github.jmlidentity.identitystore.local.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One CreateAccountAssignment or DeleteAccountAssignment request ({@link AssignmentRequest}) and its status:
 * IN_PROGRESS until {@code completesAt} on the emulator's clock, then its outcome (SUCCEEDED, or FAILED with a
 * reason), decided when the request was accepted.
 */
public final class AssignmentOperation {
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    /** Which of the two asynchronous operations this is; their request ids and statuses are tracked apart. */
    public enum Kind { CREATION, DELETION }

    private final AssignmentRequest request;
    private volatile String status;

    AssignmentOperation(AssignmentRequest request, String status) {
        this.request = request;
        this.status = status;
    }

    AssignmentRequest request() {
        return request;
    }

    /** IN_PROGRESS, SUCCEEDED or FAILED, as of the last time the operations were brought up to the clock. */
    public String status() {
        return status;
    }

    boolean inProgress() {
        return IN_PROGRESS.equals(status);
    }

    boolean succeeds() {
        return SUCCEEDED.equals(request.outcome());
    }

    void complete() {
        status = request.outcome();
    }

    /** The AccountAssignmentOperationStatus shape: what Create/Delete and Describe*Status answer. */
    ObjectNode toStatus(String shownStatus) {
        AccountAssignment assignment = request.assignment();
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("Status", shownStatus)
                .put("RequestId", request.requestId());
        if (FAILED.equals(shownStatus)) {
            node.put("FailureReason", request.failureReason());
        }
        return node.put("TargetId", assignment.accountId())
                .put("TargetType", "AWS_ACCOUNT")
                .put("PermissionSetArn", assignment.permissionSetArn())
                .put("PrincipalType", assignment.principalType())
                .put("PrincipalId", assignment.principalId())
                .put("CreatedDate", request.createdAt().toEpochMilli() / 1000.0);
    }

    ObjectNode toStatus() {
        return toStatus(status);
    }

    /** The AccountAssignmentOperationStatusMetadata shape: what List*Status answer. */
    ObjectNode toMetadata() {
        return JsonNodeFactory.instance.objectNode()
                .put("Status", status)
                .put("RequestId", request.requestId())
                .put("CreatedDate", request.createdAt().toEpochMilli() / 1000.0);
    }

    /** The --data file's record. */
    ObjectNode toSaved() {
        AccountAssignment assignment = request.assignment();
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("RequestId", request.requestId())
                .put("Kind", request.kind().name())
                .put("Status", status)
                .put("Outcome", request.outcome());
        if (request.failureReason() != null) {
            node.put("FailureReason", request.failureReason());
        }
        return node.put("AccountId", assignment.accountId())
                .put("PermissionSetArn", assignment.permissionSetArn())
                .put("PrincipalType", assignment.principalType())
                .put("PrincipalId", assignment.principalId())
                .put("CreatedAtMillis", request.createdAt().toEpochMilli())
                .put("CompletesAtMillis", request.completesAt().toEpochMilli());
    }

    static AssignmentOperation fromSaved(JsonNode node) {
        return new AssignmentOperation(new AssignmentRequest(node.path("RequestId").asText(),
                Kind.valueOf(node.path("Kind").asText()),
                new AccountAssignment(node.path("AccountId").asText(), node.path("PermissionSetArn").asText(),
                        node.path("PrincipalType").asText(), node.path("PrincipalId").asText()),
                Instant.ofEpochMilli(node.path("CreatedAtMillis").asLong()),
                Instant.ofEpochMilli(node.path("CompletesAtMillis").asLong()),
                node.path("Outcome").asText(),
                node.hasNonNull("FailureReason") ? node.get("FailureReason").asText() : null),
                node.path("Status").asText());
    }
}
