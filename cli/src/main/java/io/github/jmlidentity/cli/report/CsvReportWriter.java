package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.cli.output.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One CSV table for spreadsheets: a {@code record} column says what each row is: {@code group} rows first (with
 * member counts and account assignments, in {@code groupAccess}), then {@code user} rows (groups, the access they give
 * in {@code groupAccess} naming the group, the access assigned directly in {@code directAccess}, findings in
 * {@code drift}), then {@code missing-user} rows for roster employees with no user, then {@code pending-change} rows
 * for changes entered ahead of time and not yet applied.
 *
 * <p>Names come from the directory, which anyone who can edit a user or group writes: a cell a spreadsheet would
 * read as a formula (starting with {@code = + - @}, tab or carriage return) is prefixed with a single quote and
 * quoted, as OWASP advises against CSV injection.
 */
final class CsvReportWriter extends LineReportWriter {
    static final List<String> HEADER = List.of("record", "name", "id", "displayName", "email", "members", "groups",
            "groupAccess", "directAccess", "drift");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    CsvReportWriter(Writer out) {
        super(out);
    }

    @Override
    public void begin(String identityStoreId, String instanceArn, String generatedAt) throws IOException {
        row(HEADER);
    }

    @Override
    public void group(GroupAccess group) throws IOException {
        row(List.of("group", group.name(), group.groupId(), "", "", Long.toString(group.members()), "",
                String.join("; ", group.labels()), "", ""));
    }

    @Override
    public void user(UserAccess user) throws IOException {
        row(List.of("user", user.userName(), user.userId(), nonNull(user.displayName()), nonNull(user.email()), "",
                String.join("; ", user.groups()), describe(user.groupAccess()), describe(user.directAccess()),
                user.drift() == null ? "" : user.drift().describe()));
    }

    @Override
    public void missingFromDirectory(Roster.Entry entry) throws IOException {
        row(List.of("missing-user", entry.userName(), entry.employeeId(), "", "", "",
                String.join("; ", entry.expectedGroups()), "", "", "in HR roster but not in the directory"));
    }

    /** Name: user name; id: employee id; displayName: the change; drift: when it is due and its HR event. */
    @Override
    public void pendingChange(PendingChange change) throws IOException {
        row(List.of("pending-change", nonNull(change.userName()), change.employeeId(), change.change(), "", "", "", "",
                "", "due " + change.dueAt() + " (effective " + change.effectiveAt() + "); HR event "
                        + change.hrEventId()));
    }

    /** One cell, safe to open in a spreadsheet. */
    static String cell(String value) {
        if (value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return "\"'" + value.replace("\"", "\"\"") + '"';
        }
        return Csv.field(value);
    }

    private void row(List<String> fields) throws IOException {
        writeLine(String.join(",", fields.stream().map(CsvReportWriter::cell).toList()));
    }

    private static String describe(List<Access> accesses) {
        return String.join("; ", accesses.stream().map(Access::describe).toList());
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
