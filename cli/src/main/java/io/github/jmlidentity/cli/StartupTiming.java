package io.github.jmlidentity.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code JML_TIMING=1}: where a one-shot command's time goes, as one line on stderr at exit, e.g.
 * {@code jml timing: JVM start to main 48 ms; command line 21 ms, rules and ledger 60 ms, SDK client 41 ms, ... ;
 * main to exit 310 ms}. The benchmark (bench --only one-shot) records it; off, a mark costs one boolean test.
 */
public final class StartupTiming {

    private static final boolean ON = System.getenv("JML_TIMING") != null;
    private static final List<String> PHASES = new ArrayList<>();
    private static final List<Long> ENDS = new ArrayList<>();
    private static long mainNanos;
    private static long mainEpochMillis;

    private StartupTiming() {
    }

    /** First thing in main. */
    static void mainEntered() {
        if (ON) {
            mainNanos = System.nanoTime();
            mainEpochMillis = System.currentTimeMillis();
        }
    }

    /** The phase that ends now, e.g. "SDK client". */
    public static void phaseEnded(String phase) {
        if (ON) {
            PHASES.add(phase);
            ENDS.add(System.nanoTime());
        }
    }

    /** Last thing before exit. */
    static void report(PrintStream err) {
        if (!ON || mainNanos == 0) {
            return;
        }
        long end = System.nanoTime();
        // Read only now: the management classes it loads would otherwise count against the command.
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        StringBuilder line = new StringBuilder("jml timing: JVM start to main ").append(mainEpochMillis - jvmStart)
                .append(" ms;");
        long from = mainNanos;
        for (int i = 0; i < PHASES.size(); i++) {
            line.append(i == 0 ? " " : ", ").append(PHASES.get(i)).append(' ').append(millis(ENDS.get(i) - from)).append(" ms");
            from = ENDS.get(i);
        }
        line.append("; main to exit ").append(millis(end - mainNanos)).append(" ms");
        err.println(line);
        err.flush();
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
