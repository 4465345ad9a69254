package io.github.jmlidentity.identitycenter;

/**
 * A failure talking to the directory (Identity Store, sso-admin) or the ledger, already classified: transient
 * failures (throttling, 5xx, concurrent modification, timeouts) are worth a retry; permanent ones are not. Plain Java:
 * the functions' ports throw it, and the command line turns it into its one-line message.
 */
public class DirectoryFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final String errorType;
    private final String serviceMessage;
    private final boolean transientFailure;

    /**
     * @param errorType      the service's error code (e.g. ThrottlingException), or the project's own for failures
     *                       that are not a service's
     * @param message        what was being done and what went wrong
     * @param serviceMessage the service's own message (or the client's), without the action
     */
    public DirectoryFailure(Kind kind, String errorType, String message, String serviceMessage,
                            boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorType = errorType;
        this.serviceMessage = serviceMessage;
        this.transientFailure = transientFailure;
    }

    /** A failure of the project's own making, e.g. a ledger record that stayed contended. */
    public DirectoryFailure(Kind kind, String errorType, String message, boolean transientFailure) {
        this(kind, errorType, message, message, transientFailure, null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** What went wrong, for whoever presents the failure. */
    public enum Kind {
        /** ConflictException UNIQUENESS_CONSTRAINT_VIOLATION: the name or membership already exists. */
        ALREADY_EXISTS,
        /** ConflictException CONCURRENT_MODIFICATION, or another writer holding the same record: transient. */
        CONCURRENT_MODIFICATION,
        /** ResourceNotFoundException. */
        NOT_FOUND,
        /** ValidationException: the request itself is wrong. */
        INVALID_REQUEST,
        ACCESS_DENIED,
        /** ThrottlingException, still throttled after the SDK's retries: transient. */
        THROTTLED,
        /** InternalServerException or another 5xx: transient. */
        SERVICE_ERROR,
        QUOTA_EXCEEDED,
        /** An error of another AWS service (sso-admin, DynamoDB, SQS), classified by its status code only. */
        OTHER_SERVICE,
        /** The time allowed for the call (the invocation's remaining time) ran out: transient. */
        TIMED_OUT,
        /** No answer (network, DNS, socket timeout): the request may not have reached the service; transient. */
        UNREACHABLE,
        UNKNOWN;

        /** A ConflictException of either reason. */
        public boolean isConflict() {
            return this == ALREADY_EXISTS || this == CONCURRENT_MODIFICATION;
        }
    }

    /** The service's error type (e.g. ThrottlingException), or the project's own for non-service failures. */
    public String errorType() {
        return errorType;
    }

    /** What the service (or the SDK client) said, without the action. */
    public String serviceMessage() {
        return serviceMessage;
    }
}
