package io.github.jmlidentity.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one benchmark cheap enough for every build: Identity Store calls per sample event never exceed the minimum.
 * (The long benchmarks run with java -jar bench/target/jml-bench.jar, not in mvn verify.)
 */
class ApiCallsBenchmarkTest {

    @Test
    void every_sample_event_makes_no_more_identity_store_and_sso_admin_calls_than_the_minimum() {
        try (BenchContext context = new BenchContext(Path.of(System.getProperty("jml.repo.dir", "..")), true)) {
            BenchResult result = new ApiCallsBenchmark().run(context);

            assertThat(result.notes()).isEmpty();
            assertThat(result.status()).isEqualTo(BenchResult.Status.MET);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> events = (List<Map<String, Object>>) result.figures().get("events");
            assertThat(events).extracting(e -> e.get("event"), e -> e.get("outcome"), e -> e.get("total")).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("joiner (new container)", "APPLIED", 7L),
                    org.assertj.core.groups.Tuple.tuple("joiner duplicate", "DUPLICATE", 0L),
                    org.assertj.core.groups.Tuple.tuple("mover", "APPLIED", 10L),
                    org.assertj.core.groups.Tuple.tuple("leaver", "APPLIED", 4L),
                    org.assertj.core.groups.Tuple.tuple("rehire", "APPLIED", 6L),
                    org.assertj.core.groups.Tuple.tuple("joiner (warm container)", "APPLIED", 4L),
                    org.assertj.core.groups.Tuple.tuple("leaver, 2 direct assignments", "APPLIED", 8L));
        }
    }
}
