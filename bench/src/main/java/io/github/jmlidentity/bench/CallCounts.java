package io.github.jmlidentity.bench;

import java.util.Map;

/** API call counts as the benchmarks compare them: per operation, their total, and the pages a listing needs. */
final class CallCounts {

    /** The Identity Store and sso-admin list calls return at most this many items a page. */
    static final int PAGE = 100;

    private CallCounts() {
    }

    /** The pages one listing of {@code items} takes: an empty listing still takes one call. */
    static long pages(long items) {
        return Math.max(1, (items + PAGE - 1) / PAGE);
    }

    /** Every operation's calls, added up. */
    static long total(Map<String, Long> callsByOperation) {
        return callsByOperation.values().stream().mapToLong(Long::longValue).sum();
    }
}
