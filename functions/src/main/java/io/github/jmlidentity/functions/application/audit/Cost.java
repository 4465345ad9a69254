package io.github.jmlidentity.functions.application.audit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What handling an event cost.
 *
 * @param apiCalls   Identity Store HTTP requests by operation, retries included
 * @param requestIds the AWS request id of each of them
 */
public record Cost(Map<String, Long> apiCalls, List<String> requestIds, long durationMs) {

    public Cost {
        apiCalls = Collections.unmodifiableMap(new TreeMap<>(apiCalls)); // by operation: the audit line's order
        requestIds = List.copyOf(requestIds);
    }
}
