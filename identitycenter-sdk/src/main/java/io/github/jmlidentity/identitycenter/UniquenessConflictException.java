package io.github.jmlidentity.identitycenter;

/**
 * ConflictException UNIQUENESS_CONSTRAINT_VIOLATION: the user name, group name or membership already exists.
 * The functions turn it into convergence (adopt the user, keep the membership) rather than a failure.
 */
public final class UniquenessConflictException extends DirectoryFailure {
    private static final long serialVersionUID = 1L;

    public UniquenessConflictException(String message, String serviceMessage, Throwable cause) {
        super(Kind.ALREADY_EXISTS, "ConflictException", message, serviceMessage, false, cause);
    }
}
