package io.github.jmlidentity.functions.domain.reconcile;

/** What a reconcile does for one employee or directory user. */
public enum ReconcileAction {
    /** In the roster, active, no user: create it (an Employee Joined event). */
    JOIN,
    /** Attribute or managed-group drift: converge (an Employee Moved event). */
    MOVE,
    /** A managed user whose employee is absent from the roster or terminated (an Employee Left event). */
    LEAVE,
    /** A user without employeeNumber that matches an active row: set its employeeNumber, record it, then MOVE. */
    ADOPT,
    /** Never changed, always listed: a name that belongs to someone else, several candidates, a protected user. */
    CONFLICT,
    /** A directory user with no employeeNumber and no roster match: listed, never changed. */
    UNMANAGED,
    /** The directory differs, but the ledger holds this snapshot's change or a later HR event: nothing to do. */
    STALE,
    /**
     * The directory differs, but the employee has a scheduled change open (an HR event effective later, or the delete
     * after a suspension): left to the schedule, so that a snapshot neither undoes nor applies twice what HR dated;
     * the reconcile after it is applied converges the rest.
     */
    PENDING,
    /** The directory matches the roster. */
    OK;

    /** Whether applying it changes the directory. */
    public boolean changes() {
        return this == JOIN || this == MOVE || this == LEAVE || this == ADOPT;
    }
}
