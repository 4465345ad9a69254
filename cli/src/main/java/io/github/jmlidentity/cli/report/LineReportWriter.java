package io.github.jmlidentity.cli.report;

import java.io.IOException;
import java.io.Writer;

/** A report written line by line (CSV, the terminal table): nothing to close off at the end but the writer. */
abstract class LineReportWriter implements ReportWriter {
    private final Writer out;

    LineReportWriter(Writer out) {
        this.out = out;
    }

    /** Writes one line (a newline, not the platform's separator: the output is the same everywhere). */
    final void writeLine(String text) throws IOException {
        out.write(text);
        out.write('\n');
    }

    @Override
    public void end(ReportSummary summary) throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
