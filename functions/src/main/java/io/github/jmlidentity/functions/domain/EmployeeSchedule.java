package io.github.jmlidentity.functions.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every scheduled change of one employee, pending or recently resolved, stored as one item (so that one strongly
 * consistent read answers "is this event already scheduled, cancelled or applied?") and written with a conditional
 * write on {@code version}, like the ledger.
 *
 * @param changes in the order recorded
 * @param version bumped by every write; 0 when nothing was stored yet
 */
public record EmployeeSchedule(String employeeId, List<ScheduledChange> changes, long version) {

    /** Resolved changes kept to recognise redeliveries (newest kept), beside every open one. */
    public static final int RESOLVED_KEPT = 20;

    public EmployeeSchedule {
        Objects.requireNonNull(employeeId, "employeeId");
        changes = List.copyOf(changes);
    }

    public static EmployeeSchedule empty(String employeeId) {
        return new EmployeeSchedule(employeeId, List.of(), 0);
    }

    public Optional<ScheduledChange> find(String hrEventId) {
        return changes.stream().filter(c -> c.hrEventId().equals(hrEventId)).findFirst();
    }

    /** Pending or running changes, the earliest due first. */
    public List<ScheduledChange> open() {
        return changes.stream().filter(c -> c.state().isOpen())
                .sorted(Comparator.comparing(ScheduledChange::dueAt).thenComparing(ScheduledChange::hrEventId)).toList();
    }

    /** When the earliest open change is due: the item's key in the due index; empty when nothing is open. */
    public Optional<Instant> nextDueAt() {
        return open().stream().map(ScheduledChange::dueAt).findFirst();
    }

    /** The schedule with {@code change} added, or replacing the one with its HR event id; old resolved ones pruned. */
    public EmployeeSchedule with(ScheduledChange change) {
        List<ScheduledChange> next = new ArrayList<>(changes);
        next.removeIf(c -> c.hrEventId().equals(change.hrEventId()));
        next.add(change);
        List<ScheduledChange> resolved = next.stream().filter(c -> !c.state().isOpen()).toList();
        for (int i = 0; i < resolved.size() - RESOLVED_KEPT; i++) {
            next.remove(resolved.get(i));
        }
        return new EmployeeSchedule(employeeId, next, version);
    }

    /** The next version, to write conditionally on this one. */
    public EmployeeSchedule nextVersion() {
        return new EmployeeSchedule(employeeId, changes, version + 1);
    }
}
