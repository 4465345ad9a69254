package io.github.jmlidentity.cli.report;

import static io.github.jmlidentity.cli.report.ReportCommandTest.jml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.cli.CliRun;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GIVEN few principals (one group, two users) and many account × permission-set pairs (5 accounts × 3 permission
 * sets, one of them assigned to user ops directly), WHEN the auditor runs `jml report`: per principal is cheaper.
 */
class ReportStrategyTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension()
            .withSeed(Path.of("src/test/resources/report-few-groups-seed.json"));

    @Test
    void fewPrincipalsAndManyPairsReadPerPrincipal() throws Exception {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.resetStats();
        CliRun run = jml(IDENTITY_STORE, "report", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.stats().calls("ListAccountAssignmentsForPrincipal")).as("1 group + 2 users").isEqualTo(3);
        assertThat(server.stats().calls("ListAccountAssignments")).isZero();
        assertThat(server.stats().calls("ListPermissionSets")).isEqualTo(1);
        assertThat(server.stats().calls("ListAccountsForProvisionedPermissionSet")).isEqualTo(3);
        assertThat(run.err()).contains("report: account assignments per-principal (cheaper): expected 15 "
                + "ListAccountAssignments calls (15 account × permission-set pairs) vs 3 ListAccountAssignmentsForPrincipal "
                + "calls (1 group + at least 2 users)");

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.at("/summary/assignmentReads/strategy").asText()).isEqualTo("per-principal");
        JsonNode ops = ReportCommandTest.usersOf(report).get("ops");
        assertThat(ops.get("groupAccess")).hasSize(14);
        assertThat(ops.at("/directAccess/0/accountId").asText()).isEqualTo("555555555555");
        assertThat(ops.at("/drift/directAssignments/0/finding").asText()).isEqualTo("bypasses the access rules");
        assertThat(ReportCommandTest.usersOf(report).get("dev").has("drift")).isFalse();
    }

    @Test
    void perPrincipalFlagsDirectAssignmentsInCsvAndTable() {
        CliRun csv = jml(IDENTITY_STORE, "report");
        List<String> ops = ReportCommandTest.rowsByName(csv.out(), "user").get("ops");
        assertThat(ops.get(CsvReportWriter.HEADER.indexOf("directAccess"))).isEqualTo("555555555555/Admin");
        assertThat(ops.get(CsvReportWriter.HEADER.indexOf("drift")))
                .isEqualTo("direct assignment 555555555555/Admin bypasses the access rules");
        assertThat(jml(IDENTITY_STORE, "report", "--format", "table").out())
                .containsPattern("-> direct: 555555555555/Admin\\n\\s+drift: direct assignment 555555555555/Admin "
                        + "bypasses the access rules");
    }

    @Test
    void forcedPerAccountPermissionSetCostsOneCallPerPair() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.resetStats();
        CliRun run = jml(IDENTITY_STORE, "report", "--assignment-strategy", "per-account-permission-set");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.stats().calls("ListAccountAssignments")).isEqualTo(15);
        assertThat(server.stats().calls("ListAccountAssignmentsForPrincipal")).isZero();
        assertThat(run.err()).contains("account assignments per-account-permission-set (--assignment-strategy)");
    }

    @Test
    void anUnknownStrategyIsAUsageError() {
        CliRun run = jml(IDENTITY_STORE, "report", "--assignment-strategy", "cheapest");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected auto, per-principal or per-account-permission-set, got 'cheapest'");
        assertThat(IDENTITY_STORE.server().stats().totalCalls()).isZero();
    }
}
