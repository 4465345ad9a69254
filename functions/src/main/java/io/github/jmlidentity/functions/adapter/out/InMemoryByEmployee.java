package io.github.jmlidentity.functions.adapter.out;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One versioned item per employee, in memory, written as the DynamoDB tables are: a write succeeds only over the
 * version it read (0: none yet). The in-memory ledger and scheduled changes, and their file-backed twins, keep theirs
 * here.
 */
abstract class InMemoryByEmployee<T> {

    private final Map<String, T> items = new TreeMap<>();
    private final Function<T, String> employeeId;
    private final ToLongFunction<T> version;

    InMemoryByEmployee(Function<T, String> employeeId, ToLongFunction<T> version) {
        this.employeeId = employeeId;
        this.version = version;
    }

    public synchronized Optional<T> find(String employee) {
        return Optional.ofNullable(items.get(employee));
    }

    public synchronized boolean put(T next, long expectedVersion) {
        T current = items.get(employeeId.apply(next));
        if ((current == null ? 0 : version.applyAsLong(current)) != expectedVersion) {
            return false;
        }
        items.put(employeeId.apply(next), next);
        changed();
        return true;
    }

    /** The items as they are; call under the lock. */
    final Collection<T> items() {
        return items.values();
    }

    /** Every item, by employee id. */
    final synchronized Map<String, T> copy() {
        return Map.copyOf(items);
    }

    final synchronized void replaceAll(Map<String, T> restored) {
        items.clear();
        items.putAll(restored);
    }

    /** Called under the lock after every write; the file-backed stores save here. */
    protected void changed() {
    }
}
