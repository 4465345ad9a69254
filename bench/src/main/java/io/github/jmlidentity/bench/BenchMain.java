package io.github.jmlidentity.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar bench/target/jml-bench.jar [--quick] [--only NAME[,NAME]] [--json FILE] [--repo DIR]}: runs the
 * benchmarks of issue 7 against Identity Store Local on 127.0.0.1, prints a table and writes JSON. Exit code 1 when
 * a hard check fails (API calls above the minimum, lost or duplicated users), 2 on bad arguments.
 */
public final class BenchMain {

    static final List<Benchmark> ALL = List.of(
            new ApiCallsBenchmark(),
            new ColdStartBenchmark(),
            new WarmThroughputBenchmark(),
            new QuotaOnboardingBenchmark(),
            new ReportScaleBenchmark(),
            new ReconcileScaleBenchmark(),
            new ScheduledChangesBenchmark(),
            new ArtifactBenchmark(),
            new OneShotBenchmark());

    private static final double LOAD_AT_START = Machine.loadAverage();

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        boolean quick = false;
        List<String> only = new ArrayList<>();
        Path json = null;
        Path repo = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only.addAll(List.of(value(args, ++i, "--only").split(",")));
                case "--json" -> json = Path.of(value(args, ++i, "--json"));
                case "--repo" -> repo = Path.of(value(args, ++i, "--repo"));
                case "-h", "--help" -> {
                    out.println(help());
                    return 0;
                }
                default -> {
                    System.err.println("jml-bench: unknown argument '" + args[i] + "'\n" + help());
                    return 2;
                }
            }
        }
        List<Benchmark> selected = ALL.stream().filter(b -> only.isEmpty() || only.contains(b.name())).toList();
        if (selected.size() != (only.isEmpty() ? ALL.size() : only.size())) {
            System.err.println("jml-bench: --only takes " + ALL.stream().map(Benchmark::name).toList() + ", got " + only);
            return 2;
        }
        List<BenchResult> results = new ArrayList<>();
        try (BenchContext context = new BenchContext(repo != null ? repo : BenchContext.findRepo(Path.of("")), quick)) {
            // Ctrl-C: stop dynalite (a node child process) and the emulator too.
            Thread cleanUp = new Thread(context::close, "jml-bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanUp);
            for (Benchmark benchmark : selected) {
                out.println("== " + benchmark.name() + (quick ? " (quick)" : ""));
                long started = System.nanoTime();
                BenchResult result;
                try {
                    result = benchmark.run(context);
                } catch (Exception | AssertionError e) {
                    result = new BenchResult(benchmark.name(), "").failed(e.toString());
                    e.printStackTrace(System.err);
                }
                result.seconds((System.nanoTime() - started) / 1e9);
                results.add(result);
                ResultTable.print(out, List.of(result));
            }
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        }
        out.println();
        out.println("== summary" + (quick ? " (quick: smaller runs, figures not comparable with a full run)" : ""));
        ResultTable.print(out, results);
        if (json != null) {
            write(json, results, quick);
            out.println("results written to " + json);
        }
        return results.stream().anyMatch(BenchResult::failsRun) ? 1 : 0;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void write(Path file, List<BenchResult> results, boolean quick) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generatedAt", Instant.now().toString());
        root.put("quick", quick);
        root.put("machine", Machine.describe());
        root.put("loadAverage1mAtStart", LOAD_AT_START);
        List<Map<String, Object>> list = new ArrayList<>();
        for (BenchResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("goal", r.goal());
            m.put("status", r.status().name().toLowerCase(Locale.ROOT));
            m.put("seconds", Math.round(r.seconds() * 10) / 10.0);
            m.put("figures", r.figures());
            m.put("notes", r.notes());
            list.add(m);
        }
        root.put("benchmarks", list);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String help() {
        return """
                usage: java -jar bench/target/jml-bench.jar [--quick] [--only NAME[,NAME]] [--json FILE] [--repo DIR]
                  Benchmarks (issue 7), all against Identity Store Local on 127.0.0.1:
                    api-calls     Identity Store calls per sample event vs the minimum (fails the run if above)
                    cold-start    fresh JVM: start, one joiner end to end, exit; JVM flag variants
                    warm          10,000 joiners in one runtime, no quota: events/s, overhead per event
                    quota         bulk onboarding under the quota (200 TPS and 20 TPS), concurrent workers
                    report        jml report over 50,000 users / 2,000 groups / 200,000 memberships, -Xmx256m
                    reconcile     jml reconcile of a 50,000-employee roster (1% drift) against as many users, -Xmx512m
                    scheduled     10,000 future-dated joiners due the same minute, one scheduler run at 20 TPS
                    artifact      functions.jar size, cdk synth time
                    one-shot      `jml invoke joiner` (the jml launcher and JVM variants) side by side with the
                                  seed script's create_user (python3 + boto3): median wall ratio, CPU, RSS
                  --quick   smaller runs (minutes → seconds), for a smoke check
                  Build first: mvn -B -q -DskipTests package""";
    }
}
