package io.github.jmlidentity.cli.demo;

import io.github.jmlidentity.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** `jml demo`, the README's main command: the whole story must match, and a wrong expectation must fail it. */
class DemoCommandTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    /** Runs the demo with the repository's files; {@code overrides} are option/value pairs or flags. */
    private static CliRun demo(String... overrides) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--story", REPO.resolve("events/demo/story.json").toString());
        options.put("--seed", REPO.resolve("config/local-seed.json").toString());
        options.put("--rules", REPO.resolve("config/access-rules.json").toString());
        options.put("--patterns", REPO.resolve("events/routing/patterns.json").toString());
        options.put("--day-one-roster", REPO.resolve("events/demo/day-one-roster.csv").toString());
        options.put("--day-one-leaver", REPO.resolve("events/demo/li-leaves.json").toString());
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < overrides.length; i++) {
            if (overrides[i].equals("--audit-json")) {
                flags.add(overrides[i]);
            } else {
                options.put(overrides[i], overrides[++i]);
            }
        }
        List<String> args = new ArrayList<>(List.of("demo"));
        options.forEach((option, value) -> args.addAll(List.of(option, value)));
        args.addAll(flags);
        return CliRun.jml(args);
    }

    @Test
    void theWholeStoryMatchesAndEndsWithTheAccessReport() {
        CliRun run = demo();
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Story: 14 of 14 steps as expected; protected users untouched. Demo passed.")
                .doesNotContain("MISMATCH")
                .contains("DUPLICATE", "STALE", "REJECTED", "user deleted")
                .contains("Access report of identity store d-1234567890 (2026-11-01T09:00:00Z)")
                .containsPattern("jane\\.doe\\s+jml-all-staff, jml-on-call, jml-platform, jml-prod-access");
        assertThat(run.out()).as("the effective-dating chapter: entered ahead, applied when due")
                .contains("SCHEDULED | omar.haddad (E2002) | Employee Left hr-evt-0103 due 2026-10-31T17:00:00Z")
                .contains("time moves on: it is now 2026-10-15T08:05:00Z")
                .contains("nothing is due; pending: [Employee Moved hr-evt-0006 due 2026-10-15T08:00:00Z,"
                        + " Employee Left hr-evt-0103 due 2026-10-31T17:00:00Z]")
                .containsPattern("APPLIED\\s+\\| omar\\.haddad \\(E2002\\) \\| Employee Left hr-evt-0103 due [^|]+\\| was in "
                        + "[^|]+\\|[^|]+\\| user deleted");
        assertThat(run.out()).as("every event went through the deployed patterns")
                .contains("events/joiner.json -> rule joiner -> joiner function")
                .contains("events/leaver.json -> rule leaver -> leaver function");
    }

    @Test
    void dayOneAdoptsAUserMadeByHandAndItsLeaverDeletesIt() {
        CliRun run = demo();
        assertThat(run.out()).contains("[day one 1/3] An administrator made li.wei by hand")
                .containsPattern("ADOPT\\s+li\\.wei \\(E3001\\) \\| aws:identitystore:enterprise\\.employeeNumber .* APPLIED")
                .containsPattern("UNMANAGED\\s+breakglass-admin \\| protected user")
                .contains("events/demo/li-leaves.json -> rule leaver -> leaver function")
                .containsPattern("APPLIED\\s+\\| li\\.wei \\(E3001\\) \\| was in [a-z, -]*jml-engineering[a-z, -]* \\|.* user deleted")
                .contains("Day one: 3 of 3 steps as expected.");
    }

    @Test
    void auditJsonShowsTheRecordsAsTheFunctionsLogThem() {
        assertThat(demo("--audit-json").out()).contains("\"recordType\":\"jml.audit\"").contains("\"outcome\":\"STALE\"");
    }

    @Test
    void aStepThatDoesNotHappenAsWrittenFailsTheDemo(@TempDir Path dir) throws Exception {
        String story = Files.readString(REPO.resolve("events/demo/story.json"))
                .replace("\"outcome\": \"DUPLICATE\"", "\"outcome\": \"APPLIED\"")
                .replace("\"event\": \"", "\"event\": \"" + REPO.resolve("events/demo") + "/");
        Path changed = dir.resolve("story.json");
        Files.writeString(changed, story);
        CliRun run = demo("--story", changed.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("MISMATCH: expected outcome APPLIED, got DUPLICATE")
                .contains("Story: 13 of 14 steps as expected").contains("Demo FAILED.");
    }

    @Test
    void aMissingFileIsNamedWithAHint() {
        CliRun run = demo("--story", "no/such/story.json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("File not found: no/such/story.json").contains("repository root");
    }
}
