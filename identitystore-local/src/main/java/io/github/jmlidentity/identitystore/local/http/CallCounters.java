package io.github.jmlidentity.identitystore.local.http;

import io.github.jmlidentity.identitystore.local.StatsSnapshot;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free counters of calls and outcomes per operation. */
public final class CallCounters {
    private final Map<String, Counters> byOperation = new ConcurrentHashMap<>();

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder succeeded = new LongAdder();
        final LongAdder throttled = new LongAdder();
        final LongAdder internalErrors = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    }

    void called(String operation) {
        counters(operation).calls.increment();
    }

    void succeeded(String operation) {
        counters(operation).succeeded.increment();
    }

    void failed(String operation, String errorType) {
        Counters counters = counters(operation);
        counters.errors.computeIfAbsent(errorType, type -> new LongAdder()).increment();
        if (errorType.equals("ThrottlingException")) {
            counters.throttled.increment();
        } else if (errorType.equals("InternalServerException")) {
            counters.internalErrors.increment();
        }
    }

    public void reset() {
        byOperation.clear();
    }

    public StatsSnapshot snapshot() {
        Map<String, StatsSnapshot.OperationCounts> operations = new TreeMap<>();
        byOperation.forEach((name, c) -> {
            Map<String, Long> errors = new TreeMap<>();
            c.errors.forEach((type, count) -> errors.put(type, count.sum()));
            operations.put(name, new StatsSnapshot.OperationCounts(c.calls.sum(), c.succeeded.sum(),
                    c.throttled.sum(), c.internalErrors.sum(), Map.copyOf(errors)));
        });
        return new StatsSnapshot(operations);
    }

    private Counters counters(String operation) {
        return byOperation.computeIfAbsent(operation, name -> new Counters());
    }
}
