package io.github.jmlidentity.bench;

import io.github.jmlidentity.functions.support.ChildProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Benchmark 6: the deployable functions.jar (size, and what weighs most in it) and `cdk synth` time (the command
 * CI runs, with the pinned CDK CLI; it compiles nothing new when infra is built, but starts Maven).
 */
public final class ArtifactBenchmark extends GoalBenchmark {

    static final double GOAL_MB = 10.0;
    static final String CDK_CLI = "aws-cdk@2.1148.1";
    static final java.time.Duration SYNTH_BOUND = java.time.Duration.ofMinutes(10);

    public ArtifactBenchmark() {
        super("artifact", "functions.jar ≤ " + GOAL_MB + " MB; report cdk synth time");
    }

    @Override
    public BenchResult run(BenchContext context) throws IOException, InterruptedException {
        BenchResult result = result();
        Path jar = context.functionsJar();
        if (!Files.exists(jar)) {
            return result.skipped(jar + " is missing: mvn -B -q -DskipTests package");
        }
        double mb = Files.size(jar) / 1e6;
        result.row("functions.jar", String.format(Locale.ROOT, "%.2f MB (%d bytes)", mb, Files.size(jar)));
        result.figure("functionsJarBytes", Files.size(jar));
        result.figure("functionsJarMB", Math.round(mb * 100) / 100.0);
        Map<String, Long> heaviest = heaviest(jar);
        heaviest.forEach((prefix, bytes) -> result.row("  " + prefix, String.format(Locale.ROOT, "%.2f MB", bytes / 1e6)));
        result.figure("heaviestPackagesBytes", heaviest);
        if (mb > GOAL_MB) {
            result.missed(String.format(Locale.ROOT, "functions.jar is %.2f MB", mb));
        }
        if (context.quick()) {
            return result.note("cdk synth not timed in --quick");
        }
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = Files.createTempDirectory("jml-bench-synth");
            List<String> command = List.of("npx", "--yes", CDK_CLI, "synth", "-q", "-c", "identityStoreId=d-1234567890",
                    "-c", "ssoInstanceArn=arn:aws:sso:::instance/ssoins-0123456789abcdef", "--output", out.toString());
            ChildProcess.Result run = ChildProcess.run(command, java.util.Map.of(), context.repo(), SYNTH_BOUND);
            if (run.exitCode() != 0) {
                return result.failed("cdk synth failed: " + run.output());
            }
            seconds.add(run.took().toNanos() / 1e9);
            deleteTree(out);
        }
        Samples synth = Samples.of(seconds);
        result.row("cdk synth (" + CDK_CLI + ")", synth.describe("%.1f") + " s");
        result.figure("cdkSynthSeconds", synth);
        return result;
    }

    /** Compressed bytes per package, three levels deep, the six largest. */
    private static Map<String, Long> heaviest(Path jar) throws IOException {
        Map<String, Long> byPrefix = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> byPrefix.merge(prefix(e), e.getCompressedSize(), Long::sum));
        }
        Map<String, Long> top = new LinkedHashMap<>();
        byPrefix.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(6)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static String prefix(ZipEntry entry) {
        String[] parts = entry.getName().split("/");
        int depth = entry.getName().startsWith("software/amazon/awssdk/services/") ? 5 : 3;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(depth, parts.length - 1); i++) {
            s.append(parts[i]).append('/');
        }
        return s.length() == 0 ? "(root)" : s.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
