package io.github.jmlidentity.identitystore.local.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Operation;
import io.github.jmlidentity.identitystore.local.api.Pages;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;
import io.github.jmlidentity.identitystore.local.faults.FaultInjector;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The sso-admin operations the project needs (target SWBExternalService): reads to discover the identity store id
 * and to report which accounts and permission sets each principal reaches, and the asynchronous account-assignment
 * writes ({@link AccountAssignmentWrites}) a leaver needs.
 */
public final class SsoAdminApi {
    public static final String TARGET_PREFIX = "SWBExternalService";

    private final Supplier<SsoAdminData> data;

    private SsoAdminApi(Supplier<SsoAdminData> data) {
        this.data = data;
    }

    /**
     * @param principals   looks users and groups up when an assignment request is provisioned
     * @param provisioning the delay and the injected failures of assignment requests
     * @param faults       applied to the assignment operations (the reads stay unfaulted, as before)
     */
    public static Map<String, Operation> operations(Supplier<SsoAdminData> data, Principals principals,
                                                    ProvisioningControls provisioning, FaultInjector faults) {
        SsoAdminApi api = new SsoAdminApi(data);
        Map<String, Operation> operations = new TreeMap<>();
        operations.put("ListInstances", api::listInstances);
        operations.put("ListPermissionSets", api::listPermissionSets);
        operations.put("DescribePermissionSet", api::describePermissionSet);
        operations.put("ListAccountAssignments", api::listAccountAssignments);
        operations.put("ListAccountAssignmentsForPrincipal", api::listAccountAssignmentsForPrincipal);
        operations.put("ListAccountsForProvisionedPermissionSet", api::listAccountsForProvisionedPermissionSet);
        new AccountAssignmentWrites(data, principals, provisioning).register(operations, faults);
        return Map.copyOf(operations);
    }

    private ObjectNode listInstances(Request request) {
        SsoAdminData instance = data.get();
        NavigableMap<String, ObjectNode> instances = new TreeMap<>(Map.of(instance.instanceArn(), instance.instanceMetadata()));
        return Pages.page(request, StringConstraint.SSO_TOKEN, "ListInstances", "", instances, "Instances", node -> node);
    }

    private ObjectNode listPermissionSets(Request request) {
        SsoAdminData instance = requireInstance(request);
        return Pages.page(request, StringConstraint.SSO_TOKEN, "ListPermissionSets", instance.instanceArn(),
                instance.permissionSets(), "PermissionSets", ps -> ps.get("PermissionSetArn"));
    }

    private ObjectNode describePermissionSet(Request request) {
        SsoAdminData instance = requireInstance(request);
        String arn = request.requiredString("PermissionSetArn", StringConstraint.PERMISSION_SET_ARN);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("PermissionSet", requirePermissionSet(instance, arn).deepCopy());
        return response;
    }

    /**
     * The accounts a permission set is provisioned to: here, those where it has at least one assignment (the
     * emulator does not model ProvisionPermissionSet, and every provisioned account holds the latest version).
     */
    private ObjectNode listAccountsForProvisionedPermissionSet(Request request) {
        SsoAdminData instance = requireInstance(request);
        String arn = request.requiredString("PermissionSetArn", StringConstraint.PERMISSION_SET_ARN);
        JsonNode status = request.member("ProvisioningStatus");
        List<String> statuses = List.of("LATEST_PERMISSION_SET_PROVISIONED", "LATEST_PERMISSION_SET_NOT_PROVISIONED");
        if (status != null && (!status.isTextual() || !statuses.contains(status.asText()))) {
            throw ApiError.invalidMember("provisioningStatus", "Member must satisfy enum value set: " + statuses);
        }
        requirePermissionSet(instance, arn);
        NavigableMap<String, String> accounts = new TreeMap<>();
        if (status == null || status.asText().equals(statuses.get(0))) {
            instance.assignments().values().stream()
                    .filter(a -> a.permissionSetArn().equals(arn))
                    .forEach(a -> accounts.put(a.accountId(), a.accountId()));
        }
        return Pages.page(request, StringConstraint.SSO_TOKEN, "ListAccountsForProvisionedPermissionSet",
                arn + (status == null ? "" : status.asText()), accounts, "AccountIds", TextNode::valueOf);
    }

    private ObjectNode listAccountAssignments(Request request) {
        SsoAdminData instance = requireInstance(request);
        String accountId = request.requiredString("AccountId", StringConstraint.ACCOUNT_ID);
        String arn = request.requiredString("PermissionSetArn", StringConstraint.PERMISSION_SET_ARN);
        return assignmentsPage(request, instance, "ListAccountAssignments", accountId + arn,
                a -> a.accountId().equals(accountId) && a.permissionSetArn().equals(arn));
    }

    private ObjectNode listAccountAssignmentsForPrincipal(Request request) {
        SsoAdminData instance = requireInstance(request);
        String principalId = request.requiredString("PrincipalId", StringConstraint.PRINCIPAL_ID);
        String principalType = request.requiredString("PrincipalType", StringConstraint.SSO_TOKEN);
        if (!principalType.equals("USER") && !principalType.equals("GROUP")) {
            throw ApiError.invalidMember("principalType", "Member must satisfy enum value set: [USER, GROUP]");
        }
        JsonNode filter = request.member("Filter");
        String accountFilter = filter == null || filter.get("AccountId") == null ? null
                : StringConstraint.ACCOUNT_ID.check("filter.accountId", filter.get("AccountId").asText());
        return assignmentsPage(request, instance, "ListAccountAssignmentsForPrincipal",
                principalType + principalId + accountFilter,
                a -> a.principalId().equals(principalId) && a.principalType().equals(principalType)
                        && (accountFilter == null || a.accountId().equals(accountFilter)));
    }

    private static ObjectNode assignmentsPage(Request request, SsoAdminData instance, String operation, String scope,
                                              Predicate<AccountAssignment> selected) {
        // Assignments are few (accounts × permission sets × principals) and seeded: a filtered copy is fine here.
        NavigableMap<String, AccountAssignment> matching = new TreeMap<>();
        instance.assignments().forEach((key, assignment) -> {
            if (selected.test(assignment)) {
                matching.put(key, assignment);
            }
        });
        return Pages.page(request, StringConstraint.SSO_TOKEN, operation, scope, matching, "AccountAssignments",
                a -> JsonNodeFactory.instance.objectNode()
                        .put("AccountId", a.accountId())
                        .put("PermissionSetArn", a.permissionSetArn())
                        .put("PrincipalType", a.principalType())
                        .put("PrincipalId", a.principalId()));
    }

    private SsoAdminData requireInstance(Request request) {
        return requireInstance(data.get(), request.requiredString("InstanceArn", StringConstraint.INSTANCE_ARN));
    }

    static SsoAdminData requireInstance(SsoAdminData instance, String arn) {
        if (!instance.instanceArn().equals(arn)) {
            throw ApiError.notFoundMessage("Instance not found: " + arn);
        }
        return instance;
    }

    static ObjectNode requirePermissionSet(SsoAdminData instance, String arn) {
        ObjectNode permissionSet = instance.permissionSets().get(arn);
        if (permissionSet == null) {
            throw ApiError.notFoundMessage("PermissionSet not found: " + arn);
        }
        return permissionSet;
    }
}
