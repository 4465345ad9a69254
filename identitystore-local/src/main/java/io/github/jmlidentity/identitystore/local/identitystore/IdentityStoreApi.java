package io.github.jmlidentity.identitystore.local.identitystore;

import static java.util.Map.entry;

import io.github.jmlidentity.identitystore.local.api.Operation;
import io.github.jmlidentity.identitystore.local.store.Stores;
import java.util.HashMap;
import java.util.Map;

/** The 19 operations of the AWSIdentityStore target, by name. */
public final class IdentityStoreApi {
    public static final String TARGET_PREFIX = "AWSIdentityStore";

    private static final Map<String, StoreOperation> OPERATIONS = Map.ofEntries(
            entry("CreateUser", UserOperations::createUser),
            entry("DescribeUser", UserOperations::describeUser),
            entry("UpdateUser", UserOperations::updateUser),
            entry("DeleteUser", UserOperations::deleteUser),
            entry("ListUsers", UserOperations::listUsers),
            entry("GetUserId", UserOperations::getUserId),
            entry("CreateGroup", GroupOperations::createGroup),
            entry("DescribeGroup", GroupOperations::describeGroup),
            entry("UpdateGroup", GroupOperations::updateGroup),
            entry("DeleteGroup", GroupOperations::deleteGroup),
            entry("ListGroups", GroupOperations::listGroups),
            entry("GetGroupId", GroupOperations::getGroupId),
            entry("CreateGroupMembership", MembershipOperations::createGroupMembership),
            entry("DescribeGroupMembership", MembershipOperations::describeGroupMembership),
            entry("DeleteGroupMembership", MembershipOperations::deleteGroupMembership),
            entry("ListGroupMemberships", MembershipOperations::listGroupMemberships),
            entry("ListGroupMembershipsForMember", MembershipOperations::listGroupMembershipsForMember),
            entry("GetGroupMembershipId", MembershipOperations::getGroupMembershipId),
            entry("IsMemberInGroups", MembershipOperations::isMemberInGroups));

    private IdentityStoreApi() {
    }

    /** Each operation acts on the store of {@code stores} its request names; an unknown one is ResourceNotFound. */
    public static Map<String, Operation> operations(Stores stores) {
        Map<String, Operation> operations = new HashMap<>();
        OPERATIONS.forEach((name, operation) ->
                operations.put(name, request -> operation.handle(stores.require(request), request)));
        return Map.copyOf(operations);
    }

    /** Operations that change state: the ones a "zero writes" assertion counts. */
    public static boolean isWrite(String operation) {
        return operation.startsWith("Create") || operation.startsWith("Update") || operation.startsWith("Delete");
    }
}
