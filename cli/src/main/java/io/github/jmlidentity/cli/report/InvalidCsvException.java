package io.github.jmlidentity.cli.report;

/** A CSV input the command cannot use; the message names the file, and the line and column when there is one. */
public final class InvalidCsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidCsvException(String message) {
        super(message);
    }

    public InvalidCsvException(String message, Throwable cause) {
        super(message, cause);
    }
}
