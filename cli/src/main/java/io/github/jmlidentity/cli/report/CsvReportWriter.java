package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.cli.output.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One CSV table for spreadsheets: a {@code record} column says what each row is: {@code group} rows first (with
 * member counts and account assignments), then {@code user} rows (groups, the access they give, drift), then
 * {@code missing-user} rows for roster employees with no user.
 */
final class CsvReportWriter extends LineReportWriter {
    static final List<String> HEADER = List.of("record", "name", "id", "displayName", "email", "members", "groups",
            "access", "drift");

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
                String.join("; ", group.assignments()), ""));
    }

    @Override
    public void user(UserAccess user) throws IOException {
        row(List.of("user", user.userName(), user.userId(), nonNull(user.displayName()), nonNull(user.email()), "",
                String.join("; ", user.groups()), String.join("; ", user.access()),
                user.drift() == null ? "" : user.drift().describe()));
    }

    @Override
    public void missingFromDirectory(Roster.Entry entry) throws IOException {
        row(List.of("missing-user", entry.userName(), entry.employeeId(), "", "", "",
                String.join("; ", entry.expectedGroups()), "", "in HR roster but not in the directory"));
    }

    private void row(List<String> fields) throws IOException {
        writeLine(Csv.line(fields));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
