package io.github.jmlidentity.cli.reconcile;

import io.github.jmlidentity.cli.output.OutputFormat;
import io.github.jmlidentity.cli.output.RowPrinter;
import io.github.jmlidentity.functions.application.port.in.ReconcileResult;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.reconcile.PlanItem;
import io.github.jmlidentity.functions.domain.reconcile.ReconcileAction;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A reconcile's plan (and outcomes) as rows, and its summary on stderr. */
public final class ReconcileOutput {

    static final List<String> COLUMNS = List.of("action", "employeeId", "userName", "userId", "details", "result");

    private ReconcileOutput() {
    }

    public static void print(PrintWriter out, OutputFormat format, ReconcileResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (ReconcileResult.Line line : result.lines()) {
            PlanItem item = line.item();
            rows.add(List.of(item.action().name(), nullToEmpty(item.employeeId()), nullToEmpty(item.userName()),
                    nullToEmpty(item.userId()), details(item), result(line)));
        }
        RowPrinter.print(out, format, COLUMNS, rows);
    }

    public static String details(PlanItem item) {
        List<String> parts = new ArrayList<>();
        if (item.action() == ReconcileAction.JOIN) {
            long attributes = item.differences().stream().filter(d -> !d.startsWith("+")).count();
            parts.add("create with " + attributes + " attributes");
            item.differences().stream().filter(d -> d.startsWith("+")).forEach(parts::add);
        } else {
            parts.addAll(item.differences());
        }
        String details = String.join(" ", parts);
        if (item.reason() != null) {
            details = details.isEmpty() ? item.reason() : details + " (" + item.reason() + ")";
        }
        if (item.rosterLine() > 0 && (item.action() == ReconcileAction.CONFLICT)) {
            details = "roster line " + item.rosterLine() + ": " + details;
        }
        return details;
    }

    private static String result(ReconcileResult.Line line) {
        if (line.outcome() == null) {
            // Withheld leavers: the summary says why once.
            return line.error() != null ? "withheld" : "";
        }
        return line.outcome().name() + (line.error() != null && line.failed() ? " " + line.error() : "");
    }

    public static void summary(PrintWriter err, ReconcileResult result) {
        String counts = result.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        long calls = result.directoryCalls().values().stream().mapToLong(Long::longValue).sum();
        err.println("jml reconcile: " + result.roster() + " as of " + result.asOf() + ": " + (counts.isEmpty()
                ? "nothing" : counts) + "; plan from " + calls + " Identity Store calls ("
                + result.directoryCalls().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ") in " + result.planMillis() + " ms");
        if (result.applied()) {
            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            long changeCalls = 0;
            for (ReconcileResult.Line line : result.lines()) {
                if (line.outcome() != null) {
                    outcomes.merge(line.outcome(), 1, Integer::sum);
                }
                changeCalls += line.apiCalls();
            }
            err.println("jml reconcile: applied: " + (outcomes.isEmpty() ? "nothing to do" : outcomes.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
                    + "; " + changeCalls + " Identity Store calls for the changes in " + result.applyMillis() + " ms");
        } else if (result.lines().stream().anyMatch(l -> l.item().action().changes())) {
            err.println("jml reconcile: plan only: run again with --apply to carry it out");
        }
        if (result.withheld() != null) {
            err.println("jml reconcile: " + result.withheld());
        }
        if (result.conflicts() > 0) {
            err.println("jml reconcile: " + result.conflicts() + " conflict(s): listed above, never changed");
        }
        err.flush();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
