package io.github.jmlidentity.functions.application.port.in;

import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.reconcile.PlanItem;
import io.github.jmlidentity.functions.domain.reconcile.ReconcileAction;
import io.github.jmlidentity.functions.domain.reconcile.RosterProblem;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a reconcile came to.
 *
 * @param roster        the roster's name
 * @param asOf          the instant every change is dated at
 * @param rosterProblems why the roster was refused (nothing planned); empty when it was read
 * @param lines         the plan, and for an applied item what applying it came to
 * @param applied       whether the changes were applied (false: plan only)
 * @param withheld      why some planned changes were not applied (mass-deletion guard, conflicts), or null
 * @param directoryCalls Identity Store calls per operation for the plan (the paged pass), apart from the changes
 * @param planMillis    reading the directory and the ledger, and planning
 * @param applyMillis   applying the changes (0 for a plan)
 */
public record ReconcileResult(String roster, Instant asOf, List<RosterProblem> rosterProblems, List<Line> lines,
                              boolean applied, String withheld, Map<String, Long> directoryCalls, long planMillis,
                              long applyMillis) {

    public ReconcileResult {
        rosterProblems = List.copyOf(rosterProblems);
        lines = List.copyOf(lines);
        directoryCalls = Map.copyOf(directoryCalls);
    }

    public ReconcileResult(String roster, Instant asOf, List<RosterProblem> rosterProblems, List<Line> lines,
                           boolean applied, String withheld, Map<String, Long> directoryCalls, long planMillis) {
        this(roster, asOf, rosterProblems, lines, applied, withheld, directoryCalls, planMillis, 0);
    }

    public ReconcileResult withApplyMillis(long millis) {
        return new ReconcileResult(roster, asOf, rosterProblems, lines, applied, withheld, directoryCalls, planMillis,
                millis);
    }

    /**
     * One item and, once applied, its outcome.
     *
     * @param outcome  APPLIED, NO_CHANGE, FAILED... from the item's audit record(s); null when not applied
     * @param error    why applying failed or was withheld, or null
     * @param apiCalls Identity Store calls its application made
     */
    public record Line(PlanItem item, Outcome outcome, String error, long apiCalls) {

        public boolean failed() {
            return outcome == Outcome.FAILED || outcome == Outcome.REJECTED;
        }
    }

    public static ReconcileResult refused(String roster, Instant asOf, List<RosterProblem> problems) {
        return new ReconcileResult(roster, asOf, problems, List.of(), false, null, Map.of(), 0);
    }

    public boolean rosterRefused() {
        return !rosterProblems.isEmpty();
    }

    public Map<ReconcileAction, Integer> counts() {
        Map<ReconcileAction, Integer> counts = new EnumMap<>(ReconcileAction.class);
        for (ReconcileAction action : ReconcileAction.values()) {
            counts.put(action, 0);
        }
        lines.forEach(line -> counts.merge(line.item().action(), 1, Integer::sum));
        return counts;
    }

    public long conflicts() {
        return counts().get(ReconcileAction.CONFLICT);
    }

    public long failures() {
        return lines.stream().filter(Line::failed).count();
    }

    /** Changes planned and not applied (plan only, withheld, or failed). */
    public long pending() {
        return lines.stream().filter(l -> l.item().action().changes() && (l.outcome() == null || l.failed())).count();
    }

    /** Nothing to do, or everything applied, with no conflict and no failure. */
    public boolean clean() {
        return !rosterRefused() && conflicts() == 0 && failures() == 0 && withheld == null
                && (applied || lines.stream().noneMatch(l -> l.item().action().changes()));
    }
}
