package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.PendingChanges;
import io.github.jmlidentity.functions.domain.EmployeeSchedule;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The scheduled changes in memory, with the same conditional writes and due ordering as the DynamoDB table. */
public class InMemoryPendingChanges extends InMemoryByEmployee<EmployeeSchedule> implements PendingChanges {

    public InMemoryPendingChanges() {
        super(EmployeeSchedule::employeeId, EmployeeSchedule::version);
    }

    /** As the index orders them: by due time, then employee id. */
    @Override
    public synchronized List<Due> due(Instant until, Due after, int limit) {
        Comparator<Due> order = Comparator.comparing(Due::dueAt).thenComparing(Due::employeeId);
        return items().stream()
                .flatMap(s -> s.nextDueAt().map(at -> new Due(s.employeeId(), at)).stream())
                .filter(d -> until == null || !d.dueAt().isAfter(until))
                .filter(d -> after == null || order.compare(d, after) > 0)
                .sorted(order).limit(limit).toList();
    }

    /** Every schedule, by employee id. */
    public Map<String, EmployeeSchedule> schedules() {
        return copy();
    }

    protected void restore(Map<String, EmployeeSchedule> restored) {
        replaceAll(restored);
    }
}
