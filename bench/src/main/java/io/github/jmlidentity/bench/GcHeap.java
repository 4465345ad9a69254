package io.github.jmlidentity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM's heap, read from its {@code -Xlog:gc:file=...} log (the report and reconcile benchmarks): the highest
 * heap used before a collection, the highest left live after one, the most committed, and how many collections ran.
 */
record GcHeap(long peakBefore, long maxAfter, long maxCommitted, int collections) {

    /** A unified-logging GC line's "before->after(committed)" in MB. */
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** The heap from {@code gcLog}; all zero when the child wrote none. */
    static GcHeap read(Path gcLog) throws IOException {
        long before = 0;
        long after = 0;
        long committed = 0;
        int count = 0;
        for (String line : Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.<String>of()) {
            Matcher m = GC_HEAP.matcher(line);
            if (m.find()) {
                count++;
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        return new GcHeap(before, after, committed, count);
    }

    String describe() {
        return String.format(Locale.ROOT, "peak used %d MB (before a GC), max live after GC %d MB, committed ≤ %d MB;"
                + " %d GCs", peakBefore, maxAfter, maxCommitted, collections);
    }
}
