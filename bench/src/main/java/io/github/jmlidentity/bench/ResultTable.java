package io.github.jmlidentity.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The human-readable table: one block per benchmark, its rows, its status and notes. */
final class ResultTable {

    private ResultTable() {
    }

    static void print(PrintStream out, List<BenchResult> results) {
        int width = 12;
        for (BenchResult r : results) {
            for (String[] row : r.rows()) {
                width = Math.max(width, row[0].length());
            }
        }
        width = Math.min(width, 48);
        for (BenchResult r : results) {
            out.printf(Locale.ROOT, "%-12s %-7s %6.1fs  goal: %s%n", r.name(), r.status().name(), r.seconds(), r.goal());
            for (String[] row : r.rows()) {
                out.printf(Locale.ROOT, "    %-" + width + "s  %s%n", row[0], row[1]);
            }
            for (String note : r.notes()) {
                out.println("    note: " + note);
            }
        }
    }
}
