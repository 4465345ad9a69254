package io.github.jmlidentity.identitystore.local.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Operation;
import io.github.jmlidentity.identitystore.local.api.Pages;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;
import io.github.jmlidentity.identitystore.local.faults.FaultInjector;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * CreateAccountAssignment and DeleteAccountAssignment, asynchronous as in IAM Identity Center: each answers
 * IN_PROGRESS with a RequestId, and its status (Describe/List*Status) turns SUCCEEDED, or FAILED with a reason,
 * once the provisioning delay has passed on the emulator's clock. The assignment is listed from the moment its
 * creation SUCCEEDED until its deletion SUCCEEDED.
 */
final class AccountAssignmentWrites {
    private static final StringConstraint REQUEST_ID = new StringConstraint(36, 36,
            Pattern.compile("\\b[0-9a-f]{8}\\b-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-\\b[0-9a-f]{12}\\b"));
    /** Enum members are read as any string, then checked against their value set. */
    private static final StringConstraint ANY = new StringConstraint(0, Integer.MAX_VALUE, Pattern.compile("(?s).*"));
    private static final List<String> TARGET_TYPES = List.of("AWS_ACCOUNT");
    private static final List<String> PRINCIPAL_TYPES = List.of("USER", "GROUP");
    private static final List<String> STATUS_VALUES = List.of(
            AssignmentOperation.IN_PROGRESS, AssignmentOperation.FAILED, AssignmentOperation.SUCCEEDED);

    private final Supplier<SsoAdminData> data;
    private final Principals principals;
    private final ProvisioningControls provisioning;

    AccountAssignmentWrites(Supplier<SsoAdminData> data, Principals principals, ProvisioningControls provisioning) {
        this.data = data;
        this.principals = principals;
        this.provisioning = provisioning;
    }

    /**
     * Registers the six operations, three per kind: CreateAccountAssignment, DescribeAccountAssignmentCreationStatus
     * and ListAccountAssignmentCreationStatus; DeleteAccountAssignment and the two *DeletionStatus. {@code faults}
     * applies to each of them (writes: Create and Delete).
     */
    void register(Map<String, Operation> operations, FaultInjector faults) {
        operations.put("CreateAccountAssignment", faulted(faults, true,
                request -> submit(request, AssignmentOperation.Kind.CREATION)));
        operations.put("DeleteAccountAssignment", faulted(faults, true,
                request -> submit(request, AssignmentOperation.Kind.DELETION)));
        for (AssignmentOperation.Kind kind : AssignmentOperation.Kind.values()) {
            operations.put("DescribeAccountAssignment" + noun(kind) + "Status", faulted(faults, false,
                    request -> describe(request, kind)));
            operations.put(listOperation(kind), faulted(faults, false, request -> list(request, kind)));
        }
    }

    private static Operation faulted(FaultInjector faults, boolean write, Operation operation) {
        return request -> {
            faults.beforeCall(write);
            return operation.handle(request);
        };
    }

    private ObjectNode submit(Request request, AssignmentOperation.Kind kind) {
        String instanceArn = request.requiredString("InstanceArn", StringConstraint.INSTANCE_ARN);
        String targetId = request.requiredString("TargetId", StringConstraint.ACCOUNT_ID);
        requiredEnum(request, "TargetType", TARGET_TYPES);
        String permissionSetArn = request.requiredString("PermissionSetArn", StringConstraint.PERMISSION_SET_ARN);
        String principalType = requiredEnum(request, "PrincipalType", PRINCIPAL_TYPES);
        String principalId = request.requiredString("PrincipalId", StringConstraint.PRINCIPAL_ID);
        SsoAdminData instance = SsoAdminApi.requireInstance(data.get(), instanceArn);
        SsoAdminApi.requirePermissionSet(instance, permissionSetArn);
        AccountAssignment assignment = new AccountAssignment(targetId, permissionSetArn, principalType, principalId);
        AssignmentOperation operation = instance.operations().submit(kind, assignment, provisioning.delay(),
                () -> failureReason(instance, kind, assignment));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        // The service always answers IN_PROGRESS, even when provisioning is quick.
        response.set(statusMember(kind), operation.toStatus(AssignmentOperation.IN_PROGRESS));
        return response;
    }

    /**
     * Null to succeed. An injected failure first; then the principal is looked up, as the service does while
     * provisioning: a missing user or group (never created, or deleted since) fails the request asynchronously.
     */
    private String failureReason(SsoAdminData instance, AssignmentOperation.Kind kind, AccountAssignment assignment) {
        String injected = provisioning.takeInjectedFailure(kind);
        if (injected != null) {
            return injected;
        }
        if (!principals.exists(assignment.principalType(), assignment.principalId())) {
            return "Received a 404 status error: the " + assignment.principalType() + " assignee "
                    + assignment.principalId() + " was not found in directory " + instance.identityStoreId();
        }
        return null;
    }

    private ObjectNode describe(Request request, AssignmentOperation.Kind kind) {
        String instanceArn = request.requiredString("InstanceArn", StringConstraint.INSTANCE_ARN);
        String requestId = request.requiredString("AccountAssignment" + noun(kind) + "RequestId", REQUEST_ID);
        SsoAdminData instance = SsoAdminApi.requireInstance(data.get(), instanceArn);
        AssignmentOperation operation = instance.operations().find(kind, requestId);
        if (operation == null) {
            throw ApiError.notFoundMessage("No account assignment " + kind.name().toLowerCase(Locale.ROOT)
                    + " request with id " + requestId);
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set(statusMember(kind), operation.toStatus());
        return response;
    }

    private ObjectNode list(Request request, AssignmentOperation.Kind kind) {
        SsoAdminData instance = SsoAdminApi.requireInstance(data.get(),
                request.requiredString("InstanceArn", StringConstraint.INSTANCE_ARN));
        String statusFilter = statusFilter(request.member("Filter"));
        NavigableMap<String, AssignmentOperation> matching = new TreeMap<>();
        instance.operations().listing(kind).forEach((key, operation) -> {
            if (statusFilter == null || statusFilter.equals(operation.status())) {
                matching.put(key, operation);
            }
        });
        return Pages.page(request, StringConstraint.SSO_TOKEN, listOperation(kind),
                instance.instanceArn() + statusFilter, matching, "AccountAssignments" + noun(kind) + "Status",
                AssignmentOperation::toMetadata);
    }

    private static String statusFilter(JsonNode filter) {
        if (filter == null || filter.isNull()) {
            return null;
        }
        if (!filter.isObject()) {
            throw ApiError.invalidMember("filter", "Member must be a structure");
        }
        JsonNode status = filter.get("Status");
        if (status == null || status.isNull()) {
            return null;
        }
        if (!status.isTextual() || !STATUS_VALUES.contains(status.asText())) {
            throw ApiError.invalidMember("filter.status", "Member must satisfy enum value set: " + STATUS_VALUES);
        }
        return status.asText();
    }

    private static String requiredEnum(Request request, String member, List<String> values) {
        String value = request.requiredString(member, ANY);
        if (!values.contains(value)) {
            throw ApiError.invalidMember(Request.memberLabel(member), "Member must satisfy enum value set: " + values);
        }
        return value;
    }

    private static String statusMember(AssignmentOperation.Kind kind) {
        return "AccountAssignment" + noun(kind) + "Status";
    }

    private static String listOperation(AssignmentOperation.Kind kind) {
        return "ListAccountAssignment" + noun(kind) + "Status";
    }

    /** The word that tells the two kinds apart in sso-admin's operation and member names. */
    private static String noun(AssignmentOperation.Kind kind) {
        return kind == AssignmentOperation.Kind.CREATION ? "Creation" : "Deletion";
    }
}
