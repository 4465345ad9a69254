package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.cli.CliException;
import io.github.jmlidentity.cli.directory.Directory;
import io.github.jmlidentity.cli.directory.IdentityCenterClients;
import io.github.jmlidentity.cli.options.EndpointOptions;
import io.github.jmlidentity.cli.options.IdentityStoreOption;
import io.github.jmlidentity.cli.options.LedgerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The quarterly access review in one command: every user with its groups, the account access "
                + "they give (account/permission set, naming the group) and the access assigned to the user directly, "
                + "every group with its account assignments (via sso-admin).",
                "Findings (drift): every direct assignment (it bypasses the access rules); with --roster, also users not "
                        + "in HR, HR employees missing from the directory, groups extra or missing per user.",
                "Pending changes: the changes HR entered ahead of time and not yet applied (employee, change, due time, "
                        + "HR event id), from the ledger (--ledger, or --ledger-table / LEDGER_TABLE).",
                "Streams: 50,000 users run in a 256 MB heap; API calls grow with pages (100 items), not with users. "
                        + "Account assignments are read per principal or per account × permission set, whichever "
                        + "needs fewer calls (the choice and both counts go to stderr)."},
        footer = {"", "CSV columns: record (group | user | missing-user | pending-change), name, id, displayName, email, "
                + "members, groups, groupAccess (\"account/permission set via group\"; on group rows, the group's "
                + "assignments), directAccess, drift (on pending-change rows: the due time and HR event; the change is in "
                + "displayName, the employee id in id). Cells a spreadsheet would run as a formula (= + - @ tab CR first) are prefixed with ' and quoted.",
                "Roster CSV: a header naming employeeId,userName,expectedGroups (any order; other columns ignored; UTF-8, "
                        + "BOM allowed); groups separated by ';'. A bad roster exits 2 naming the line and column.",
                "", "Examples:", "  jml report --format csv --out access-2026-Q4.csv",
                "  jml report --roster hr-roster.csv --format json --out review.json"})
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    IdentityStoreOption store;

    @Option(names = "--instance-arn", paramLabel = "ARN", description = "IAM Identity Center instance. Default: the one of the identity store.")
    String instanceArn;

    @Mixin
    EndpointOptions endpoint;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv, json or table (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--roster", paramLabel = "FILE", description = "HR roster CSV to compare with.")
    Path roster;

    @Option(names = "--assignment-strategy", paramLabel = "STRATEGY", defaultValue = "auto",
            converter = AssignmentStrategy.Option.class,
            description = "How to read account assignments: auto (the one needing fewer calls), per-principal or "
                    + "per-account-permission-set (default: ${DEFAULT-VALUE}).")
    AssignmentStrategy assignmentStrategy;

    @Mixin
    LedgerOptions ledger;

    @Spec
    CommandSpec spec;

    /** Dates the report. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        ReportFormat chosen = ReportFormat.parse(format);
        PrintWriter progress = spec.commandLine().getErr();
        Roster hrRoster;
        try {
            hrRoster = roster == null ? null : Roster.read(roster);
        } catch (CliException badRoster) {
            progress.println("jml report: roster " + badRoster.getMessage());
            progress.flush();
            return 2;
        }
        try (IdentityCenterClients clients = new IdentityCenterClients(endpoint.aws(), endpoint.region());
             Writer target = open()) {
            Directory directory = Directory.connect(clients, store.identityStoreId());
            // Against AWS with no ledger named, there is no ledger to read pending changes from: say so, list none.
            boolean noLedger = !endpoint.aws().isLocal() && ledger.noneNamed(System.getenv());
            if (noLedger) {
                progress.println("report: pending changes not listed (no --ledger-table or LEDGER_TABLE)");
            }
            ReportWriter writer = new PendingChangesSection(chosen.writer(target), PendingChangesSection.of(noLedger
                    ? List.of()
                    : ledger.listPending(System.getenv())));
            ReportSummary summary = new AccessReport(directory, progress, clock).write(writer, hrRoster, instanceArn, assignmentStrategy);
            progress.printf("report: %d users, %d groups, %d memberships; direct assignments: %d (%d users); "
                            + "drift: %d users (%d not in HR), %d missing from the directory; "
                            + "account assignments read %s; API calls: %s%n",
                    summary.users(), summary.groups(), summary.memberships(), summary.directAssignments(),
                    summary.usersWithDirectAccess(), summary.usersWithDrift(), summary.notInHr(),
                    summary.missingFromDirectory(), summary.assignmentPlan().strategy().label(), summary.apiCalls());
            if (out != null) {
                progress.println("report: written to " + out);
            }
            progress.flush();
        }
        return 0;
    }

    private Writer open() {
        try {
            if (out == null) {
                return new NonClosingWriter(spec.commandLine().getOut());
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot write " + out, failed);
        }
    }

    /** Standard output stays open for whatever prints after the report. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer delegate) {
            super(delegate);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
