package io.github.jmlidentity.functions.application.audit;

/**
 * The directory user an event concerns, as far as it is known: its name (as the directory has it, else as the event
 * names it) and its id (null when there is no user, or it was not found).
 */
public record UserRef(String userName, String userId) {

    /** Nothing known: an event that could not be parsed, or failed before its user was looked up. */
    public static final UserRef UNKNOWN = new UserRef(null, null);

    /** This reference, named as the event names the user when the directory gave no name. */
    public UserRef orNamed(String eventUserName) {
        return userName != null ? this : new UserRef(eventUserName, userId);
    }
}
