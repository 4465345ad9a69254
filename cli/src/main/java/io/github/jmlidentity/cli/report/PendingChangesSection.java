package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.functions.application.port.in.ScheduledChanges;
import java.io.IOException;
import java.util.List;

/**
 * Adds the pending changes (read from the ledger, not the directory) to a report: every writer gets them after the
 * users and before the summary.
 */
final class PendingChangesSection implements ReportWriter {
    private final ReportWriter writer;
    private final List<PendingChange> pending;

    PendingChangesSection(ReportWriter writer, List<PendingChange> pending) {
        this.writer = writer;
        this.pending = List.copyOf(pending);
    }

    /** The ledger's open scheduled changes, as the report lists them. */
    static List<PendingChange> of(List<ScheduledChanges.Pending> open) {
        return open.stream().map(p -> new PendingChange(p.employeeId(), p.change().userName(), p.change().label(),
                p.change().dueAt(), p.change().effectiveAt(), p.change().hrEventId())).toList();
    }

    @Override
    public void begin(String identityStoreId, String instanceArn, String generatedAt) throws IOException {
        writer.begin(identityStoreId, instanceArn, generatedAt);
    }

    @Override
    public void group(GroupAccess group) throws IOException {
        writer.group(group);
    }

    @Override
    public void user(UserAccess user) throws IOException {
        writer.user(user);
    }

    @Override
    public void missingFromDirectory(Roster.Entry entry) throws IOException {
        writer.missingFromDirectory(entry);
    }

    @Override
    public void pendingChange(PendingChange change) throws IOException {
        writer.pendingChange(change);
    }

    @Override
    public void end(ReportSummary summary) throws IOException {
        for (PendingChange change : pending) {
            writer.pendingChange(change);
        }
        writer.end(summary);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
