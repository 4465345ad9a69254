package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.HrEventResult;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.application.port.in.ScheduledChanges;
import io.github.jmlidentity.functions.application.port.out.PendingChanges;
import io.github.jmlidentity.functions.domain.EffectiveDating;
import io.github.jmlidentity.functions.domain.EmployeeSchedule;
import io.github.jmlidentity.functions.domain.ScheduledChange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies the changes that have come due: it reads the due index page by page, earliest first, and sends each due
 * change through the inbound port like a live event: an HR event as its envelope (as received, so that a permanent
 * failure reaches the failure queue with it), a follow-up delete as a parsed event. The SchedulingGate claims each
 * change as it lets it through, so a cancellation cannot race it; the ledger's lease keeps a concurrent redelivery
 * from applying it twice. A change that fails in a way a retry may change stays pending for the next run.
 */
public record DueChangeRunner(PendingChanges store, ProcessHrEvent events, Clock clock) implements ScheduledChanges {

    /** A change still open this long after its due time is overdue (the alarm's threshold). */
    public static final Duration OVERDUE_AFTER = Duration.ofMinutes(15);
    /** Stop starting changes when less than this is left before the deadline: one change takes a few seconds. */
    static final Duration DEADLINE_MARGIN = Duration.ofSeconds(30);
    private static final int PAGE = 100;
    private static final int OVERDUE_COUNTED = 10_000;

    @Override
    public DueRun runDue(Instant deadline, Consumer<HrEventResult> each) {
        Instant now = clock.instant();
        List<HrEventResult> results = new ArrayList<>();
        Set<String> attempted = new HashSet<>();
        boolean unfinished = !store.forEachDue(now.plus(EffectiveDating.CLOCK_SKEW), PAGE, due -> {
            EmployeeSchedule schedule = store.find(due.employeeId()).orElse(null);
            if (schedule == null) {
                return true;
            }
            for (ScheduledChange change : schedule.open()) {
                if (!EffectiveDating.isDue(change.dueAt(), now)
                        || !attempted.add(due.employeeId() + "\n" + change.hrEventId())) {
                    continue;
                }
                if (deadline != null && clock.instant().plus(DEADLINE_MARGIN).isAfter(deadline)) {
                    return false;
                }
                HrEventResult result = events.process(request(due.employeeId(), change).within(deadline));
                results.add(result);
                each.accept(result);
            }
            return true;
        });
        Instant end = clock.instant();
        List<PendingChanges.Due> left = store.due(end, null, 1);
        return new DueRun(end, results, unfinished, overdue(end.minus(OVERDUE_AFTER)),
                left.isEmpty() ? null : left.get(0).dueAt());
    }

    /** Employees with a change still open that was due by {@code until} (counted up to {@value #OVERDUE_COUNTED}). */
    private int overdue(Instant until) {
        int[] count = {0};
        store.forEachDue(until, PAGE, due -> ++count[0] < OVERDUE_COUNTED);
        return count[0];
    }

    @Override
    public List<Pending> pending() {
        return pending(store);
    }

    /** Every open change in {@code store}, the earliest due first (a listing needs no directory). */
    public static List<Pending> pending(PendingChanges store) {
        List<Pending> pending = new ArrayList<>();
        store.forEachDue(null, PAGE, due -> {
            store.find(due.employeeId()).ifPresent(schedule -> schedule.open()
                    .forEach(change -> pending.add(new Pending(due.employeeId(), change))));
            return true;
        });
        pending.sort(java.util.Comparator.comparing((Pending p) -> p.change().dueAt())
                .thenComparing(Pending::employeeId).thenComparing(p -> p.change().hrEventId()));
        return pending;
    }

    private static HrEventRequest request(String employeeId, ScheduledChange change) {
        return change.isFollowUp() ? HrEventRequest.event(change.followUpEvent(employeeId))
                : HrEventRequest.envelope(change.envelope().getBytes(StandardCharsets.UTF_8));
    }
}
