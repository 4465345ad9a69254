package io.github.jmlidentity.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.cli.JmlCommand;
import io.github.jmlidentity.functions.support.ChildProcess;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.junit.GeneratedSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report streams: 50,000 users in a separate JVM capped at a 256 MB heap, with API calls counted per page.
 * (Its duration belongs to the benchmarks.)
 */
class ReportHeapBoundTest {
    private static final int USERS = 50_000;
    private static final int GROUPS = 200;

    @Test
    void fiftyThousandUsersFitIn256MegabytesOfHeap(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.csv");
        try (IdentityStoreLocal server = IdentityStoreLocal.builder().seed(writeSeed(dir.resolve("seed.json"))).build()
                .start()) {
            ChildProcess.Result jml = ChildProcess.run(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                    "-cp", System.getProperty("java.class.path"), JmlCommand.class.getName(),
                    "report", "--endpoint-url", server.endpoint().toString(), "--out", report.toString()),
                    Map.of(), null, Duration.ofMinutes(5));
            String output = jml.output();
            assertThat(jml.exitCode()).as(output).isZero();
            assertThat(output).contains("report: 50000 users, 200 groups, 100000 memberships; direct assignments: 50 (50 users)");
            assertThat(server.stats().calls("ListUsers")).as("500 pages of 100").isEqualTo(USERS / 100);
            assertThat(server.stats().calls("ListGroupMemberships")).as("200 groups x 5 pages of 100").isEqualTo(GROUPS * 5);
            assertThat(server.stats().calls("DescribeUser")).isZero();
            assertThat(server.stats().calls("ListAccountAssignments")).as("one pair, not 200 groups + 50,000 users").isEqualTo(1);
            assertThat(server.stats().calls("ListAccountAssignmentsForPrincipal")).isZero();
        }
        try (var lines = Files.lines(report)) {
            assertThat(lines.filter(line -> line.startsWith("user,")).count()).isEqualTo(USERS);
        }
    }

    /**
     * User i is in groups i mod 200 and (i + 100) mod 200: 500 members per group. ReadOnly on one account for every
     * tenth group and, directly, for every thousandth user.
     */
    private static Path writeSeed(Path seed) throws Exception {
        GeneratedSeed generated = new GeneratedSeed().groups(GROUPS, ReportHeapBoundTest::team)
                .users(USERS, i -> "employee" + i, i -> List.of(team(i % GROUPS), team((i + 100) % GROUPS)));
        ObjectNode root = generated.root();
        root.putArray("permissionSets").addObject().put("name", "ReadOnly");
        ArrayNode assignments = root.putArray("assignments");
        for (int g = 0; g < GROUPS; g += 10) {
            assignments.addObject().put("accountId", "222222222222").put("permissionSet", "ReadOnly")
                    .put("group", team(g));
        }
        for (int i = 0; i < USERS; i += 1_000) {
            assignments.addObject().put("accountId", "222222222222").put("permissionSet", "ReadOnly").put("user", "employee" + i);
        }
        return generated.writeTo(seed);
    }

    private static String team(int g) {
        return String.format("team-%03d", g);
    }
}
