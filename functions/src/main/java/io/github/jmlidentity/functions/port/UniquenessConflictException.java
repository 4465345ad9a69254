package io.github.jmlidentity.functions.port;

/**
 * ConflictException UNIQUENESS_CONSTRAINT_VIOLATION: the user name, group name or membership already exists.
 * The services turn it into convergence (adopt the user, keep the membership) rather than a failure.
 */
public final class UniquenessConflictException extends DirectoryFailure {
    private static final long serialVersionUID = 1L;

    public UniquenessConflictException(String message, Throwable cause) {
        super("ConflictException", message, false, cause);
    }
}
