package io.github.jmlidentity.cli;

/**
 * A setting or configuration file the user must fix before anything runs (an access rules file that is not valid, a
 * ledger that cannot be read, a missing identity store id): one line naming the file or option and the field, exit
 * code 2, no stack trace.
 */
public final class BadSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadSettingException(String message) {
        super(message);
    }
}
