package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.RosterSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Rosters in local files (`jml reconcile --roster FILE`); a file says nothing of when the snapshot was taken. */
public final class FileRosterSource implements RosterSource {

    /** Far above a 50,000-employee roster (about 10 MB). */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    @Override
    public Document read(String location) {
        Path file = Path.of(location);
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new RosterUnavailableException(location + " is " + size + " bytes, more than the "
                        + MAX_BYTES + "-byte limit", null);
            }
            return new Document(location, Files.readAllBytes(file), null);
        } catch (NoSuchFileException missing) {
            throw new RosterUnavailableException(location + ": no such file", missing);
        } catch (IOException unreadable) {
            throw new RosterUnavailableException("cannot read " + location + ": " + unreadable.getMessage(), unreadable);
        }
    }
}
