package io.github.jmlidentity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.support.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `jml invoke`'s ledger: shared safely by concurrent runs, never reset when it cannot be read (one line naming the
 * file and the field, exit 2), and against AWS the deployed table unless a local file is asked for.
 */
class InvokeLedgerTest {

    private static final Path REPO = Path.of(System.getProperty("jml.repo.dir", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final JmlLocalServer LOCAL = new JmlLocalServer();

    @TempDir
    Path work;

    @Test
    void ten_parallel_invoke_processes_on_one_ledger_file_keep_all_ten_entries() throws IOException {
        // GIVEN ten joiners, one file each, and one ledger file
        Path ledger = work.resolve("shared/ledger.json");
        int runs = 10;
        List<Path> events = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            events.add(joiner(i));
        }

        // WHEN ten `jml invoke` processes run at the same time, one joiner each
        List<ChildProcess> processes = new ArrayList<>();
        for (Path event : events) {
            processes.add(ChildProcess.start(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), JmlCommand.class.getName(),
                    "invoke", "joiner", event.toString(), "--endpoint-url", LOCAL.server().endpoint().toString(),
                    "--rules", REPO.resolve("config/access-rules.json").toString(), "--ledger", ledger.toString()),
                    Map.of(), work));
        }
        List<ChildProcess.Result> results = new ArrayList<>();
        for (ChildProcess process : processes) {
            results.add(process.await(Duration.ofMinutes(3)));
        }

        // THEN every one applied its joiner
        assertThat(results).allSatisfy(r -> {
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.output()).contains("\"outcome\":\"APPLIED\"");
        });
        assertThat(LOCAL.server().stats().calls("CreateUser")).isEqualTo(runs);
        // AND the ledger holds all ten employees, none lost to another run's write
        JsonNode saved = JSON.readTree(ledger.toFile());
        TreeSet<String> employees = new TreeSet<>();
        saved.path("employees").forEach(e -> {
            employees.add(e.path("employeeId").asText());
            assertThat(e.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(e.path("lockOwner").isNull()).as("lease released").isTrue();
        });
        assertThat(employees).hasSize(runs).allMatch(id -> id.startsWith("EP"));
        // AND a second delivery of any of them is a DUPLICATE
        assertThat(invoke("joiner", events.get(7).toString(), "--ledger", ledger.toString()).out())
                .contains("\"outcome\":\"DUPLICATE\"");
    }

    @Test
    void a_ledger_that_cannot_be_read_stops_the_run_with_one_line_naming_the_file_and_the_field() throws IOException {
        String[][] cases = {
                {"", "the file is empty"},
                {"{\"employees\": [{\"employeeId\": \"E1001\", \"status\": \"ACT", "not valid JSON at line 1"},
                {"{\"employees\": [{\"employeeId\": \"E1001\", \"status\": \"ACTIV\"}]}",
                        "employees[0].status: 'ACTIV' is not one of ACTIVE, LEFT"},
                {"{\"employees\": [{\"employeeId\": \"E1001\", \"leftAt\": \"last tuesday\"}]}",
                        "employees[0].leftAt: 'last tuesday' is not a UTC timestamp"},
        };
        for (String[] damaged : cases) {
            // GIVEN a damaged ledger file
            Path ledger = Files.writeString(work.resolve("ledger.json"), damaged[0]);

            // WHEN a joiner is invoked with it
            CliRun run = invoke("joiner", REPO.resolve("events/joiner.json").toString(), "--ledger", ledger.toString());

            // THEN nothing runs: exit 2, one line naming the file and the field, the file left as it was
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).startsWith("jml invoke: ledger " + ledger.toAbsolutePath() + ": ")
                    .contains(damaged[1]).doesNotContain("Exception", "\tat ");
            assertThat(run.out()).isEmpty();
            assertThat(Files.readString(ledger)).isEqualTo(damaged[0]);
            assertThat(LOCAL.server().stats().calls("CreateUser")).isZero();
        }
    }

    @Test
    void an_access_rules_file_that_is_not_valid_is_one_line_naming_the_file_with_exit_code_2() throws IOException {
        Path missing = work.resolve("no-rules.json");
        Path broken = Files.writeString(work.resolve("rules.json"), "{\"defaultGroups\": [");
        for (Path rules : List.of(missing, broken)) {
            CliRun run = CliRun.jml(List.of("invoke", "joiner", REPO.resolve("events/joiner.json").toString(),
                    "--endpoint-url", LOCAL.server().endpoint().toString(), "--rules", rules.toString(),
                    "--ledger", work.resolve("ledger.json").toString()));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).startsWith("jml invoke: " + rules + ": ").doesNotContain("\tat ");
        }
    }

    @Test
    void against_a_non_local_endpoint_the_deployed_ledger_table_is_required() throws IOException {
        // GIVEN an endpoint that is not this machine (nothing is sent to it: the run stops first)
        Path cwd = work.resolve("cwd");
        Files.createDirectories(cwd);

        // WHEN jml invoke is given neither --ledger-table nor --ledger
        CliRun run = CliRun.jml(List.of("invoke", "joiner", REPO.resolve("events/joiner.json").toString(),
                "--endpoint-url", "https://identitystore.eu-west-1.amazonaws.com", "--region", "eu-west-1",
                "--identity-store-id", "d-1234567890", "--rules", REPO.resolve("config/access-rules.json").toString()));

        // THEN it refuses, naming --ledger-table, and creates no local ledger
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("jml invoke: against https://identitystore.eu-west-1.amazonaws.com the ledger is "
                + "the deployed DynamoDB table: pass --ledger-table TABLE");
        assertThat(Path.of(".jml")).doesNotExist();
    }

    @Test
    void against_a_non_local_endpoint_an_explicit_ledger_file_is_used_with_a_warning() {
        // GIVEN an explicit --ledger against a non-local endpoint, and an event rejected before any call
        Path ledger = work.resolve("forced/ledger.json");
        CliRun run = CliRun.jml(List.of("invoke", "joiner",
                REPO.resolve("events/invalid/joiner-missing-email.json").toString(),
                "--endpoint-url", "https://identitystore.eu-west-1.amazonaws.com", "--region", "eu-west-1",
                "--identity-store-id", "d-1234567890", "--rules", REPO.resolve("config/access-rules.json").toString(),
                "--ledger", ledger.toString()));

        // THEN it runs, with a warning on stderr
        assertThat(run.err()).contains("jml invoke: WARNING: the local ledger " + ledger + " is used against "
                + "https://identitystore.eu-west-1.amazonaws.com");
        assertThat(run.out()).contains("\"outcome\":\"REJECTED\"");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    private CliRun invoke(String function, String file, String... more) {
        List<String> args = new ArrayList<>(List.of("invoke", function, file, "--endpoint-url", LOCAL.server().endpoint().toString(),
                "--rules", REPO.resolve("config/access-rules.json").toString()));
        args.addAll(List.of(more));
        return CliRun.jml(args);
    }

    private Path joiner(int i) throws IOException {
        ObjectNode envelope = (ObjectNode) JSON.readTree(REPO.resolve("events/joiner.json").toFile());
        ObjectNode detail = (ObjectNode) envelope.get("detail");
        detail.put("eventId", "hr-evt-parallel-" + i).put("employeeId", "EP" + i).put("userName", "parallel.user" + i)
                .put("email", "parallel.user" + i + "@example.com");
        return Files.write(work.resolve("joiner-" + i + ".json"), JSON.writeValueAsBytes(envelope));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
