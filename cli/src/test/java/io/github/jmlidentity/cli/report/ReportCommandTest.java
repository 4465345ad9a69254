package io.github.jmlidentity.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.cli.CliRun;
import io.github.jmlidentity.cli.output.Csv;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * GIVEN a seeded directory with accounts and permission sets, access through groups and two direct assignments
 * (grace: 444444444444/ProductionOperator, ghost: 222222222222/ReadOnly), WHEN the auditor runs `jml report`.
 */
class ReportCommandTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension()
            .withSeed(Path.of("src/test/resources/report-seed.json"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GROUP_ACCESS = CsvReportWriter.HEADER.indexOf("groupAccess");
    private static final int DIRECT_ACCESS = CsvReportWriter.HEADER.indexOf("directAccess");
    private static final int DRIFT = CsvReportWriter.HEADER.indexOf("drift");

    static CliRun jml(IdentityStoreLocalExtension store, String... args) {
        return CliRun.jml(store.server(), args);
    }

    private static CliRun jml(String... args) {
        return jml(IDENTITY_STORE, args);
    }

    static Map<String, List<String>> rowsByName(String csv, String record) {
        return csv.lines().skip(1).map(Csv::parse).filter(row -> row.get(0).equals(record))
                .collect(Collectors.toMap(row -> row.get(1), row -> row));
    }

    static Map<String, JsonNode> usersOf(JsonNode report) {
        Map<String, JsonNode> users = new HashMap<>();
        report.get("users").forEach(u -> users.put(u.get("userName").asText(), u));
        return users;
    }

    @Test
    void everyUserWithGroupAccessNamingTheGroupAndDirectAccessApart() {
        CliRun run = jml("report");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst()).hasValue(String.join(",", CsvReportWriter.HEADER));

        Map<String, List<String>> users = rowsByName(run.out(), "user");
        assertThat(users).containsOnlyKeys("ada", "grace", "linus", "ghost");
        List<String> ada = users.get("ada");
        assertThat(ada.get(6)).isEqualTo("Engineering; Production Operators");
        assertThat(ada.get(GROUP_ACCESS)).isEqualTo("222222222222/ProductionOperator via Production Operators; "
                + "222222222222/ReadOnly via Engineering; 333333333333/Developer via Engineering");
        assertThat(ada.get(DIRECT_ACCESS)).isEmpty();
        assertThat(ada.get(DRIFT)).as("no roster, no direct assignment: nothing to flag").isEmpty();
        assertThat(users.get("grace").get(GROUP_ACCESS)).isEqualTo("222222222222/ReadOnly via Auditors; "
                + "222222222222/ReadOnly via Engineering; 333333333333/Developer via Engineering");
        assertThat(users.get("grace").get(DIRECT_ACCESS)).isEqualTo("444444444444/ProductionOperator");
        assertThat(users.get("grace").get(DRIFT))
                .isEqualTo("direct assignment 444444444444/ProductionOperator bypasses the access rules");
        assertThat(users.get("ghost").get(6)).isEmpty();
        assertThat(users.get("ghost").get(GROUP_ACCESS)).isEmpty();
        assertThat(users.get("ghost").get(DIRECT_ACCESS)).isEqualTo("222222222222/ReadOnly");
        assertThat(users.get("ghost").get(DRIFT)).isEqualTo("direct assignment 222222222222/ReadOnly bypasses the access rules");

        Map<String, List<String>> groups = rowsByName(run.out(), "group");
        assertThat(groups.get("Engineering").get(5)).isEqualTo("3");
        assertThat(groups.get("Engineering").get(GROUP_ACCESS)).isEqualTo("222222222222/ReadOnly; 333333333333/Developer");
        assertThat(run.err()).contains("report: 4 users, 4 groups, 5 memberships; direct assignments: 2 (2 users)");
    }

    @Test
    void aDisplayNameWrittenAsAFormulaIsInertInTheCsv() {
        CliRun run = jml("report");
        assertThat(run.out()).contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Ghost\"\")\",");
        assertThat(rowsByName(run.out(), "user").get("ghost").get(3)).isEqualTo("'=HYPERLINK(\"https://evil.example\",\"Ghost\")");
    }

    @Test
    void jsonNamesTheGroupOfEachAccessAndFlagsEachDirectAssignment() throws Exception {
        CliRun run = jml("report", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        Map<String, JsonNode> users = usersOf(report);
        JsonNode grace = users.get("grace");
        assertThat(grace.get("groupAccess")).hasSize(3);
        assertThat(grace.at("/groupAccess/0")).isEqualTo(JSON.readTree(
                "{\"accountId\":\"222222222222\",\"permissionSet\":\"ReadOnly\",\"group\":\"Auditors\"}"));
        assertThat(grace.get("directAccess")).isEqualTo(JSON.readTree(
                "[{\"accountId\":\"444444444444\",\"permissionSet\":\"ProductionOperator\"}]"));
        assertThat(grace.at("/drift/directAssignments")).isEqualTo(JSON.readTree(
                "[{\"accountId\":\"444444444444\",\"permissionSet\":\"ProductionOperator\",\"finding\":\"bypasses the access rules\"}]"));
        assertThat(grace.at("/drift/notInHr").asBoolean()).isFalse();
        assertThat(users.get("ada").has("drift")).isFalse();
        assertThat(users.get("ada").get("directAccess")).isEmpty();
        assertThat(report.at("/summary/usersWithDirectAccess").asLong()).isEqualTo(2);
        assertThat(report.at("/summary/directAssignments").asLong()).isEqualTo(2);
        assertThat(report.at("/summary/usersWithDrift").asLong()).as("the direct assignments, no roster").isEqualTo(2);
    }

    @Test
    void tableShowsDirectAccessOnItsOwnLineAndFlagsIt() {
        CliRun run = jml("report", "--format", "table");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("grace\\s+Auditors, Engineering\\n\\s+-> 222222222222/ReadOnly via Auditors, "
                        + "222222222222/ReadOnly via Engineering, 333333333333/Developer via Engineering\\n"
                        + "\\s+-> direct: 444444444444/ProductionOperator\\n"
                        + "\\s+drift: direct assignment 444444444444/ProductionOperator bypasses the access rules\\n")
                .containsPattern("ghost\\s+\\(no groups\\)\\n\\s+-> direct: 222222222222/ReadOnly\\n"
                        + "\\s+drift: direct assignment 222222222222/ReadOnly bypasses the access rules\\n");
    }

    @Test
    void apiCallsGrowWithPagesNotUsers() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.resetStats();
        CliRun run = jml("report", "--format", "json");
        assertThat(server.stats().calls("ListUsers")).isEqualTo(1);
        assertThat(server.stats().calls("DescribeUser")).isZero();
        assertThat(server.stats().calls("ListGroupMemberships")).as("one page per group").isEqualTo(4);
        assertThat(server.stats().calls("DescribePermissionSet")).as("each permission set once").isEqualTo(3);
        assertThat(server.stats().calls("ListInstances")).as("discovery serves the report too").isEqualTo(1);
        assertThat(run.err()).contains("report: account assignments per-account-permission-set (cheaper): expected "
                + "4 ListAccountAssignments calls (4 account × permission-set pairs) vs 7 ListAccountAssignmentsForPrincipal "
                + "calls (4 groups + at least 3 users); 4 calls to count the pairs");
    }

    @Test
    void moreGroupsAndUsersThanPairsReadPerAccountAndPermissionSet() throws Exception {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.resetStats();
        JsonNode report = JSON.readTree(jml("report", "--format", "json").out());
        assertThat(server.stats().calls("ListPermissionSets")).isEqualTo(1);
        assertThat(server.stats().calls("ListAccountsForProvisionedPermissionSet")).as("one per permission set").isEqualTo(3);
        assertThat(server.stats().calls("ListAccountAssignments")).as("one per pair: 222/ReadOnly, 222/ProductionOperator, "
                + "333/Developer, 444/ProductionOperator").isEqualTo(4);
        assertThat(server.stats().calls("ListAccountAssignmentsForPrincipal")).isZero();
        assertThat(report.at("/summary/assignmentReads")).isEqualTo(JSON.readTree("{\"strategy\":\"per-account-permission-set\","
                + "\"forced\":false,\"expectedCalls\":{\"per-account-permission-set\":4,\"per-principal\":7},\"countingCalls\":4}"));
        assertThat(report.at("/summary/apiCalls/ListAccountAssignments").asLong()).isEqualTo(4);
    }

    @Test
    void bothStrategiesWriteTheSameReport() throws Exception {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.resetStats();
        JsonNode perPair = JSON.readTree(jml("report", "--format", "json", "--assignment-strategy", "per-account-permission-set").out());
        assertThat(server.stats().calls("ListAccountAssignments")).isEqualTo(4);
        assertThat(server.stats().calls("ListAccountAssignmentsForPrincipal")).isZero();
        server.resetStats();
        JsonNode perPrincipal = JSON.readTree(jml("report", "--format", "json", "--assignment-strategy", "per-principal").out());
        assertThat(server.stats().calls("ListAccountAssignmentsForPrincipal")).as("4 groups + 4 users").isEqualTo(8);
        assertThat(server.stats().calls("ListAccountAssignments")).isZero();
        assertThat(perPrincipal.at("/summary/assignmentReads/forced").asBoolean()).isTrue();

        for (JsonNode report : List.of(perPair, perPrincipal)) {
            ((ObjectNode) report).remove(List.of("generatedAt", "summary"));
        }
        assertThat(perPrincipal).isEqualTo(perPair);
    }

    @Test
    void aDirectAssignmentLeftBehindByADeletedUserIsCountedNotListed() {
        assertThat(jml("delete-user", "--username", "ghost").exitCode()).isZero();
        CliRun run = jml("report");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(rowsByName(run.out(), "user")).doesNotContainKey("ghost");
        assertThat(run.err()).contains("report: 1 direct assignment (1 user) and 0 group assignments name principals not "
                + "in the directory (left behind by deleted users or groups; not in the report)")
                .contains("direct assignments: 1 (1 users)");
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
        Map<String, JsonNode> users = usersOf(json);
        assertThat(users.get("ada").has("drift")).as("ada matches HR").isFalse();
        assertThat(users.get("grace").at("/drift/missingGroups/0").asText()).isEqualTo("Finance");
        assertThat(users.get("grace").at("/drift/extraGroups/0").asText()).isEqualTo("Auditors");
        assertThat(users.get("grace").at("/drift/directAssignments/0/permissionSet").asText()).isEqualTo("ProductionOperator");
        assertThat(users.get("linus").has("drift")).as("user names match ignoring case").isFalse();
        assertThat(users.get("ghost").at("/drift/notInHr").asBoolean()).isTrue();
        assertThat(users.get("ghost").at("/drift/directAssignments/0/accountId").asText()).isEqualTo("222222222222");
        assertThat(json.get("missingFromDirectory")).singleElement()
                .satisfies(m -> assertThat(m.get("userName").asText()).isEqualTo("margaret"));
        assertThat(json.at("/summary/usersWithDrift").asLong()).isEqualTo(2);
        assertThat(json.at("/summary/notInHr").asLong()).isEqualTo(1);
        assertThat(json.at("/summary/missingFromDirectory").asLong()).isEqualTo(1);
        assertThat(json.at("/summary/apiCalls/ListUsers").asLong()).isEqualTo(1);
        assertThat(run.err()).contains("drift: 2 users (1 not in HR), 1 missing from the directory");
    }

    @Test
    void aRosterCsvDriftCellCombinesGroupsAndTheDirectAssignment(@TempDir Path dir) throws Exception {
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "employeeId,userName,expectedGroups\nE2,grace,Engineering;Finance\n");
        CliRun run = jml("report", "--roster", roster.toString());
        assertThat(rowsByName(run.out(), "user").get("grace").get(DRIFT)).isEqualTo("extra groups: Auditors | missing groups: "
                + "Finance | direct assignment 444444444444/ProductionOperator bypasses the access rules");
        assertThat(rowsByName(run.out(), "user").get("ghost").get(DRIFT))
                .isEqualTo("not in HR roster | direct assignment 222222222222/ReadOnly bypasses the access rules");
    }

    @Test
    void aMalformedRosterIsNamedWithItsLineAndColumnAndExits2(@TempDir Path dir) throws Exception {
        Path roster = dir.resolve("hr.csv");
        Files.writeString(roster, "employeeId,userName,expectedGroups\nE1,ada,Engineering\nE2,\"\",Finance\n");
        CliRun run = jml("report", "--roster", roster.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(roster + " line 3, column userName: empty");
        assertThat(run.out()).isEmpty();
        assertThat(IDENTITY_STORE.server().stats().totalCalls()).as("rejected before any call").isZero();
    }
}
