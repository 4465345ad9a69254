package io.github.jmlidentity.functions.application.port.out;

import io.github.jmlidentity.functions.domain.EmployeeSchedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The scheduled changes, one schedule per employee (in the ledger's store when deployed), written with conditional
 * writes only, and indexed by when each employee's earliest open change is due, so that "what is due by T" is a query
 * of the index, not a scan.
 */
public interface PendingChanges {

    /** The employee's schedule, read consistently; empty when none was ever stored. */
    Optional<EmployeeSchedule> find(String employeeId);

    /**
     * Writes {@code next} only if the stored schedule's version still equals {@code expectedVersion} (0 = none yet);
     * {@code next} carries its own (bumped) version. Returns false when another writer got there first.
     */
    boolean put(EmployeeSchedule next, long expectedVersion);

    /**
     * Employees whose earliest open change is due by {@code until}, the earliest first, at most {@code limit}, after
     * {@code after} (null: from the start).
     */
    List<Due> due(Instant until, Due after, int limit);

    /**
     * Every index entry due by {@code until} (null: all), the earliest first, read {@code pageSize} at a time (one
     * {@link #due} call a page), until {@code each} returns false.
     *
     * @return false when {@code each} stopped the walk, true when every entry was read
     */
    default boolean forEachDue(Instant until, int pageSize, Predicate<Due> each) {
        Due after = null;
        while (true) {
            List<Due> page = due(until, after, pageSize);
            for (Due due : page) {
                if (!each.test(due)) {
                    return false;
                }
                after = due;
            }
            if (page.size() < pageSize) {
                return true;
            }
        }
    }

    /** An employee with an open change due at {@code dueAt} (the index entry). */
    record Due(String employeeId, Instant dueAt) {
    }
}
