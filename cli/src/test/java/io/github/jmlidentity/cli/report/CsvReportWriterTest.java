package io.github.jmlidentity.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GIVEN directory names an attacker chose, WHEN the report is written as CSV and opened in a spreadsheet. */
class CsvReportWriterTest {

    @ParameterizedTest(name = "a cell starting with [{0}]")
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void aCellASpreadsheetWouldRunIsPrefixedWithAQuoteAndQuoted(String start) {
        String value = start + "HYPERLINK(\"https://evil.example\",\"x\")";
        assertThat(CsvReportWriter.cell(value)).isEqualTo("\"'" + value.replace("\"", "\"\"") + "\"");
        assertThat(CsvReportWriter.cell(start + "1+2")).isEqualTo("\"'" + start + "1+2\"");
    }

    @Test
    void otherCellsAreWrittenAsRfc4180() {
        assertThat(CsvReportWriter.cell("ada")).isEqualTo("ada");
        assertThat(CsvReportWriter.cell("a=b")).as("only the first character starts a formula").isEqualTo("a=b");
        assertThat(CsvReportWriter.cell("Doe, Jane")).isEqualTo("\"Doe, Jane\"");
        assertThat(CsvReportWriter.cell("")).isEmpty();
        assertThat(CsvReportWriter.cell(null)).isEmpty();
    }

    @Test
    void everyColumnOfAUserRowIsEscaped() throws Exception {
        StringWriter out = new StringWriter();
        CsvReportWriter writer = new CsvReportWriter(out);
        Access access = Access.of("222222222222", "ReadOnly");
        writer.user(new UserAccess("@admin", "u-1", "+cmd|' /C calc'!A0", "-2+3@example.com", List.of("=Team"),
                List.of(access.via("=Team")), List.of(access),
                new UserAccess.Drift(false, null, List.of(), List.of(), List.of(access))));
        assertThat(out.toString()).isEqualTo("user,\"'@admin\",u-1,\"'+cmd|' /C calc'!A0\",\"'-2+3@example.com\",,"
                + "\"'=Team\",222222222222/ReadOnly via =Team,222222222222/ReadOnly,"
                + "direct assignment 222222222222/ReadOnly bypasses the access rules\n");
    }
}
