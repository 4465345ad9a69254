package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.PendingChanges;
import io.github.jmlidentity.functions.domain.EmployeeSchedule;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The scheduled changes in memory, with the same conditional writes and due ordering as the DynamoDB table. */
public class InMemoryPendingChanges implements PendingChanges {

    private final Map<String, EmployeeSchedule> schedules = new TreeMap<>();

    @Override
    public synchronized Optional<EmployeeSchedule> find(String employeeId) {
        return Optional.ofNullable(schedules.get(employeeId));
    }

    @Override
    public synchronized boolean put(EmployeeSchedule next, long expectedVersion) {
        EmployeeSchedule current = schedules.get(next.employeeId());
        if ((current == null ? 0 : current.version()) != expectedVersion) {
            return false;
        }
        schedules.put(next.employeeId(), next);
        changed();
        return true;
    }

    /** As the index orders them: by due time, then employee id. */
    @Override
    public synchronized List<Due> due(Instant until, Due after, int limit) {
        Comparator<Due> order = Comparator.comparing(Due::dueAt).thenComparing(Due::employeeId);
        return schedules.values().stream()
                .flatMap(s -> s.nextDueAt().map(at -> new Due(s.employeeId(), at)).stream())
                .filter(d -> until == null || !d.dueAt().isAfter(until))
                .filter(d -> after == null || order.compare(d, after) > 0)
                .sorted(order).limit(limit).toList();
    }

    /** Every schedule, by employee id. */
    public synchronized Map<String, EmployeeSchedule> schedules() {
        return Map.copyOf(schedules);
    }

    protected synchronized void restore(Map<String, EmployeeSchedule> restored) {
        schedules.clear();
        schedules.putAll(restored);
    }

    /** Called under the lock after every write; the file-backed store saves here. */
    protected void changed() {
    }
}
