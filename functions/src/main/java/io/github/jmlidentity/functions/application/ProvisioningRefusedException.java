package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.domain.Outcome;

/** The event is well-formed but policy forbids applying it; retrying cannot change that. */
public final class ProvisioningRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why policy refuses the event; the name is the audit record's errorType. */
    public enum Refusal {
        /** The user is in the access rules' protectedUsers. */
        PROTECTED_USER,
        /** The user name belongs to a directory user that is not this employee. */
        IDENTITY_CONFLICT,
        /** A granted group does not exist and the missing-group policy is fail. */
        MISSING_GROUP,
        /** The employee's user was deleted outside jml-identity; only a joiner (a rehire) creates it again. */
        USER_DELETED_OUTSIDE,
        /** A leaver could not find the employee's user, nor prove that there is none. */
        USER_NOT_RESOLVED,
        /** More leavers in the last hour than the access rules allow. */
        MASS_DELETION_GUARD;

        /**
         * REJECTED for an event that policy never lets through (one about a protected user), FAILED for one that
         * waits on a state an operator resolves.
         */
        public Outcome outcome() {
            return this == PROTECTED_USER ? Outcome.REJECTED : Outcome.FAILED;
        }
    }

    private final Refusal refusal;

    public ProvisioningRefusedException(Refusal refusal, String reason) {
        super(reason);
        this.refusal = refusal;
    }

    public String errorType() {
        return refusal.name();
    }

    public Outcome outcome() {
        return refusal.outcome();
    }
}
