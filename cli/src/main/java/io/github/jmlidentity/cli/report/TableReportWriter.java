package io.github.jmlidentity.cli.report;

import java.io.IOException;
import java.io.Writer;

/**
 * The report for a terminal: groups with their access, then each user's groups, the access they give (naming the
 * group), the access assigned directly, and the findings.
 */
final class TableReportWriter extends LineReportWriter {
    private static final int NAME_WIDTH = 24;

    private boolean usersStarted;
    private boolean missingStarted;
    private boolean pendingStarted;

    TableReportWriter(Writer out) {
        super(out);
    }

    @Override
    public void begin(String identityStoreId, String instanceArn, String generatedAt) throws IOException {
        line("Access report of identity store " + identityStoreId + " (" + generatedAt + ")");
        line("");
        line(pad("GROUP") + "MEMBERS  ACCOUNT ACCESS (account/permission set)");
    }

    @Override
    public void group(GroupAccess group) throws IOException {
        line(pad(group.name()) + String.format("%7d  ", group.members())
                + (group.assignments().isEmpty() ? "-" : String.join(", ", group.labels())));
    }

    @Override
    public void user(UserAccess user) throws IOException {
        if (!usersStarted) {
            usersStarted = true;
            line("");
            line(pad("USER") + "GROUPS / ACCESS");
        }
        line(pad(user.userName()) + (user.groups().isEmpty() ? "(no groups)" : String.join(", ", user.groups())));
        if (!user.groupAccess().isEmpty()) {
            line(pad("") + "-> " + String.join(", ", user.groupAccess().stream().map(Access::describe).toList()));
        }
        if (!user.directAccess().isEmpty()) {
            line(pad("") + "-> direct: " + String.join(", ", user.directAccess().stream().map(Access::label).toList()));
        }
        if (user.drift() != null && user.drift().any()) {
            line(pad("") + "drift: " + user.drift().describe());
        }
    }

    @Override
    public void missingFromDirectory(Roster.Entry entry) throws IOException {
        if (!missingStarted) {
            missingStarted = true;
            line("");
            line("In the HR roster but not in the directory:");
        }
        line(pad(entry.userName()) + "employee " + entry.employeeId() + ", expected " + String.join(", ", entry.expectedGroups()));
    }

    @Override
    public void pendingChange(PendingChange change) throws IOException {
        if (!pendingStarted) {
            pendingStarted = true;
            line("");
            line("Pending changes (entered ahead, applied when due):");
            line(pad("USER") + "EMPLOYEE  CHANGE                    DUE                   HR EVENT");
        }
        line(pad(change.userName() == null ? "-" : change.userName()) + String.format("%-9s %-25s %-21s %s",
                change.employeeId(), change.change(), change.dueAt(), change.hrEventId()));
    }

    private void line(String text) throws IOException {
        writeLine(text.stripTrailing());
    }

    private static String pad(String text) {
        return text.length() >= NAME_WIDTH ? text + "  " : text + " ".repeat(NAME_WIDTH - text.length());
    }
}
