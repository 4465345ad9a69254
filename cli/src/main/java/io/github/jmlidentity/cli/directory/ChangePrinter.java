package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.output.OutputFormat;
import io.github.jmlidentity.cli.output.RowPrinter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

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

    /** Records a change; in table format its sentence is printed at once. */
    void change(String action, String userName, String userId, String groupName, String groupId, String sentence) {
        if (format == OutputFormat.TABLE) {
            out.println(sentence);
            out.flush();
        } else {
            changes.add(List.of(action, nonNull(userName), nonNull(userId), nonNull(groupName), nonNull(groupId)));
        }
    }

    /** Prints the recorded changes (json, csv); call once when the command is done. */
    void flushChanges() {
        if (format != OutputFormat.TABLE) {
            RowPrinter.print(out, format, CHANGE_COLUMNS, changes);
        }
    }

    void rows(List<String> columns, List<List<String>> rows) {
        RowPrinter.print(out, format, columns, rows);
    }

    PrintWriter writer() {
        return out;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
