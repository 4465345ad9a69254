package io.github.jmlidentity.bench;

import static io.github.jmlidentity.bench.CallCounts.pages;
import static io.github.jmlidentity.bench.CallCounts.total;

import io.github.jmlidentity.identitystore.local.FaultSettings;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.StatsSnapshot;

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
 * Benchmark `reconcile`: `jml reconcile` (cli/target/jml.jar) in a child JVM with -Xmx512m -Xlog:gc against Identity
 * Store Local seeded with 50,000 numbered users, 2,000 groups (200 managed) and 200,000 memberships, and a
 * 50,000-employee roster with 1% drift ({@link ReconcileScale}). First a plan (no quota): its Identity Store calls
 * must be exactly the pages of the one listing pass, with no per-user read. Then --apply at {@value #QUOTA_TPS}
 * requests/s (the emulator's quota set to the account's): the changes' calls must be each change's own minimum, and
 * the rate of successful calls while applying at least 0.9 of the quota. (At 200 requests/s the apply is bound by
 * the command itself, not by the quota: about 73 calls/s, mostly the local ledger file rewritten on every write.)
 */
public final class ReconcileScaleBenchmark extends GoalBenchmark {

    static final String HEAP = "-Xmx512m";
    /** The account's quota, as the emulator enforces it with --tps 20. */
    static final int QUOTA_TPS = 20;
    static final double GOAL_QUOTA_SHARE = 0.9;
    private static final String AS_OF = "2026-03-01T00:00:00Z";
    private static final Pattern PLAN_MS = Pattern.compile("; (\\d+) ms with the directory");
    private static final Pattern READ_MS = Pattern.compile("read and checked in (\\d+) ms");
    private static final Pattern DIRECTORY_MS = Pattern.compile("directory read in (\\d+) ms");
    private static final Pattern PLANNING_MS = Pattern.compile("ledger and planning (\\d+) ms");
    private static final Pattern APPLY_MS = Pattern.compile("Identity Store calls for the changes in (\\d+) ms");

    public ReconcileScaleBenchmark() {
        super("reconcile", "50,000 employees vs 50,000 users / 2,000 groups / 200,000"
                + " memberships, 1% drift: calls = pages + changes, heap ≤ 512 MB, apply ≥ " + GOAL_QUOTA_SHARE
                + " × quota");
    }

    @Override
    public BenchResult run(BenchContext context) throws IOException, InterruptedException {
        ReconcileScale scale = context.quick() ? new ReconcileScale(5_000, 199, 1_800) : new ReconcileScale(50_000, 199, 1_800);
        BenchResult result = result();
        if (!Files.exists(context.cliJar())) {
            return result.skipped(context.cliJar() + " is missing: mvn -B -q -DskipTests package");
        }
        Path work = Files.createDirectories(context.benchTarget().resolve("reconcile"));
        Path seed = work.resolve("seed.json");
        Path rules = work.resolve("rules.json");
        Path roster = work.resolve("roster.csv");
        Path ledger = work.resolve("ledger.json");
        Files.deleteIfExists(ledger);
        scale.writeSeed(seed);
        scale.writeRules(rules);
        scale.writeRoster(roster);
        Map<ReconcileScale.Drift, Integer> drift = scale.driftCounts();
        int leavers = drift.get(ReconcileScale.Drift.ABSENT) + drift.get(ReconcileScale.Drift.TERMINATED);
        long seeding = System.nanoTime();
        try (IdentityStoreLocal server = IdentityStoreLocal.builder().port(0).seed(seed).build().start()) {
            result.note(String.format(Locale.ROOT, "seeded %d users, %d groups, %d memberships in %.1f s (in process)",
                    scale.users(), scale.groups(), scale.memberships(), (System.nanoTime() - seeding) / 1e9));
            List<String> common = List.of("reconcile", "--roster", roster.toString(), "--rules", rules.toString(),
                    "--ledger", ledger.toString(), "--endpoint-url", server.endpoint().toString(),
                    "--as-of", AS_OF, "--max-leavers", Integer.toString(leavers), "--output", "csv");

            // 1. Plan, no quota.
            server.resetStats();
            Run plan = run(context, work, "plan", common);
            if (plan.exit != 0) {
                return result.failed("jml reconcile (plan) exited " + plan.exit + ":\n" + plan.err);
            }
            Map<String, Long> planCalls = new TreeMap<>(server.stats().callsByOperation());
            Map<String, Long> minimumPages = minimumPages(scale);

            // 2. Apply at the quota.
            server.faults(FaultSettings.none().withTps(QUOTA_TPS));
            server.resetStats();
            List<String> apply = new ArrayList<>(common);
            apply.add("--apply");
            Run applied = run(context, work, "apply", apply);
            StatsSnapshot stats = server.stats();
            server.faults(FaultSettings.none());
            if (applied.exit != 0) {
                return result.failed("jml reconcile --apply exited " + applied.exit + ":\n" + applied.err);
            }
            Map<String, Long> changeCalls = new TreeMap<>();
            long throttled = stats.throttled();
            for (Map.Entry<String, Long> op : stats.callsByOperation().entrySet()) {
                long succeeded = stats.succeeded(op.getKey()) - minimumPages.getOrDefault(op.getKey(), 0L);
                if (succeeded > 0) {
                    changeCalls.put(op.getKey(), succeeded);
                }
            }
            Map<String, Long> minimumChanges = minimumChangeCalls(drift, scale);
            long changes = total(changeCalls);
            long applyMs = find(APPLY_MS, applied.err);
            double rate = applyMs > 0 ? changes * 1000.0 / applyMs : 0;

            int expectedUsers = scale.users() - leavers + scale.joiners();
            int users = server.data().read(() -> server.data().users().size());
            GcHeap planHeap = GcHeap.read(plan.gcLog);
            GcHeap applyHeap = GcHeap.read(applied.gcLog);
            long planMs = find(PLAN_MS, plan.err);

            result.row("scale", scale.users() + " users (numbered), " + scale.groups() + " groups (" + (1 + scale.departments())
                    + " managed), " + scale.memberships() + " memberships; roster " + (scale.users()
                    - drift.get(ReconcileScale.Drift.ABSENT) + scale.joiners()) + " rows");
            result.row("drift", drift.get(ReconcileScale.Drift.ABSENT) + " absent, " + drift.get(ReconcileScale.Drift.TERMINATED)
                    + " terminated, " + drift.get(ReconcileScale.Drift.TITLE) + " new title, "
                    + drift.get(ReconcileScale.Drift.DEPARTMENT) + " new department, " + scale.joiners() + " joiners");
            long readMs = find(READ_MS, plan.err);
            long directoryMs = find(DIRECTORY_MS, plan.err);
            long planningMs = find(PLANNING_MS, plan.err);
            result.row("plan (child JVM, " + HEAP + ", no quota)", String.format(Locale.ROOT, "%.1f s wall: roster"
                    + " of %d rows read and checked by the event schemas %d ms, directory listed %d ms, ledger and"
                    + " planning %d ms", plan.seconds, scale.users(), readMs, directoryMs, planningMs));
            result.row("plan calls", total(planCalls) + " = the minimum pages " + total(minimumPages) + ": " + planCalls);
            result.row("plan heap", planHeap.describe());
            result.row("apply at " + QUOTA_TPS + " requests/s", String.format(Locale.ROOT, "%d change calls in %d ms:"
                    + " %.1f successful calls/s = %.2f × quota; %d throttled and retried", changes, applyMs, rate,
                    rate / QUOTA_TPS, throttled));
            result.row("change calls", changes + " (minimum " + total(minimumChanges) + "): " + changeCalls);
            result.row("apply heap", applyHeap.describe());
            result.row("users after", users + " (expected " + expectedUsers + ")");

            if (!planCalls.equals(minimumPages)) {
                result.missed("plan calls " + planCalls + " differ from the minimum pages " + minimumPages);
            }
            if (!changeCalls.equals(minimumChanges)) {
                result.missed("change calls " + changeCalls + " differ from the minimum " + minimumChanges);
            }
            if (users != expectedUsers) {
                result.missed(users + " users after the apply, expected " + expectedUsers);
            }
            if (planHeap.peakBefore() > 512 || applyHeap.peakBefore() > 512) {
                result.missed("heap above 512 MB");
            }
            if (!context.quick() && rate / QUOTA_TPS < GOAL_QUOTA_SHARE) {
                result.missed(String.format(Locale.ROOT, "apply at %.2f × quota, below %.1f", rate / QUOTA_TPS,
                        GOAL_QUOTA_SHARE));
            }
            scale.addTo(result);
            result.figure("planMillis", planMs);
            result.figure("rosterReadMillis", readMs);
            result.figure("directoryListMillis", directoryMs);
            result.figure("planningMillis", planningMs);
            result.figure("planWallSeconds", Math.round(plan.seconds * 10) / 10.0);
            result.figure("planCalls", planCalls);
            result.figure("minimumPages", minimumPages);
            result.figure("changeCalls", changeCalls);
            result.figure("minimumChangeCalls", minimumChanges);
            result.figure("applyMillis", applyMs);
            result.figure("quotaTps", QUOTA_TPS);
            result.figure("applyCallsPerSecond", Math.round(rate * 10) / 10.0);
            result.figure("quotaShare", Math.round(rate / QUOTA_TPS * 100) / 100.0);
            result.figure("throttled", throttled);
            result.figure("planPeakHeapMb", planHeap.peakBefore());
            result.figure("planMaxLiveAfterGcMb", planHeap.maxAfter());
            result.figure("applyPeakHeapMb", applyHeap.peakBefore());
            result.figure("applyWallSeconds", Math.round(applied.seconds * 10) / 10.0);
            return result;
        }
    }

    /** One page per 100 users, groups and members of each managed group. */
    static Map<String, Long> minimumPages(ReconcileScale scale) {
        Map<String, Long> pages = new TreeMap<>();
        pages.put("ListUsers", pages(scale.users()));
        pages.put("ListGroups", pages(scale.groups()));
        pages.put("ListGroupMemberships", scale.managedMembers().values().stream().mapToLong(n -> pages(n)).sum());
        return pages;
    }

    /**
     * Each change's own calls through the lifecycle services (group names and ids come from the plan's ListGroups):
     * a MOVE reads the user and its memberships (DescribeUser, ListGroupMembershipsForMember) and writes one
     * UpdateUser (plus a membership created and one deleted for a new department); a JOIN creates the user and its
     * two memberships; a LEAVE reads the user and its memberships (logged first) and deletes the user.
     */
    static Map<String, Long> minimumChangeCalls(Map<ReconcileScale.Drift, Integer> drift, ReconcileScale scale) {
        long moves = drift.get(ReconcileScale.Drift.TITLE) + drift.get(ReconcileScale.Drift.DEPARTMENT);
        long leaves = drift.get(ReconcileScale.Drift.ABSENT) + drift.get(ReconcileScale.Drift.TERMINATED);
        long departments = drift.get(ReconcileScale.Drift.DEPARTMENT);
        Map<String, Long> calls = new TreeMap<>();
        calls.put("DescribeUser", moves + leaves);
        calls.put("ListGroupMembershipsForMember", moves + leaves);
        calls.put("UpdateUser", moves);
        calls.put("CreateGroupMembership", departments + 2L * scale.joiners());
        calls.put("DeleteGroupMembership", departments);
        calls.put("CreateUser", (long) scale.joiners());
        calls.put("DeleteUser", leaves);
        return calls;
    }

    private static long find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    /** Bound on one jml reconcile run (plan or apply), far above what it takes even on a loaded machine. */
    static final java.time.Duration RUN_BOUND = java.time.Duration.ofMinutes(30);

    private record Run(int exit, String err, double seconds, Path gcLog) {
    }

    private static Run run(BenchContext context, Path work, String name, List<String> args)
            throws IOException, InterruptedException {
        Path gcLog = work.resolve(name + "-gc.log");
        Path out = work.resolve(name + ".csv");
        Path err = work.resolve(name + ".err");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-Xlog:gc:file=" + gcLog, "-jar", context.snapshot(context.cliJar()).toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long started = System.nanoTime();
        // Output goes to files (no pipe to drain), so a bounded wait is the only wait; past it the child is killed.
        Process child = builder.start();
        if (!child.waitFor(RUN_BOUND.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            throw new IllegalStateException("jml reconcile (" + name + ") did not finish within " + RUN_BOUND
                    + ", killed; its stderr: " + err);
        }
        int exit = child.exitValue();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Run(exit, Files.readString(err, StandardCharsets.UTF_8), seconds, gcLog);
    }
}
