package io.github.jmlidentity.cli.report;

import java.io.IOException;

/** Where the report goes, one record at a time, so 50,000 users never sit in memory as rows. */
public interface ReportWriter extends AutoCloseable {
    void begin(String identityStoreId, String instanceArn, String generatedAt) throws IOException;

    void group(GroupAccess group) throws IOException;

    void user(UserAccess user) throws IOException;

    void missingFromDirectory(Roster.Entry entry) throws IOException;

    /** A change entered ahead of time, not yet applied; after every user and missing user, before {@link #end}. */
    void pendingChange(PendingChange change) throws IOException;

    void end(ReportSummary summary) throws IOException;

    @Override
    void close() throws IOException;
}
