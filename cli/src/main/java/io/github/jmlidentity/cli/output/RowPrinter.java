package io.github.jmlidentity.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints rows with named columns as a table, a JSON array of objects, or CSV with a header. */
public final class RowPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowPrinter() {
    }

    public static void print(PrintWriter out, OutputFormat format, List<String> columns, List<List<String>> rows) {
        switch (format) {
            case TABLE -> table(out, columns, rows);
            case CSV -> {
                out.println(Csv.line(columns));
                rows.forEach(row -> out.println(Csv.line(row)));
            }
            case JSON -> json(out, columns, rows);
        }
        out.flush();
    }

    private static void table(PrintWriter out, List<String> columns, List<List<String>> rows) {
        if (rows.isEmpty()) {
            out.println("(none)");
            return;
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], value(row, i).length());
            }
        }
        out.println(pad(columns, widths));
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        out.println(pad(rule, widths));
        rows.forEach(row -> out.println(pad(row, widths)));
    }

    private static void json(PrintWriter out, List<String> columns, List<List<String>> rows) {
        List<Map<String, String>> objects = new ArrayList<>();
        for (List<String> row : rows) {
            Map<String, String> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), value(row, i));
            }
            objects.add(object);
        }
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValueAsString(objects));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static String pad(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String value = value(row, i);
            line.append(value);
            if (i < widths.length - 1) {
                line.append(" ".repeat(widths[i] - value.length() + 2));
            }
        }
        return line.toString().stripTrailing();
    }

    private static String value(List<String> row, int index) {
        return index < row.size() && row.get(index) != null ? row.get(index) : "";
    }
}
