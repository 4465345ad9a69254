package io.github.jmlidentity.functions.application.port.in;

import io.github.jmlidentity.functions.domain.ScheduledChange;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The scheduled changes, as their drivers see them (the scheduler function, `jml scheduled`, `jml report`, the
 * benchmarks): apply what has come due, through the same inbound port as a live event, and list what is pending.
 * What time it is comes from the clock the functions were wired with.
 */
public interface ScheduledChanges {

    /**
     * Applies every change due by now (plus the clock-skew margin), the earliest first, each through
     * {@link ProcessHrEvent} (its own audit record; a permanent failure to the failure queue), until done or until
     * {@code deadline} is near (the rest waits for the next run).
     *
     * @param deadline when the caller's time runs out (Lambda's remaining time), or null for none
     * @param each     told of each change's result, as it is applied (progress output)
     */
    DueRun runDue(Instant deadline, Consumer<HrEventResult> each);

    /** Every open change (pending, or being applied), the earliest due first. */
    List<Pending> pending();

    /** One open change of an employee. */
    record Pending(String employeeId, ScheduledChange change) {
    }

    /**
     * What a run did.
     *
     * @param now          the run's time
     * @param results      the changes applied, in order, each with its result
     * @param unfinished   whether the run stopped at its deadline with due changes left
     * @param overdue      employees with a change due more than 15 minutes before the end of the run and still open
     * @param oldestDueAt  the due time of the oldest open change due by now, or null when none is left
     */
    record DueRun(Instant now, List<HrEventResult> results, boolean unfinished, int overdue, Instant oldestDueAt) {

        public DueRun {
            results = List.copyOf(results);
        }

        /** How long the oldest change still open after the run has been due, in seconds (0 when none). */
        public long oldestDueAgeSeconds() {
            return oldestDueAt == null ? 0 : Math.max(0, java.time.Duration.between(oldestDueAt, now).toSeconds());
        }
    }
}
