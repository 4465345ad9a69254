package io.github.jmlidentity.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.cli.CliRun;
import io.github.jmlidentity.cli.output.Csv;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** GIVEN a seeded directory with accounts and permission sets, WHEN the auditor runs `jml report`. */
class ReportCommandTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension()
            .withSeed(Path.of("src/test/resources/report-seed.json"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun jml(String... args) {
        return CliRun.jml(IDENTITY_STORE.server(), args);
    }

    private static Map<String, List<String>> rowsByName(String csv, String record) {
        return csv.lines().skip(1).map(Csv::parse).filter(row -> row.get(0).equals(record))
                .collect(Collectors.toMap(row -> row.get(1), row -> row));
    }

    @Test
    void everyUserWithGroupsAndTheAccessTheyGive() {
        CliRun run = jml("report");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst()).hasValue(String.join(",", CsvReportWriter.HEADER));

        Map<String, List<String>> users = rowsByName(run.out(), "user");
        assertThat(users).containsOnlyKeys("ada", "grace", "linus", "ghost");
        List<String> ada = users.get("ada");
        assertThat(ada.get(6)).isEqualTo("Engineering; Production Operators");
        assertThat(ada.get(7)).isEqualTo("222222222222/ProductionOperator; 222222222222/ReadOnly; 333333333333/Developer");
        assertThat(users.get("ghost").get(6)).isEmpty();

        Map<String, List<String>> groups = rowsByName(run.out(), "group");
        assertThat(groups.get("Engineering").get(5)).isEqualTo("3");
        assertThat(groups.get("Engineering").get(7)).isEqualTo("222222222222/ReadOnly; 333333333333/Developer");
        assertThat(run.err()).contains("report: 4 users, 4 groups, 5 memberships");
    }

    @Test
    void apiCallsGrowWithPagesNotUsers() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.resetStats();
        jml("report", "--format", "json");
        assertThat(server.stats().calls("ListUsers")).isEqualTo(1);
        assertThat(server.stats().calls("DescribeUser")).isZero();
        assertThat(server.stats().calls("ListGroupMembershipsForMember")).isZero();
        assertThat(server.stats().calls("ListGroupMemberships")).as("one page per group").isEqualTo(4);
        assertThat(server.stats().calls("DescribePermissionSet")).as("each permission set once").isEqualTo(3);
        assertThat(server.stats().calls("ListInstances")).as("discovery serves the report too").isEqualTo(1);
    }

    @Test
    void aRosterWithPlantedDifferencesShowsEachDrift(@TempDir Path dir) throws Exception {
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, """
                employeeId,userName,expectedGroups
                E1,ada,Engineering;Production Operators
                E2,grace,Engineering;Finance
                E3,LINUS,Engineering
                E9,margaret,Engineering
                """);
        Path report = dir.resolve("out/review.json");
        CliRun run = jml("report", "--roster", roster.toString(), "--format", "json", "--out", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();

        JsonNode json = JSON.readTree(report.toFile());
        Map<String, JsonNode> users = new java.util.HashMap<>();
        json.get("users").forEach(u -> users.put(u.get("userName").asText(), u));
        assertThat(users.get("ada").has("drift")).as("ada matches HR").isFalse();
        assertThat(users.get("grace").at("/drift/missingGroups/0").asText()).isEqualTo("Finance");
        assertThat(users.get("grace").at("/drift/extraGroups/0").asText()).isEqualTo("Auditors");
        assertThat(users.get("linus").has("drift")).as("user names match ignoring case").isFalse();
        assertThat(users.get("ghost").at("/drift/notInHr").asBoolean()).isTrue();
        assertThat(json.get("missingFromDirectory")).singleElement()
                .satisfies(m -> assertThat(m.get("userName").asText()).isEqualTo("margaret"));
        assertThat(json.at("/summary/usersWithDrift").asLong()).isEqualTo(2);
        assertThat(json.at("/summary/notInHr").asLong()).isEqualTo(1);
        assertThat(json.at("/summary/missingFromDirectory").asLong()).isEqualTo(1);
        assertThat(json.at("/summary/apiCalls/ListUsers").asLong()).isEqualTo(1);
        assertThat(run.err()).contains("drift: 2 users (1 not in HR), 1 missing from the directory");
    }

    @Test
    void aMalformedRosterIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "employeeId,userName,expectedGroups\nE1,ada\n");
        CliRun run = jml("report", "--roster", roster.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("line 2").contains("E1,ada");
        assertThat(IDENTITY_STORE.server().stats().totalCalls()).as("rejected before any call").isZero();
    }
}
