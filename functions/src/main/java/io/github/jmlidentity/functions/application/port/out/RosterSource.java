package io.github.jmlidentity.functions.application.port.out;

import java.time.Instant;

/** Where rosters are read from: local files (`jml reconcile`), or S3 objects (the reconcile function). */
@FunctionalInterface
public interface RosterSource {

    /**
     * @param location a file path, or s3://bucket/key
     * @throws RosterUnavailableException when it cannot be read (missing, denied, too large)
     */
    Document read(String location);

    /**
     * A roster as read.
     *
     * @param name    how to name it in messages
     * @param takenAt when the snapshot was taken, if the source says (S3: the object's as-of metadata, else its
     *                time); null when it does not
     */
    record Document(String name, byte[] content, Instant takenAt) {
    }

    /** The roster could not be read; the message says what and why. */
    final class RosterUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RosterUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
