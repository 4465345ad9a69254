package io.github.jmlidentity.cli.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.cli.CliRun;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Day one in a real organisation: a directory made by hand with the seed-parity commands (on the shipped seed's
 * groups and protected users), an HR roster, and `jml reconcile`, asserted on the emulator's state, its call counts
 * and the audit records.
 */
class ReconcileCommandTest {

    private static final Path REPO = Path.of(System.getProperty("jml.repo.dir", "..")).toAbsolutePath().normalize();
    private static final String HEADER = "employeeId,userName,givenName,familyName,email,title,department,location,status";
    private static final String JANE = "E1001,jane.doe,Jane,Doe,jane.doe@example.com,Software Engineer,Engineering,London,";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension()
            .withSeed(REPO.resolve("config/local-seed.json"));

    @TempDir
    Path dir;

    /** The extension's emulator, as it gives it to the test (back to its seed before each test). */
    private final IdentityStoreLocal server;

    ReconcileCommandTest(IdentityStoreLocal server) {
        this.server = server;
    }

    @BeforeEach
    void givenADirectoryMadeByHand() {
        // GIVEN users an administrator created before jml-identity: none carries an employeeNumber, except Carol's,
        // which another tool numbered
        jml("create-user", "--username", "jane.doe", "--givenname", "Jane", "--familyname", "Doe",
                "--email", "jane.doe@example.com", "--groupname", "jml-engineering");
        jml("create-user", "--username", "bob.smith", "--givenname", "Bob", "--familyname", "Smith",
                "--email", "bob@personal.example");
        jml("create-user", "--username", "printer.svc", "--givenname", "Printer", "--familyname", "Service",
                "--email", "printer@example.com");
        jml("create-user", "--username", "carol.white", "--givenname", "Carol", "--familyname", "White",
                "--email", "carol.white@example.com");
        jml("update-user", "--username", "carol.white", "--set", "aws:identitystore:enterprise.employeeNumber=X-77");
        server.resetStats();
    }

    @Test
    void the_plan_of_a_hand_made_directory_lists_adopt_conflict_unmanaged_and_writes_nothing() {
        Path roster = roster(JANE,
                "E1002,bob.smith,Bob,Smith,bob.smith@example.com,Analyst,Finance,Paris,",
                "E1003,omar.haddad,Omar,Haddad,omar.haddad@example.com,Accountant,Finance,Paris,",
                "E1005,carol.white,Carol,White,carol.white@example.com,Designer,Design,London,");

        // WHEN the roster is reconciled with --adopt, as a plan
        CliRun plan = reconcile(roster, "--adopt", "--output", "json");

        // THEN each employee and each user has its action, and nothing was written
        Map<String, JsonNode> byUser = byUserName(plan);
        assertThat(action(byUser, "jane.doe")).isEqualTo("ADOPT");
        assertThat(byUser.get("jane.doe").path("details").asText())
                .contains("aws:identitystore:enterprise.employeeNumber", "+jml-office-london", "matches by userName+email");
        assertThat(action(byUser, "bob.smith")).isEqualTo("CONFLICT");
        assertThat(byUser.get("bob.smith").path("details").asText()).contains("email differs", "--adopt-by userName");
        assertThat(action(byUser, "omar.haddad")).isEqualTo("JOIN");
        assertThat(action(byUser, "carol.white")).isEqualTo("CONFLICT");
        assertThat(byUser.get("carol.white").path("details").asText()).contains("employeeNumber is 'X-77', not E1005");
        assertThat(action(byUser, "printer.svc")).isEqualTo("UNMANAGED");
        assertThat(action(byUser, "breakglass-admin")).isEqualTo("UNMANAGED");
        assertThat(byUser.get("breakglass-admin").path("details").asText()).isEqualTo("protected user");
        assertThat(action(byUser, "ops-emergency")).isEqualTo("UNMANAGED");
        assertThat(byUser).hasSize(7);
        assertThat(plan.exitCode()).as("conflicts").isEqualTo(1);
        assertThat(plan.err()).contains("plan only: run again with --apply").contains("2 conflict(s)");
        assertThat(server.stats().writeCalls()).isZero();
        assertThat(server.stats().calls("DescribeUser")).as("no per-user reads").isZero();
        assertThat(server.stats().calls("ListUsers")).isEqualTo(1);

        // AND without --adopt, Jane is a conflict that says how to adopt her
        Map<String, JsonNode> withoutAdopt = byUserName(reconcile(roster, "--output", "json"));
        assertThat(action(withoutAdopt, "jane.doe")).isEqualTo("CONFLICT");
        assertThat(withoutAdopt.get("jane.doe").path("details").asText())
                .contains("matches by user name and email: adopt it with --adopt");
    }

    @Test
    void after_apply_adopt_the_leaver_for_a_hand_made_user_deletes_it() {
        // GIVEN Jane's leaver cannot touch the hand-made user: it is not provably hers
        CliRun before = jml("invoke", "leaver", REPO.resolve("events/leaver.json").toString(), "--rules", rules(),
                "--ledger", ledger());
        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(before.out()).contains("\"outcome\":\"FAILED\"", "IDENTITY_CONFLICT");
        assertThat(server.data().userIdByUserName("jane.doe")).isNotNull();

        // WHEN the roster is reconciled with --apply --adopt
        CliRun applied = reconcile(roster(JANE), "--apply", "--adopt", "--as-of", "2026-03-01T00:00:00Z", "--audit");

        // THEN Jane is numbered, in the groups the rules grant, with one adoption and one mover audit record
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        String janeId = server.data().userIdByUserName("jane.doe");
        assertThat(server.data().users().get(janeId).path("Extensions").path("aws:identitystore:enterprise")
                .path("employeeNumber").asText()).isEqualTo("E1001");
        assertThat(groupsOf("jane.doe")).containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
        List<JsonNode> audit = auditLines(applied).stream()
                .filter(a -> a.path("employeeId").asText().equals("E1001")).toList();
        assertThat(audit).extracting(a -> a.path("detailType").asText())
                .containsExactly("Directory User Adopted", "Employee Moved");
        assertThat(audit).allSatisfy(a -> {
            assertThat(a.path("source").asText()).isEqualTo("reconcile");
            assertThat(a.path("outcome").asText()).isEqualTo("APPLIED");
        });
        assertThat(audit.get(1).path("eventId").asText()).isEqualTo("reconcile:2026-03-01T00:00:00Z:E1001");

        // AND the same leaver, sent again, now deletes her
        CliRun after = jml("invoke", "leaver", REPO.resolve("events/leaver.json").toString(), "--rules", rules(),
                "--ledger", ledger());
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).contains("\"outcome\":\"APPLIED\"", "\"userDeleted\":true");
        assertThat(server.data().userIdByUserName("jane.doe")).isNull();
    }

    @Test
    void a_roster_missing_30_managed_employees_with_a_cap_of_25_deletes_nothing_and_exits_1() {
        // GIVEN 31 employees joined from a roster
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            rows.add(String.format("E2%03d,emp%02d,Emp,N%02d,emp%02d@example.com,Engineer,Engineering,London,", i, i, i, i));
        }
        CliRun joined = reconcile(roster(rows.toArray(String[]::new)), "--apply", "--as-of", "2026-03-01T00:00:00Z");
        assertThat(joined.exitCode()).as(joined.err()).isZero();
        assertThat(joined.out().lines().filter(l -> l.startsWith("JOIN") && l.endsWith("APPLIED")).count())
                .isEqualTo(31);
        int users = server.data().users().size();
        server.resetStats();

        // WHEN a roster with only the first of them is applied (cap: the rules' 25 leavers per hour)
        CliRun guarded = reconcile(roster(rows.get(0)), "--apply", "--as-of", "2026-03-02T00:00:00Z");

        // THEN no user is deleted, it says why, and it exits 1
        assertThat(guarded.exitCode()).isEqualTo(1);
        assertThat(guarded.err()).contains("30 leavers is more than the cap of 25", "no user was deleted");
        assertThat(guarded.out().lines().filter(l -> l.startsWith("LEAVE") && l.endsWith("withheld")).count())
                .isEqualTo(30);
        assertThat(server.data().users()).hasSize(users);
        assertThat(server.stats().writeCalls()).isZero();
    }

    @Test
    void a_snapshot_older_than_an_applied_mover_does_not_undo_it() {
        // GIVEN Jane adopted from a roster of 1 March, then promoted by an HR mover effective 2 March 09:30
        Path roster = roster(JANE);
        assertThat(reconcile(roster, "--apply", "--adopt", "--as-of", "2026-03-01T00:00:00Z").exitCode()).isZero();
        CliRun mover = jml("invoke", "mover", REPO.resolve("events/mover.json").toString(), "--rules", rules(),
                "--ledger", ledger());
        assertThat(mover.out()).contains("\"outcome\":\"APPLIED\"");
        List<String> promoted = groupsOf("jane.doe");
        server.resetStats();

        // WHEN the same roster, taken on 2 March at midnight (before the move), is applied
        CliRun stale = reconcile(roster, "--apply", "--adopt", "--as-of", "2026-03-02T00:00:00Z", "--output", "json");

        // THEN Jane's row is STALE: the promotion stands and nothing is written
        assertThat(stale.exitCode()).as(stale.err()).isZero();
        JsonNode jane = byUserName(stale).get("jane.doe");
        assertThat(jane.path("action").asText()).isEqualTo("STALE");
        assertThat(jane.path("details").asText()).contains("older than the last applied event hr-evt-0002");
        assertThat(server.data().users().get(server.data().userIdByUserName("jane.doe")).path("Title").asText())
                .isEqualTo("Site Reliability Engineer");
        assertThat(groupsOf("jane.doe")).isEqualTo(promoted).contains("jml-platform");
        assertThat(server.stats().writeCalls()).isZero();
    }

    @Test
    void a_terminated_row_leaves_and_rerunning_an_applied_reconcile_is_all_ok_with_no_write() {
        // GIVEN Jane adopted and Omar joined from a roster
        String omar = "E1003,omar.haddad,Omar,Haddad,omar.haddad@example.com,Accountant,Finance,Paris,";
        assertThat(reconcile(roster(JANE, omar), "--apply", "--adopt", "--as-of", "2026-03-01T00:00:00Z")
                .exitCode()).isZero();
        assertThat(server.data().userIdByUserName("omar.haddad")).isNotNull();

        // WHEN the next roster marks Omar terminated
        CliRun left = reconcile(roster(JANE, omar.replaceAll(",$", ",terminated")), "--apply", "--adopt",
                "--as-of", "2026-04-01T00:00:00Z", "--audit");

        // THEN his user is deleted by a leaver audited as a reconcile
        assertThat(left.exitCode()).as(left.err()).isZero();
        assertThat(server.data().userIdByUserName("omar.haddad")).isNull();
        JsonNode leaver = auditLines(left).get(0);
        assertThat(leaver.path("detailType").asText()).isEqualTo("Employee Left");
        assertThat(leaver.path("source").asText()).isEqualTo("reconcile");
        assertThat(leaver.path("userDeleted").asBoolean()).isTrue();
        server.resetStats();

        // AND running the applied reconcile again finds nothing to do and writes nothing
        CliRun again = reconcile(roster(JANE, omar.replaceAll(",$", ",terminated")), "--apply", "--adopt",
                "--as-of", "2026-04-01T00:00:00Z", "--output", "json", "--audit");
        assertThat(again.exitCode()).as(again.err()).isZero();
        Map<String, JsonNode> byUser = byUserName(again);
        assertThat(action(byUser, "jane.doe")).isEqualTo("OK");
        assertThat(action(byUser, "omar.haddad")).isEqualTo("OK");
        assertThat(again.err()).contains("applied: nothing to do; 0 Identity Store calls for the changes");
        assertThat(server.stats().writeCalls()).isZero();
        assertThat(again.out()).doesNotContain("jml.audit");
    }

    @Test
    void a_bad_row_refuses_the_whole_roster_naming_its_line_and_field() {
        Path roster = roster(JANE, "E1003,omar.haddad,Omar,Haddad,not-an-email,Accountant,Finance,Paris,",
                "E1001,jane.two,Jane,Two,jane.two@example.com,,,,");

        CliRun run = reconcile(roster, "--apply", "--adopt");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("refused, nothing was planned or applied")
                .contains("line 3, field email: must be an email address")
                .contains("line 4, field employeeId: 'E1001' is also on line 2");
        assertThat(server.stats().totalCalls()).isZero();
    }

    @Test
    void a_bad_option_value_is_one_line_naming_the_option_with_exit_code_2_and_no_call() {
        String[][] cases = {
                {"--as-of", "yesterday"},
                {"--adopt-by", "email", "--adopt"},
                {"--adopt-by", "userName"},
                {"--max-leavers", "-1"},
        };
        for (String[] options : cases) {
            // WHEN jml reconcile runs with it
            CliRun run = reconcile(roster(JANE), options);

            // THEN it stops before any call: exit 2, one line on stderr naming the option
            assertThat(run.exitCode()).as(String.join(" ", options) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).startsWith("jml reconcile: " + options[0]).doesNotContain("\tat ");
        }
        assertThat(server.stats().totalCalls()).isZero();
    }

    private CliRun reconcile(Path roster, String... options) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--roster", roster.toString(), "--rules", rules(),
                "--ledger", ledger()));
        args.addAll(List.of(options));
        return jml(args.toArray(String[]::new));
    }

    private CliRun jml(String... args) {
        return CliRun.jml(server, args);
    }

    private Path roster(String... rows) {
        try {
            Path file = Files.createTempFile(dir, "roster", ".csv");
            Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String rules() {
        return REPO.resolve("config/access-rules.json").toString();
    }

    private String ledger() {
        return dir.resolve("ledger.json").toString();
    }

    private List<String> groupsOf(String userName) {
        return server.data().read(() -> {
            TreeSet<String> names = new TreeSet<>();
            server.data().membershipsOfUser(server.data().userIdByUserName(userName)).values()
                    .forEach(m -> names.add(server.data().groups().get(m.groupId()).get("DisplayName").asText()));
            return List.copyOf(names);
        });
    }

    private static Map<String, JsonNode> byUserName(CliRun run) {
        try {
            Map<String, JsonNode> rows = new HashMap<>();
            JSON.readTree(run.out().substring(run.out().indexOf('[')))
                    .forEach(row -> rows.put(row.path("userName").asText(), row));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(run.out() + run.err(), e);
        }
    }

    private static String action(Map<String, JsonNode> rows, String userName) {
        return rows.get(userName).path("action").asText();
    }

    private static List<JsonNode> auditLines(CliRun run) {
        return run.out().lines().filter(l -> l.startsWith("{\"recordType\":\"jml.audit\"")).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
