package io.github.jmlidentity.identitystore.local.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.api.Operation;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Wraps the write operations of an API so that they answer only once their change is durable. */
public final class DurableWrites {
    private DurableWrites() {
    }

    /** {@code makeDurable} runs after each successful write, before its response is sent. */
    public static Map<String, Operation> acknowledgedWhenDurable(Map<String, Operation> operations,
                                                                 Predicate<String> isWrite, Runnable makeDurable) {
        Map<String, Operation> wrapped = new HashMap<>();
        operations.forEach((name, operation) -> wrapped.put(name, !isWrite.test(name) ? operation : request -> {
            ObjectNode response = operation.handle(request);
            makeDurable.run();
            return response;
        }));
        return Map.copyOf(wrapped);
    }

    /** sso-admin operations that change state: every one but the List, Describe and Get reads. */
    public static boolean isSsoAdminWrite(String operation) {
        return !operation.startsWith("List") && !operation.startsWith("Describe") && !operation.startsWith("Get");
    }
}
