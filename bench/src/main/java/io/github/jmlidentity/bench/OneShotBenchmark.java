package io.github.jmlidentity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.functions.support.ChildProcess;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 7: a one-shot `jml invoke joiner` side by side with the seed script's `create_user --groupname` (a
 * Python process with boto3: GetGroupId, CreateUser, CreateGroupMembership), both as whole processes against the same
 * Identity Store Local, in pairs whose order alternates, each measured by the same harness (measure.py: wall time
 * from spawn to exit, user + system CPU, peak RSS). The joiner's attributes grant only the default group, so that
 * both make the same three calls; `jml` also keeps its ledger file (three fsync'd writes) and prints the audit record. The headline is the `jml` launcher at the repository root; the
 * other variants show what each JVM-side idea gives. Skipped where no python3 with boto3 is on the PATH.
 */
public final class OneShotBenchmark extends GoalBenchmark {

    static final Path JDK25_HOME = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    static final Duration BOUND = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMING = Pattern.compile("jml timing: (.*)");
    private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source: (.*)");

    /** How `jml` is started: the command before `invoke ...`, and the environment. */
    record Variant(String label, List<String> command, Map<String, String> env) {
    }

    /** One measured process, as measure.py prints it. */
    record Run(double wallMs, double cpuMs, double rssMb, int exit) {
        static Run of(String json) throws IOException {
            JsonNode n = JSON.readTree(json);
            return new Run(n.path("wallMs").asDouble(), n.path("userMs").asDouble() + n.path("sysMs").asDouble(),
                    n.path("maxRssKb").asDouble() / 1024, n.path("exit").asInt());
        }
    }

    public OneShotBenchmark() {
        super("one-shot", "one-shot `jml invoke joiner` (the jml launcher) no slower than the "
                + "seed script's create_user (python3 + boto3): median wall-time ratio of >= 10 pairs <= 1.0");
    }

    @Override
    public BenchResult run(BenchContext context) throws IOException {
        BenchResult result = result();
        Path launcher = context.repo().resolve("jml");
        if (!Files.exists(context.cliJar()) || !Files.exists(launcher)) {
            return result.skipped(context.cliJar() + " or " + launcher + " is missing: mvn -B -q -DskipTests package");
        }
        Path work = Files.createDirectories(context.benchTarget().resolve("one-shot"));
        extract("measure.py", work);
        Path createUser = extract("create_user.py", work);
        Files.deleteIfExists(work.resolve("measure-output.log"));
        // A fresh ledger: an earlier run's employees would make this run's joiners DUPLICATEs (no calls at all).
        for (String file : List.of("ledger.json", "ledger.json.lock", "ledger.json.tmp")) {
            Files.deleteIfExists(work.resolve(file));
        }
        String python = pythonWithBoto3(work);
        if (python == null) {
            return result.skipped("no python3 with boto3 on the PATH (`python3 -c 'import boto3'` fails): the seed "
                    + "script's side cannot run here");
        }
        IdentityStoreLocal server = context.freshServer();
        String group = context.rules().defaultGroups().get(0);
        Path cache = work.resolve("cache");
        deleteTree(cache);
        Envelopes joiners = new Envelopes(context.sample("joiner.json"));
        Counter counter = new Counter(new Sides(work, joiners, server, python, createUser, group, context));

        String java17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> launcherEnv = env("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", System.getProperty("java.home"));
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("jml launcher, JDK " + Runtime.version().feature() + " (C1, Serial GC, AppCDS archive)",
                List.of("bash", launcher.toString()), launcherEnv));
        variants.add(new Variant("java -jar jml.jar, JDK " + Runtime.version().feature() + ", default flags",
                List.of(java17, "-jar", context.cliJar().toString()), env()));
        variants.add(new Variant("java -jar jml.jar, JDK " + Runtime.version().feature() + ", C1 + Serial GC",
                List.of(java17, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", context.cliJar().toString()),
                env()));
        if (Files.isExecutable(JDK25_HOME.resolve("bin/java"))) {
            Map<String, String> env25 = new LinkedHashMap<>(launcherEnv);
            env25.put("JAVA_HOME", JDK25_HOME.toString());
            variants.add(new Variant("jml launcher, JDK 25 (C1, Serial GC, AOT cache)", List.of("bash", launcher.toString()),
                    env25));
        } else {
            result.note("JDK 25 not found at " + JDK25_HOME + ": its launcher variant is skipped");
        }

        // The launcher's first run per JVM makes its archive (a training run): timed once, then warm-up runs.
        List<Map<String, Object>> firstRuns = new ArrayList<>();
        for (Variant v : variants) {
            if (v.command().get(0).equals("bash")) {
                long started = System.nanoTime();
                Run first = counter.jml(v);
                firstRuns.add(Map.of("variant", v.label(), "wallMs", Math.round(first.wallMs()),
                        "archive", archiveOf(cache, v)));
                result.note(v.label() + ": first run, which makes the start-up archive: "
                        + Math.round((System.nanoTime() - started) / 1e6) + " ms (once per jar and JVM)");
            }
            counter.jml(v);
        }
        counter.python();
        // Same work on both sides: the calls one jml run makes, and one Python run.
        server.resetStats();
        counter.jmlDirect(variants.get(0), variants.get(0).env());
        Map<String, Long> jmlCalls = new java.util.TreeMap<>(server.stats().callsByOperation());
        server.resetStats();
        counter.python();
        Map<String, Long> pythonCalls = new java.util.TreeMap<>(server.stats().callsByOperation());
        result.figure("callsPerRun", Map.of("jml", jmlCalls, "python", pythonCalls));
        if (!jmlCalls.equals(pythonCalls)) {
            result.failed("the two sides made different calls: jml " + jmlCalls + ", Python " + pythonCalls);
        }

        // Rounds: the Python script once and each variant once, in an order that rotates every round, so that every
        // variant is paired with a Python run made under the same load as its own.
        int rounds = context.quick() ? 10 : 20;
        List<List<Run>> jml = new ArrayList<>();
        List<List<Double>> ratios = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            jml.add(new ArrayList<>());
            ratios.add(new ArrayList<>());
        }
        List<Run> py = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Run[] ran = new Run[variants.size()];
            Run script = null;
            for (int k = 0; k <= variants.size(); k++) {
                int slot = (k + round) % (variants.size() + 1);
                if (slot == variants.size()) {
                    script = counter.python();
                } else {
                    ran[slot] = counter.jml(variants.get(slot));
                }
            }
            py.add(script);
            for (int v = 0; v < variants.size(); v++) {
                jml.get(v).add(ran[v]);
                ratios.get(v).add(ran[v].wallMs() / script.wallMs());
            }
        }
        List<Map<String, Object>> figures = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            Samples ratio = Samples.of(ratios.get(v));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("variant", variant.label());
            f.put("command", String.join(" ", variant.command()).replace(context.repo().toString(), "<repo>")
                    .replace(System.getProperty("java.home"), "<java.home>") + " invoke joiner FILE ...");
            f.put("pairs", rounds);
            f.put("wallRatio", ratio);
            f.put("jml", summary(jml.get(v)));
            figures.add(f);
            result.row(variant.label(), String.format(Locale.ROOT, "%s x the Python script's wall time; %s ms wall, "
                            + "%.0f ms CPU, %.0f MB", ratio.describe("%.2f"),
                    wall(jml.get(v)).describe("%.0f").replaceAll(" \\(.*", ""), cpu(jml.get(v)).median(),
                    rss(jml.get(v)).median()));
        }
        result.row("the Python script (create_user.py, boto3)", String.format(Locale.ROOT, "%s ms wall, %.0f ms CPU, "
                + "%.0f MB", wall(py).describe("%.0f").replaceAll(" \\(.*", ""), cpu(py).median(), rss(py).median()));
        result.figure("pythonRuns", summary(py));
        double headline = ((Samples) figures.get(0).get("wallRatio")).median();
        result.figure("python", python.equals("python3") ? "python3" : python);
        result.figure("variants", figures);
        result.figure("firstRuns", firstRuns);
        result.figure("headlineWallRatio", Math.round(headline * 100) / 100.0);
        result.figure("headlineVariant", variants.get(0).label());
        result.figure("breakdown", breakdown(counter, variants.get(0)));
        result.figure("classes", classes(counter, variants.get(0), work));
        result.figure("usersCreated", counter.created());
        int users = server.data().read(() -> server.data().users().size());
        if (users < counter.created()) {
            result.failed("the emulator holds " + users + " users, fewer than the " + counter.created()
                    + " runs created");
        }
        if (headline > 1.0) {
            result.missed(String.format(Locale.ROOT, "the jml launcher's median wall time is %.2f x the Python script's",
                    headline));
        }
        return result;
    }

    /** Where the time of the headline variant goes: its own JML_TIMING line, in 5 runs. */
    private static List<String> breakdown(Counter counter, Variant v) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, String> env = new LinkedHashMap<>(v.env());
            env.put("JML_TIMING", "1");
            String output = counter.jmlDirect(v, env).output();
            Matcher m = TIMING.matcher(output);
            lines.add(m.find() ? m.group(1) : "(no timing line)");
        }
        return lines;
    }

    /** What the headline variant loads: classes in total, from the archive, from the jar, and a few it must not. */
    private static Map<String, Object> classes(Counter counter, Variant v, Path work) throws IOException {
        Path log = work.resolve("classes.log");
        Files.deleteIfExists(log);
        Map<String, String> env = new LinkedHashMap<>(v.env());
        env.put("JML_JAVA_OPTS", "-Xlog:class+load:file=" + log);
        counter.jmlDirect(v, env);
        int total = 0;
        int archived = 0;
        int picocliFromJar = 0;
        int unwanted = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line);
            if (!m.find()) {
                continue;
            }
            total++;
            String name = m.group(1);
            boolean fromArchive = m.group(2).startsWith("shared objects file");
            archived += fromArchive ? 1 : 0;
            picocliFromJar += name.startsWith("picocli.") && !fromArchive ? 1 : 0;
            unwanted += name.startsWith("software.amazon.awssdk.services.dynamodb.")
                    || name.startsWith("software.amazon.awssdk.services.sqs.")
                    || name.startsWith("software.amazon.awssdk.services.ssoadmin.Default")
                    || name.startsWith("software.amazon.awssdk.services.ssoadmin.model.")
                    || name.startsWith("sun.security.ssl.SSLContextImpl") || name.equals("java.security.KeyStore") ? 1 : 0;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("loaded", total);
        figures.put("fromArchive", archived);
        figures.put("notFromArchive", total - archived);
        figures.put("picocliNotArchivable", picocliFromJar);
        // DynamoDB and SQS clients, an sso-admin client (the verifier may load its interfaces), TLS set-up: none.
        figures.put("dynamoDbSqsSsoAdminOrTls", unwanted);
        return figures;
    }

    private static Object archiveOf(Path cache, Variant v) throws IOException {
        Path dir = cache.resolve("jml");
        if (!Files.isDirectory(dir)) {
            return "none";
        }
        String suffix = v.env().get("JAVA_HOME").equals(JDK25_HOME.toString()) ? ".aot" : ".jsa";
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).findFirst()
                    .map(f -> {
                        try {
                            return Math.round(Files.size(f) / 1e6) + " MB";
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).orElse("none");
        }
    }

    /**
     * The child's environment: these entries, and none of the JVM option variables this process may have (they would
     * change what is measured). A null value removes a variable.
     */
    private static Map<String, String> env(String... entries) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String unset : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "JML_JAVA_OPTS",
                "JML_TIMING", "JML_NO_ARCHIVE")) {
            env.put(unset, null);
        }
        for (int i = 0; i < entries.length; i += 2) {
            env.put(entries[i], entries[i + 1]);
        }
        return env;
    }

    private static Map<String, Object> summary(List<Run> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wallMs", wall(runs));
        m.put("cpuMs", cpu(runs));
        m.put("rssMb", rss(runs));
        return m;
    }

    private static Samples wall(List<Run> runs) {
        return Samples.of(runs.stream().map(Run::wallMs).toList());
    }

    private static Samples cpu(List<Run> runs) {
        return Samples.of(runs.stream().map(Run::cpuMs).toList());
    }

    private static Samples rss(List<Run> runs) {
        return Samples.of(runs.stream().map(Run::rssMb).toList());
    }

    /** The interpreter itself (not a version manager's shim in front of it) when it can import boto3; else null. */
    private static String pythonWithBoto3(Path work) {
        try {
            ChildProcess.Result probe = ChildProcess.run(List.of("python3", "-c",
                    "import sys, boto3; print(sys.executable)"), Map.of(), work, Duration.ofMinutes(1));
            String executable = probe.output().strip();
            return probe.exitCode() != 0 ? null : executable.isEmpty() ? "python3" : executable.lines().reduce((a, b) -> b).orElse("python3");
        } catch (RuntimeException noPython) {
            return null;
        }
    }

    private static Path extract(String resource, Path work) throws IOException {
        Path target = work.resolve(resource);
        try (InputStream in = OneShotBenchmark.class.getResourceAsStream("/one-shot/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("resource one-shot/" + resource + " is missing from the bench jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * What both sides run against: the work folder (measure.py, the events, the ledger), the joiner template, the
     * emulator, the python with boto3 and the seed script's create_user, the group it adds, the context.
     */
    private record Sides(Path work, Envelopes joiners, IdentityStoreLocal server, String python, Path createUser,
                         String group, BenchContext context) {
    }

    /** Runs both sides, each on a new employee, and counts the users they created. */
    private static final class Counter {
        private final Sides sides;
        private int runs;
        private int created;

        Counter(Sides sides) {
            this.sides = sides;
        }

        Run jml(Variant v) throws IOException {
            List<String> command = new ArrayList<>(List.of(sides.python(),
                    sides.work().resolve("measure.py").toString()));
            command.addAll(invoke(v));
            return measured(command, v.env(), "jml " + v.label());
        }

        ChildProcess.Result jmlDirect(Variant v, Map<String, String> env) throws IOException {
            ChildProcess.Result r = ChildProcess.run(invoke(v), env, sides.work(), BOUND);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("jml exited " + r.exitCode() + ":\n" + r.output());
            }
            created++;
            return r;
        }

        Run python() throws IOException {
            String user = "py.user." + (++runs);
            return measured(List.of(sides.python(), sides.work().resolve("measure.py").toString(), sides.python(),
                    sides.createUser().toString(), sides.server().endpoint().toString(),
                    sides.server().identityStoreId(), user, sides.group()), env(), "create_user.py");
        }

        private List<String> invoke(Variant v) throws IOException {
            Path event = sides.work().resolve("joiner.json");
            String id = "one-shot-" + (++runs);
            // Attributes no rule matches: only the default group, so that both sides make the same three calls
            // (GetGroupId, CreateUser, CreateGroupMembership).
            Files.write(event, sides.joiners().with(Map.of("employeeId", "E-" + id, "userName", "user." + id,
                    "email", "user." + id + "@example.com", "eventId", "evt-" + id, "department", "Sales",
                    "location", "Paris", "title", "Account Executive")));
            List<String> command = new ArrayList<>(v.command());
            command.addAll(List.of("invoke", "joiner", event.toString(),
                    "--endpoint-url", sides.server().endpoint().toString(),
                    "--rules", sides.context().accessRulesFile().toString(),
                    "--ledger", sides.work().resolve("ledger.json").toString()));
            return command;
        }

        private Run measured(List<String> command, Map<String, String> env, String what) throws IOException {
            ChildProcess.Result r = ChildProcess.run(command, env, sides.work(), BOUND);
            String last = r.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
            if (r.exitCode() != 0 || last == null) {
                throw new IllegalStateException("measure.py failed for " + what + ":\n" + r.output());
            }
            Run run = Run.of(last);
            if (run.exit() != 0) {
                throw new IllegalStateException(what + " exited " + run.exit() + "; its output is in "
                        + sides.work().resolve("measure-output.log"));
            }
            created++;
            return run;
        }

        int created() {
            return created;
        }
    }
}
