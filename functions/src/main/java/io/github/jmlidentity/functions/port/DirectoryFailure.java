package io.github.jmlidentity.functions.port;

/**
 * A failure talking to the directory or the ledger, already classified: transient failures (throttling, 5xx,
 * concurrent modification, timeouts) are worth a retry; permanent ones are not.
 */
public class DirectoryFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String errorType;
    private final boolean transientFailure;

    public DirectoryFailure(String errorType, String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
        this.transientFailure = transientFailure;
    }

    /** The service's error type (e.g. ThrottlingException), or the project's own for non-service failures. */
    public String errorType() {
        return errorType;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
