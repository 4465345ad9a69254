package io.github.jmlidentity.identitystore.local.identitystore;

import io.github.jmlidentity.identitystore.local.api.Operation;
import io.github.jmlidentity.identitystore.local.store.Stores;
import java.util.Map;
import java.util.TreeMap;

/** The 19 operations of the AWSIdentityStore target, by name. */
public final class IdentityStoreApi {
    public static final String TARGET_PREFIX = "AWSIdentityStore";

    private IdentityStoreApi() {
    }

    public static Map<String, Operation> operations(Stores stores) {
        Map<String, Operation> operations = new TreeMap<>();
        new UserOperations(stores).register(operations);
        new GroupOperations(stores).register(operations);
        new MembershipOperations(stores).register(operations);
        return Map.copyOf(operations);
    }

    /** Operations that change state: the ones a "zero writes" assertion counts. */
    public static boolean isWrite(String operation) {
        return operation.startsWith("Create") || operation.startsWith("Update") || operation.startsWith("Delete");
    }
}
