package io.github.jmlidentity.cli;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Effective dating by hand: `jml invoke --now` keeps a future event, `jml scheduled list` shows it, `jml report`
 * lists it, and `jml scheduled run-due --now` applies it when it is due, over the same local ledger file.
 */
class ScheduledCommandTest {

    private static final Path REPO = Path.of(System.getProperty("jml.repo.dir", "..")).toAbsolutePath().normalize();
    private static final String BEFORE_THE_LEAVE = "2026-06-01T09:00:00Z";
    private static final String AFTER_THE_LEAVE = "2026-06-30T17:05:00Z";
    private static IdentityStoreLocal server;

    @TempDir
    Path work;

    @BeforeAll
    static void jmlLocal() {
        LocalCommand local = new LocalCommand();
        local.port = 0;
        local.seed = REPO.resolve("config/local-seed.json");
        server = local.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void emptyDirectory() {
        server.reset();
    }

    @Test
    void a_leave_entered_ahead_is_listed_and_reported_then_applied_only_once_due() {
        // GIVEN Jane joined, and her resignation (effective 30 June) is entered on 1 June
        assertThat(withFunctions("invoke", "auto", event("joiner.json"), "--now", BEFORE_THE_LEAVE).exitCode()).isZero();
        CliRun entered = withFunctions("invoke", "auto", event("leaver.json"), "--now", BEFORE_THE_LEAVE);
        assertThat(entered.exitCode()).isZero();
        assertThat(entered.out()).contains("\"outcome\":\"SCHEDULED\"", "\"dueAt\":\"2026-06-30T17:00:00Z\"");
        assertThat(entered.err()).contains("1 event(s): SCHEDULED 1");

        // THEN it is listed, and in the access report
        CliRun list = CliRun.jml(List.of("scheduled", "list", "--ledger", ledger()));
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).containsPattern("2026-06-30T17:00:00Z\\s+E1001\\s+jane\\.doe\\s+Employee Left\\s+hr-evt-0003");
        assertThat(list.err()).contains("1 pending change(s)");
        CliRun report = CliRun.jml(server, "report", "--format", "table", "--ledger", ledger());
        assertThat(report.out()).contains("Pending changes (entered ahead, applied when due):")
                .containsPattern("jane\\.doe\\s+E1001\\s+Employee Left\\s+2026-06-30T17:00:00Z\\s+hr-evt-0003");
        assertThat(CliRun.jml(server, "report", "--format", "csv", "--ledger", ledger()).out())
                .contains("pending-change,jane.doe,E1001,Employee Left,,,,,,due 2026-06-30T17:00:00Z (effective "
                        + "2026-06-30T17:00:00Z); HR event hr-evt-0003");

        // WHEN the scheduler runs before the date: nothing; after it: the user is gone
        CliRun early = withFunctions("scheduled", "run-due", "--now", "2026-06-29T09:00:00Z");
        assertThat(early.exitCode()).isZero();
        assertThat(early.out()).isEmpty();
        assertThat(early.err()).contains("as of 2026-06-29T09:00:00Z: 0 due change(s)");
        CliRun due = withFunctions("scheduled", "run-due", "--now", AFTER_THE_LEAVE);
        assertThat(due.exitCode()).as(due.err()).isZero();
        assertThat(due.out()).contains("\"hrEventId\":\"hr-evt-0003\"", "\"outcome\":\"APPLIED\"", "\"userDeleted\":true");
        assertThat(due.err()).contains("1 due change(s): APPLIED 1");
        assertThat(server.data().read(() -> server.data().users().size())).isEqualTo(2); // the seed's protected users
        assertThat(CliRun.jml(List.of("scheduled", "list", "--ledger", ledger())).err()).contains("0 pending change(s)");
    }

    @Test
    void now_must_be_a_time_with_a_zone_and_scheduled_explains_itself() {
        CliRun bad = withFunctions("invoke", "auto", event("leaver.json"), "--now", "next tuesday");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'next tuesday' is not an RFC 3339 time with a zone");
        CliRun help = CliRun.jml(List.of("scheduled", "--help"));
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("list", "run-due", "kept with the ledger");
    }

    private CliRun withFunctions(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--rules", REPO.resolve("config/access-rules.json").toString(), "--ledger", ledger()));
        return CliRun.jml(server, all.toArray(String[]::new));
    }

    private String ledger() {
        return work.resolve("ledger.json").toString();
    }

    private static String event(String name) {
        return REPO.resolve("events").resolve(name).toString();
    }
}
