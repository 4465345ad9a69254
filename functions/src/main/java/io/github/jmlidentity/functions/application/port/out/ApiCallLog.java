package io.github.jmlidentity.functions.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records the Identity Store calls made while one event is handled (for its audit record), and keeps them within
 * the caller's deadline.
 */
@FunctionalInterface
public interface ApiCallLog {

    /** Starts recording the calls this thread makes; {@code deadline} null means none (local runs). */
    Recording start(Instant deadline);

    /** The calls of one event so far. */
    interface Recording extends AutoCloseable {

        /** HTTP requests per operation, retries included, by operation name. */
        Map<String, Long> calls();

        /** The AWS request id of each request. */
        List<String> requestIds();

        @Override
        void close();
    }
}
