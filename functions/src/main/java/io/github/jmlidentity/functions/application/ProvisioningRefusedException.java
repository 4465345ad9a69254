package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.domain.Outcome;

/** The event is well-formed but policy forbids applying it; retrying cannot change that. */
public final class ProvisioningRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The user is in the access rules' protectedUsers. */
    public static final String PROTECTED_USER = "PROTECTED_USER";
    /** The user name belongs to a directory user that is not this employee. */
    public static final String IDENTITY_CONFLICT = "IDENTITY_CONFLICT";
    /** A granted group does not exist and the missing-group policy is fail. */
    public static final String MISSING_GROUP = "MISSING_GROUP";
    /** The employee's user was deleted outside jml-identity; only a joiner (a rehire) creates it again. */
    public static final String USER_DELETED_OUTSIDE = "USER_DELETED_OUTSIDE";
    /** A leaver could not find the employee's user, nor prove that there is none. */
    public static final String USER_NOT_RESOLVED = "USER_NOT_RESOLVED";
    /** More leavers in the last hour than the access rules allow. */
    public static final String MASS_DELETION_GUARD = "MASS_DELETION_GUARD";

    private final String errorType;
    private final Outcome outcome;

    public ProvisioningRefusedException(String errorType, Outcome outcome, String reason) {
        super(reason);
        this.errorType = errorType;
        this.outcome = outcome;
    }

    public String errorType() {
        return errorType;
    }

    public Outcome outcome() {
        return outcome;
    }
}
