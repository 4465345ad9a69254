package io.github.jmlidentity.identitystore.local.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.identitystore.local.ssoadmin.SsoAdminData;
import io.github.jmlidentity.identitystore.local.store.ChangeListener;
import io.github.jmlidentity.identitystore.local.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code --data FILE} keeps: FILE (the state when it was last saved) and FILE.journal (every change since,
 * fsync'd before the write that made it is acknowledged, so a {@code kill -9} loses nothing that was answered).
 * Saving (on exit, on {@code POST /_local/save}, at start) writes FILE and empties the journal.
 */
public final class PersistentState implements AutoCloseable {
    private static final String OPTION = "--data";

    private final DataFile file;
    private final Journal journal;

    private PersistentState(DataFile file, Journal journal) {
        this.file = file;
        this.journal = journal;
    }

    /**
     * Prepares {@code path} for use: creates its directory, removes temporary files a crash left, and opens the
     * journal, so an unwritable location fails now, naming the option, rather than losing the state at exit.
     */
    public static PersistentState open(ObjectMapper mapper, Path path) {
        DataFile file = new DataFile(mapper, path);
        Path absolute = file.path();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(OPTION + " " + absolute + ": is a directory; name a file in it");
        }
        Journal journal = new Journal(mapper, absolute.resolveSibling(absolute.getFileName() + ".journal"));
        try {
            Files.createDirectories(absolute.getParent());
            file.removeLeftovers();
            journal.open();
        } catch (IOException | UncheckedIOException cannotWrite) {
            throw new IllegalArgumentException(OPTION + " " + absolute + ": cannot write there ("
                    + describe(cannotWrite) + ")", cannotWrite);
        }
        return new PersistentState(file, journal);
    }

    public Path path() {
        return file.path();
    }

    /** True when a data file from an earlier run exists. */
    public boolean hasSavedState() {
        return file.exists();
    }

    /** Loads the saved state into empty {@code stores} and {@code ssoAdmin}. */
    public void loadSavedState(Stores stores, SsoAdminData ssoAdmin) {
        file.load(stores, ssoAdmin);
    }

    /** Replays the changes a crash left in the journal. */
    public void replayJournal(Stores stores) {
        try {
            journal.replay(stores, OPTION + " " + file.path());
        } catch (IOException unreadable) {
            throw new IllegalArgumentException(OPTION + " " + file.path() + ": cannot read the journal "
                    + journal.path() + " (" + describe(unreadable) + ")", unreadable);
        }
    }

    /** What the stores tell of each change: the journal. */
    public ChangeListener journal() {
        return journal;
    }

    /** Returns once every change made so far is on disk. */
    public void sync() throws IOException {
        journal.sync();
    }

    /** Writes the whole state to the data file and empties the journal, with no change in between. */
    public synchronized void save(Stores stores, SsoAdminData ssoAdmin) throws IOException {
        IOException failure = stores.exclusive(() -> {
            try {
                file.save(stores, ssoAdmin);
                journal.truncate();
                return null;
            } catch (IOException failed) {
                return failed;
            }
        });
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }

    private static String describe(Exception failure) {
        Throwable cause = failure instanceof UncheckedIOException ? failure.getCause() : failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
