package io.github.jmlidentity.identitystore.local.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Operation;
import io.github.jmlidentity.identitystore.local.api.Pages;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The read-only sso-admin operations the project needs (target SWBExternalService): enough to discover the
 * identity store id and to report which accounts and permission sets each group reaches.
 */
public final class SsoAdminApi {
    public static final String TARGET_PREFIX = "SWBExternalService";

    private final Supplier<SsoAdminData> data;

    private SsoAdminApi(Supplier<SsoAdminData> data) {
        this.data = data;
    }

    public static Map<String, Operation> operations(Supplier<SsoAdminData> data) {
        SsoAdminApi api = new SsoAdminApi(data);
        return Map.of(
                "ListInstances", api::listInstances,
                "ListPermissionSets", api::listPermissionSets,
                "DescribePermissionSet", api::describePermissionSet,
                "ListAccountAssignments", api::listAccountAssignments,
                "ListAccountAssignmentsForPrincipal", api::listAccountAssignmentsForPrincipal);
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
        ObjectNode permissionSet = instance.permissionSets().get(arn);
        if (permissionSet == null) {
            throw ApiError.notFoundMessage("PermissionSet not found: " + arn);
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("PermissionSet", permissionSet.deepCopy());
        return response;
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
        String arn = request.requiredString("InstanceArn", StringConstraint.INSTANCE_ARN);
        SsoAdminData instance = data.get();
        if (!instance.instanceArn().equals(arn)) {
            throw ApiError.notFoundMessage("Instance not found: " + arn);
        }
        return instance;
    }
}
