package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.output.OutputFormat;
import io.github.jmlidentity.cli.output.RowPrinter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Output of the commands: a sentence per change for people (as the well-known sample script prints), rows with
 * stable columns for json and csv, and listings as tables.
 */
public final class ChangePrinter {
    private static final List<String> CHANGE_COLUMNS = List.of("action", "userName", "userId", "groupName", "groupId");

    private final PrintWriter out;
    private final OutputFormat format;
    private final List<List<String>> changes = new ArrayList<>();

    ChangePrinter(PrintWriter out, OutputFormat format) {
        this.out = out;
        this.format = format;
    }

    /** Records a change to a user and/or a group (either may be null); in table format its sentence is printed at once. */
    void change(String action, Named user, Named group, String sentence) {
        if (format == OutputFormat.TABLE) {
            out.println(sentence);
            out.flush();
        } else {
            changes.add(List.of(action, name(user), id(user), name(group), id(group)));
        }
    }

    /** Prints the recorded changes (json, csv); call once when the command is done. */
    void flushChanges() {
        if (format != OutputFormat.TABLE) {
            RowPrinter.print(out, format, CHANGE_COLUMNS, changes);
        }
    }

    /** Prints a listing, sorted by its first column ignoring case. */
    void sortedRows(List<String> columns, List<List<String>> rows) {
        List<List<String>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((List<String> row) -> row.get(0).toLowerCase(Locale.ROOT)));
        RowPrinter.print(out, format, columns, sorted);
    }

    PrintWriter writer() {
        return out;
    }

    private static String name(Named named) {
        return named == null || named.name() == null ? "" : named.name();
    }

    private static String id(Named named) {
        return named == null || named.id() == null ? "" : named.id();
    }
}
