package io.github.jmlidentity.bench;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 5: `jml report` (cli/target/jml.jar, unchanged) in a child JVM with -Xmx256m against Identity Store
 * Local seeded with 50,000 users, 2,000 groups and 200,000 memberships. Time, API calls per operation beside the
 * minimum number of pages, and peak heap from the child's GC log (heap used before each collection; the largest
 * after a collection bounds what the report really holds).
 */
public final class ReportScaleBenchmark implements Benchmark {

    static final String HEAP = "-Xmx256m";
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @Override
    public String name() {
        return "report";
    }

    @Override
    public BenchResult run(BenchContext context) throws IOException, InterruptedException {
        ScaleSeed scale = context.quick() ? new ScaleSeed(5_000, 200, 4, 10, 5, 100)
                : new ScaleSeed(50_000, 2_000, 4, 10, 5, 200);
        BenchResult result = new BenchResult(name(), "50,000 users in a 256 MB heap; API calls grow with pages, not items");
        if (!Files.exists(context.cliJar())) {
            return result.skipped(context.cliJar() + " is missing: mvn -B -q -DskipTests package");
        }
        Path work = Files.createDirectories(context.benchTarget().resolve("report"));
        Path seed = work.resolve("scale-seed.json");
        scale.write(seed);
        long seeding = System.nanoTime();
        try (IdentityStoreLocal server = IdentityStoreLocal.builder().port(0).seed(seed).build().start()) {
            result.note(String.format(Locale.ROOT, "seeded %d users, %d groups, %d memberships in %.1f s (in process)",
                    scale.users(), scale.groups(), scale.memberships(), (System.nanoTime() - seeding) / 1e9));
            server.resetStats();
            Path gcLog = work.resolve("report-gc.log");
            Path out = work.resolve("report.csv");
            Files.deleteIfExists(gcLog);
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                    "-Xlog:gc:file=" + gcLog, "-jar", context.snapshot(context.cliJar()).toString(), "report",
                    "--endpoint-url", server.endpoint().toString(), "--identitystoreid", server.identityStoreId(),
                    "--format", "csv", "--out", out.toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().put("AWS_REGION", "us-east-1");
            builder.environment().put("AWS_ACCESS_KEY_ID", "test");
            builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
            long started = System.nanoTime();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (exit != 0) {
                return result.failed("jml report exited " + exit + ":\n" + output);
            }
            Map<String, Long> calls = new TreeMap<>(server.stats().callsByOperation());
            Map<String, Long> minimum = minimumPages(scale);
            long lines;
            try (var stream = Files.lines(out)) {
                lines = stream.count();
            }
            Heap heap = heap(gcLog);
            long totalCalls = calls.values().stream().mapToLong(Long::longValue).sum();
            long totalMinimum = minimum.values().stream().mapToLong(Long::longValue).sum();
            result.row("scale", scale.users() + " users, " + scale.groups() + " groups, " + scale.memberships() + " memberships");
            result.row("time (child JVM, " + HEAP + ")", String.format(Locale.ROOT, "%.1f s, %d CSV lines, %.1f MB",
                    seconds, lines, Files.size(out) / 1e6));
            result.row("API calls", totalCalls + " (minimum pages " + totalMinimum + ")");
            calls.forEach((op, n) -> result.row("  " + op, n + " (min " + minimum.getOrDefault(op, 0L) + ")"));
            result.row("heap", String.format(Locale.ROOT, "peak used %d MB (before a GC), max live after GC %d MB, "
                    + "committed ≤ %d MB; %d GCs", heap.peakBefore, heap.maxAfter, heap.maxCommitted, heap.collections));
            calls.forEach((op, n) -> {
                if (n > minimum.getOrDefault(op, 0L)) {
                    result.note(op + ": " + n + " calls, above the minimum of " + minimum.getOrDefault(op, 0L));
                }
            });
            if (!output.contains("report:")) {
                result.note("unexpected output: " + output);
            }
            result.figure("users", scale.users());
            result.figure("groups", scale.groups());
            result.figure("memberships", scale.memberships());
            result.figure("seconds", Math.round(seconds * 10) / 10.0);
            result.figure("apiCalls", calls);
            result.figure("minimumPages", minimum);
            result.figure("apiCallsTotal", totalCalls);
            result.figure("heapLimitMb", 256);
            result.figure("peakHeapUsedMb", heap.peakBefore);
            result.figure("maxLiveAfterGcMb", heap.maxAfter);
            result.figure("gcCount", heap.collections);
            result.figure("csvLines", lines);
            return result;
        }
    }

    private static Map<String, Long> minimumPages(ScaleSeed scale) {
        Map<String, Long> min = new TreeMap<>();
        min.put("ListInstances", 1L);
        min.put("ListGroups", pages(scale.groups()));
        min.put("ListUsers", pages(scale.users()));
        long memberPages = 0;
        long assignmentPages = 0;
        for (Map.Entry<Integer, Integer> e : scale.membersPerGroup().entrySet()) {
            memberPages += pages(e.getValue());
            assignmentPages += pages(scale.assignmentsOf(e.getKey()));
        }
        min.put("ListGroupMemberships", memberPages);
        min.put("ListAccountAssignmentsForPrincipal", assignmentPages);
        min.put("DescribePermissionSet", (long) scale.permissionSets());
        return min;
    }

    /** Pages of 100 to list n items; an empty list still takes one call. */
    private static long pages(long n) {
        return Math.max(1, (n + 99) / 100);
    }

    private record Heap(long peakBefore, long maxAfter, long maxCommitted, int collections) {
    }

    private static Heap heap(Path gcLog) throws IOException {
        long before = 0;
        long after = 0;
        long committed = 0;
        int count = 0;
        List<String> lines = Files.exists(gcLog) ? Files.readAllLines(gcLog) : new ArrayList<>();
        for (String line : lines) {
            Matcher m = GC_HEAP.matcher(line);
            if (m.find()) {
                count++;
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        return new Heap(before, after, committed, count);
    }
}
