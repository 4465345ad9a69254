package io.github.jmlidentity.bench;

import io.github.jmlidentity.functions.support.ChildProcess;
import io.github.jmlidentity.functions.support.DynaliteProcess;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 2: a fresh JVM (functions.jar plus the one-class launcher) starts, builds the joiner handler from the
 * environment exactly as Lambda's init does (rules file, schemas, Identity Store and DynamoDB clients), handles one
 * joiner end to end against Identity Store Local and a dynalite ledger table, and exits. Wall time from spawn to
 * exit, split into JVM start (spawn to main), init (handler construction) and handler (first event), per set of
 * JVM flags and per JDK.
 */
public final class ColdStartBenchmark extends GoalBenchmark {

    static final double GOAL_MS = 500;
    /** One run takes well under a second; a training run a few seconds. */
    static final java.time.Duration RUN_BOUND = java.time.Duration.ofMinutes(2);
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    /** What infra sets in JAVA_TOOL_OPTIONS today. */
    static final List<String> DEPLOYED = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    static final List<String> LEAN = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** The deployed configuration: the Java 25 runtime (infra's LifecycleFunction.RUNTIME) with the deployed flags. */
    static final String DEPLOYED_LABEL = "JDK 25 deployed (C1 only)";

    /**
     * A JDK and flags; {@code archive}: "cds" (AppCDS dynamic archive) or "aot" (JDK 25 AOT cache) or null;
     * {@code snapStartInit}: init runs as Lambda runs it for a SnapStart snapshot (priming on), so that the handler
     * figure is what a container restored from the snapshot pays on its first event.
     */
    record Variant(String label, Path java, List<String> flags, String archive, boolean snapStartInit) {
        Variant(String label, Path java, List<String> flags, String archive) {
            this(label, java, flags, archive, false);
        }
    }

    public ColdStartBenchmark() {
        super("cold-start", "fresh process, one joiner end to end, exit: < " + (int) GOAL_MS + " ms");
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        BenchResult result = result();
        Path launcher = context.benchTarget().resolve("bench-0.1.0-coldstart.jar");
        for (Path jar : List.of(context.functionsJar(), launcher)) {
            if (!Files.exists(jar)) {
                return result.skipped(jar + " is missing: mvn -B -q -DskipTests package");
            }
        }
        IdentityStoreLocal server = context.freshServer();
        DynaliteProcess dynalite = context.dynalite();
        String table = dynalite.newLedgerTable("jml-bench-cold-" + System.nanoTime());
        Path work = Files.createDirectories(context.benchTarget().resolve("cold-start"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IDENTITY_STORE_ID", server.identityStoreId());
        env.put("LEDGER_TABLE", table);
        env.put("ACCESS_RULES_FILE", context.accessRulesFile().toString());
        env.put("AWS_ENDPOINT_URL_IDENTITYSTORE", server.endpoint().toString());
        env.put("SSO_INSTANCE_ARN", server.instanceArn());
        env.put("AWS_ENDPOINT_URL_SSO_ADMIN", server.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        String classPath = context.snapshot(context.functionsJar()) + java.io.File.pathSeparator + context.snapshot(launcher);
        Path jdk17 = Path.of(System.getProperty("java.home"), "bin", "java");

        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("JDK " + Runtime.version().feature() + " default flags", jdk17, List.of(), null));
        variants.add(new Variant("JDK " + Runtime.version().feature() + " deployed (C1 only)", jdk17, DEPLOYED, null));
        variants.add(new Variant("JDK " + Runtime.version().feature() + " deployed, SnapStart init (priming)", jdk17, DEPLOYED,
                null, true));
        variants.add(new Variant("JDK " + Runtime.version().feature() + " C1 + SerialGC", jdk17, LEAN, null));
        variants.add(new Variant("JDK " + Runtime.version().feature() + " C1 + SerialGC + AppCDS", jdk17, LEAN, "cds"));
        if (Files.isExecutable(JDK25)) {
            variants.add(new Variant("JDK 25 default flags", JDK25, List.of(), null));
            variants.add(new Variant(DEPLOYED_LABEL, JDK25, DEPLOYED, null));
            variants.add(new Variant("JDK 25 C1 + SerialGC", JDK25, LEAN, null));
            variants.add(new Variant("JDK 25 deployed, SnapStart init (priming)", JDK25, DEPLOYED, null, true));
            variants.add(new Variant("JDK 25 C1 + SerialGC + AOT cache", JDK25, LEAN, "aot"));
        } else {
            result.note("JDK 25 not found at " + JDK25 + ": JDK 25 variants skipped");
        }
        Envelopes joiners = new Envelopes(context.sample("joiner.json"));
        int runs = context.quick() ? 2 : 7;
        int[] counter = {0};
        List<Map<String, Object>> figures = new ArrayList<>();
        double best = Double.MAX_VALUE;
        String bestLabel = null;
        for (Variant v : variants) {
            List<String> flags = new ArrayList<>(v.flags());
            if (v.archive() != null) {
                Path archive = work.resolve(v.archive().equals("cds") ? "functions-jdk17.jsa" : "functions-jdk25.aot");
                Files.deleteIfExists(archive);
                List<String> training = new ArrayList<>(flags);
                training.add(v.archive().equals("cds") ? "-XX:ArchiveClassesAtExit=" + archive : "-XX:AOTCacheOutput=" + archive);
                long t = System.nanoTime();
                once(v.java(), training, classPath, env(env, v), event(work, joiners, counter));
                result.note(v.label() + ": archive built by one training run in " + (System.nanoTime() - t) / 1_000_000
                        + " ms, " + Files.size(archive) / (1024 * 1024) + " MB");
                flags.add(v.archive().equals("cds") ? "-XX:SharedArchiveFile=" + archive : "-XX:AOTCache=" + archive);
            }
            once(v.java(), flags, classPath, env(env, v), event(work, joiners, counter)); // warm-up: OS file cache
            List<Double> wall = new ArrayList<>();
            List<Double> boot = new ArrayList<>();
            List<Double> init = new ArrayList<>();
            List<Double> handler = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Run r = once(v.java(), flags, classPath, env(env, v), event(work, joiners, counter));
                wall.add(r.wallMs);
                boot.add(r.bootMs);
                init.add(r.initMs);
                handler.add(r.handlerMs);
            }
            Samples w = Samples.of(wall);
            Samples b = Samples.of(boot);
            Samples in = Samples.of(init);
            Samples h = Samples.of(handler);
            result.row(v.label(), w.describe("%.0f") + " ms; JVM start " + b.describe("%.0f").replaceAll(" \\(.*", "")
                    + ", init " + in.describe("%.0f").replaceAll(" \\(.*", "") + ", handler "
                    + h.describe("%.0f").replaceAll(" \\(.*", "") + " ms (medians)");
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("variant", v.label());
            f.put("java", v.java().toString());
            f.put("snapStartInit", v.snapStartInit());
            f.put("flags", flags.stream().map(s -> s.replace(work.toString(), "<work>")).toList());
            f.put("wallMs", w);
            f.put("jvmStartMs", b);
            f.put("initMs", in);
            f.put("handlerMs", h);
            figures.add(f);
            if (w.median() < best && !v.snapStartInit()) {
                best = w.median();
                bestLabel = v.label();
            }
        }
        // The verdict is the deployed configuration's: Java 25 with the deployed flags, a cold start without a SnapStart
        // restore (the first after a deploy). The archives are not deployable (Lambda's class path is its runtime's).
        String deployedLabel = Files.isExecutable(JDK25) ? DEPLOYED_LABEL
                : "JDK " + Runtime.version().feature() + " deployed (C1 only)";
        Map<String, Object> deployed = figures.stream().filter(f -> deployedLabel.equals(f.get("variant"))).findFirst()
                .orElseThrow();
        double deployedWall = ((Samples) deployed.get("wallMs")).median();
        result.figure("deployedVariant", deployedLabel);
        result.figure("deployedWallMs", deployedWall);
        figures.stream().filter(f -> Boolean.TRUE.equals(f.get("snapStartInit"))
                        && String.valueOf(f.get("java")).equals(String.valueOf(deployed.get("java")))).findFirst()
                .ifPresent(f -> result.figure("deployedSnapStartFirstEventMs", ((Samples) f.get("handlerMs")).median()));
        result.figure("variants", figures);
        result.figure("fastestVariant", bestLabel);
        result.figure("fastestWallMs", best);
        result.figure("initBreakdown", initBreakdown(context, result, classPath, env, work, joiners, counter));
        if (deployedWall >= GOAL_MS) {
            result.missed("the deployed configuration (" + deployedLabel + ") takes " + Math.round(deployedWall)
                    + " ms ≥ " + (int) GOAL_MS + " ms from spawn to exit; a SnapStart-restored container pays the "
                    + "handler column only, plus Lambda's restore");
        }
        return result;
    }

    /**
     * Where init goes, phase by phase in the order the deployed wiring runs them (rules, Identity Store client,
     * DynamoDB client, event schemas), then the first event, timed inside a fresh JVM per run with the deployed flags.
     */
    private static List<Map<String, Object>> initBreakdown(BenchContext context, BenchResult result, String classPath,
                                                           Map<String, String> env, Path work, Envelopes joiners,
                                                           int[] counter)
            throws IOException {
        List<Map<String, Object>> breakdowns = new ArrayList<>();
        List<Path> javas = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")));
        if (Files.isExecutable(JDK25)) {
            javas.add(JDK25);
        }
        String[] phases = {"rules", "identityStoreClient", "dynamoDbClient", "schemas", "firstEvent"};
        for (Path java : javas) {
            List<List<Double>> samples = new ArrayList<>();
            for (int p = 0; p < phases.length; p++) {
                samples.add(new ArrayList<>());
            }
            int runs = context.quick() ? 2 : 7;
            for (int i = 0; i <= runs; i++) {
                List<String> command = new ArrayList<>(List.of(java.toString()));
                command.addAll(DEPLOYED);
                command.addAll(List.of("-cp", classPath, "io.github.jmlidentity.bench.coldstart.ColdStartLauncher",
                        "--init-breakdown", event(work, joiners, counter).toString()));
                Map<String, String> childEnv = new LinkedHashMap<>(env);
                childEnv.put("JAVA_TOOL_OPTIONS", null);
                ChildProcess.Result run = ChildProcess.run(command, childEnv, null, RUN_BOUND);
                String line = run.output().lines().filter(l -> l.startsWith("#initbreakdown ")).findFirst().orElse(null);
                if (run.exitCode() != 0 || line == null) {
                    throw new IllegalStateException("init breakdown run failed (exit " + run.exitCode() + "):\n" + run.output());
                }
                if (i == 0) {
                    continue; // warm-up: the OS file cache
                }
                String[] parts = line.split(" ");
                for (int p = 0; p < phases.length; p++) {
                    samples.get(p).add(Long.parseLong(parts[p + 1]) / 1e6);
                }
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("java", java.toString());
            f.put("flags", DEPLOYED);
            StringBuilder row = new StringBuilder();
            for (int p = 0; p < phases.length; p++) {
                Samples phase = Samples.of(samples.get(p));
                f.put(phases[p] + "Ms", phase);
                row.append(p == 0 ? "" : ", ").append(phases[p]).append(' ').append(Math.round(phase.median()));
            }
            breakdowns.add(f);
            result.row("init breakdown, " + (java.equals(JDK25) ? "JDK 25" : "JDK " + Runtime.version().feature())
                    + " deployed flags", row + " ms (medians, n=" + runs + ")");
        }
        return breakdowns;
    }

    private static Map<String, String> env(Map<String, String> base, Variant v) {
        Map<String, String> env = new LinkedHashMap<>(base);
        if (v.snapStartInit()) {
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        }
        return env;
    }

    private record Run(double wallMs, double bootMs, double initMs, double handlerMs) {
    }

    private static Path event(Path work, Envelopes joiners, int[] counter) throws IOException {
        Path file = work.resolve("joiner-" + (++counter[0]) + ".json");
        Files.write(file, joiners.employee("cold" + ProcessHandle.current().pid(), counter[0]));
        return file;
    }

    private static Run once(Path java, List<String> flags, String classPath, Map<String, String> env, Path event)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath, "io.github.jmlidentity.bench.coldstart.ColdStartLauncher", event.toString()));
        Map<String, String> childEnv = new LinkedHashMap<>(env);
        childEnv.put("JAVA_TOOL_OPTIONS", null);
        childEnv.put("JDK_JAVA_OPTIONS", null);
        long spawnedAtMs = System.currentTimeMillis();
        ChildProcess.Result run = ChildProcess.run(command, childEnv, null, RUN_BOUND);
        int exit = run.exitCode();
        double wallMs = run.took().toNanos() / 1e6;
        String text = run.output();
        String line = text.lines().filter(l -> l.startsWith("#coldstart ")).findFirst().orElse(null);
        if (exit != 0 || line == null) {
            throw new IllegalStateException("cold-start run failed (exit " + exit + "): " + String.join(" ", command) + "\n" + text);
        }
        String[] parts = line.split(" ");
        if (!parts[4].equals("APPLIED")) {
            throw new IllegalStateException("cold-start joiner was " + parts[4] + ", not APPLIED:\n" + text);
        }
        return new Run(wallMs, Long.parseLong(parts[1]) - spawnedAtMs, Long.parseLong(parts[2]) / 1e6,
                Long.parseLong(parts[3]) / 1e6);
    }
}
