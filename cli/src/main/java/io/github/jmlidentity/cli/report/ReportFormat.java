package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.cli.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/** The report's output formats: csv and json for files and tools, table for a terminal. */
public enum ReportFormat {
    CSV, JSON, TABLE;

    public static ReportFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new CliException("--format must be csv, json or table, got '" + name + "'");
        }
    }

    public ReportWriter writer(Writer out) {
        try {
            return switch (this) {
                case CSV -> new CsvReportWriter(out);
                case JSON -> new JsonReportWriter(out);
                case TABLE -> new TableReportWriter(out);
            };
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
