package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.cli.CliException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** GIVEN an HR roster as spreadsheets and HR exports write it, WHEN the report reads it. */
class RosterTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws Exception {
        Path roster = dir.resolve("excel.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "employeeId,userName,expectedGroups\r\nE1,ada,Engineering\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(roster, all);
        assertThat(Roster.read(roster).find("ADA")).isEqualTo(new Roster.Entry("E1", "ada",
                new java.util.TreeSet<>(java.util.Set.of("Engineering"))));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws Exception {
        Path roster = file("hr.csv", "userName,notes,expectedGroups,employeeId\n"
                + "ada,\"first line\nsecond, with \"\"quotes\"\"\",\"Engineering\nProduction Operators\",E1\n"
                + "\n"
                + "grace,,\"Finance; Auditors\",E2\n");
        Roster read = Roster.read(roster);
        assertThat(read.find("ada").expectedGroups()).containsExactly("Engineering", "Production Operators");
        assertThat(read.find("grace").expectedGroups()).containsExactly("Auditors", "Finance");
        assertThat(read.find("grace").employeeId()).isEqualTo("E2");
        assertThat(read.entries()).hasSize(2);
    }

    @Test
    void aRowErrorNamesTheFileTheLineTheRowStartsOnAndTheColumn() throws Exception {
        Path roster = file("hr.csv", """
                employeeId,userName,expectedGroups,notes
                E1,ada,Engineering,"two
                lines"
                E2,,Finance,
                """);
        assertThatThrownBy(() -> Roster.read(roster)).isInstanceOf(CliException.class)
                .hasMessage(roster + " line 4, column userName: empty; employee E2 needs the user name to compare");
    }

    /** One-line problems: the CSV, the message after the file's name, and whether that is all of it or how it starts. */
    static Stream<Arguments> invalidRosters() {
        return Stream.of(
                Arguments.of("a short row names the missing column", "employeeId,userName,expectedGroups\nE1,ada\n",
                        "line 2, column expectedGroups: missing: the row has 2 fields, the header 3", false),
                Arguments.of("an empty employee id is named", "employeeId,userName,expectedGroups\n E1 ,ada,\n  ,grace,Finance\n",
                        "line 3, column employeeId: empty; every employee needs one", true),
                Arguments.of("a user name twice ignoring case is named with both lines",
                        "employeeId,userName,expectedGroups\nE1,ada,\nE2,grace,\nE3,ADA,\n",
                        "line 4, column userName: 'ADA' appears twice (also line 2)", true),
                Arguments.of("a header without a required column is named", "employeeId,user,expectedGroups\nE1,ada,\n",
                        "line 1: the header must name the columns employeeId,userName,expectedGroups (missing: userName; "
                                + "found: employeeId,user,expectedGroups)", true),
                Arguments.of("too many fields name the row's line",
                        "employeeId,userName,expectedGroups\nE1,ada,Engineering\nE2,grace,Finance,Auditors\n",
                        "line 3: not valid CSV: Too many entries", false),
                Arguments.of("an unclosed quote names the row's line and the column",
                        "employeeId,userName,expectedGroups\nE1,ada,\"Engineering\nE2,grace,\n",
                        "line 2, column expectedGroups: not valid CSV: Missing closing quote for value", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRosters")
    void anInvalidRosterIsRefusedNamingTheFileTheLineAndTheProblem(String story, String csv, String problem,
            boolean wholeMessage) throws Exception {
        Path roster = file("hr.csv", csv);
        String expected = roster + " " + problem;
        assertThatThrownBy(() -> Roster.read(roster)).isInstanceOf(CliException.class)
                .satisfies(e -> assertThat(e.getMessage()).satisfies(message -> {
                    if (wholeMessage) {
                        assertThat(message).isEqualTo(expected);
                    } else {
                        assertThat(message).startsWith(expected);
                    }
                }));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> Roster.read(missing)).hasMessage(missing + ": no such file");
    }
}
