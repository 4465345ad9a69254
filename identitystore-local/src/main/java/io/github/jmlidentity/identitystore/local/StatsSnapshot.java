package io.github.jmlidentity.identitystore.local;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of API calls since the last reset, per operation.
 *
 * @param operations per operation name (e.g. "CreateUser", "ListInstances"): its counters
 */
public record StatsSnapshot(Map<String, OperationCounts> operations) {

    /** Counters of one operation. {@code errors} counts every error answer by type, injected faults included. */
    public record OperationCounts(long calls, long succeeded, long throttled, long internalErrors,
                                  Map<String, Long> errors) {
    }

    public StatsSnapshot {
        operations = Map.copyOf(operations);
    }

    /** Requests received for the operation, faulted ones included. */
    public long calls(String operation) {
        OperationCounts counts = operations.get(operation);
        return counts == null ? 0 : counts.calls();
    }

    public long succeeded(String operation) {
        OperationCounts counts = operations.get(operation);
        return counts == null ? 0 : counts.succeeded();
    }

    /** Create*, Update* and Delete* requests received: what "no write reached the directory" is measured by. */
    public long writeCalls() {
        return operations.entrySet().stream()
                .filter(e -> e.getKey().startsWith("Create") || e.getKey().startsWith("Update") || e.getKey().startsWith("Delete"))
                .mapToLong(e -> e.getValue().calls())
                .sum();
    }

    public long totalCalls() {
        return operations.values().stream().mapToLong(OperationCounts::calls).sum();
    }

    /** ThrottlingException answers injected by the quota. */
    public long throttled() {
        return operations.values().stream().mapToLong(OperationCounts::throttled).sum();
    }

    /** InternalServerException answers injected by the error rate. */
    public long internalErrors() {
        return operations.values().stream().mapToLong(OperationCounts::internalErrors).sum();
    }

    /** Calls per operation, only operations that were called, sorted by name. */
    public Map<String, Long> callsByOperation() {
        Map<String, Long> calls = new TreeMap<>();
        operations.forEach((name, counts) -> {
            if (counts.calls() > 0) {
                calls.put(name, counts.calls());
            }
        });
        return calls;
    }
}
