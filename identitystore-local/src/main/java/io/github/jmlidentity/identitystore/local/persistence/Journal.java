package io.github.jmlidentity.identitystore.local.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.store.ChangeListener;
import io.github.jmlidentity.identitystore.local.store.IdentityStoreData;
import io.github.jmlidentity.identitystore.local.store.Membership;
import io.github.jmlidentity.identitystore.local.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The changes made since the data file was last written, one JSON line each, appended as they happen and fsync'd
 * before the write that made them is acknowledged. On start the lines are replayed over the data file; a save
 * writes the data file and empties the journal. Every line sets or removes one item, so replaying lines the data
 * file already holds (a crash between the two steps of a save) changes nothing.
 */
final class Journal implements ChangeListener {
    private final ObjectMapper mapper;
    private final Path path;
    private FileChannel channel;
    private long appended;
    private final Object syncLock = new Object();
    private long synced;

    Journal(ObjectMapper mapper, Path path) {
        this.mapper = mapper;
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Opens (creating) the file for appending: the check, at start, that the data can be written at all. */
    void open() throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Applies every complete line to {@code stores}; a last line cut short by a crash was never acknowledged. */
    void replay(Stores stores, String option) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        String content = Files.readString(path, StandardCharsets.UTF_8);
        List<String> lines = content.lines().toList();
        int complete = content.endsWith("\n") ? lines.size() : lines.size() - 1;
        for (int i = 0; i < complete; i++) {
            if (!lines.get(i).isBlank()) {
                apply(stores, parse(lines.get(i), i + 1, option), i + 1, option);
            }
        }
    }

    @Override
    public synchronized void changed(String identityStoreId, Kind kind, String id, JsonNode value) {
        ObjectNode line = mapper.createObjectNode().put("store", identityStoreId).put("kind", kind.name()).put("id", id);
        if (value != null) {
            line.set("value", value);
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap((mapper.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            appended++;
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot append to " + path, failed);
        }
    }

    /** Returns once every change appended so far is on disk; one fsync serves every writer waiting for it. */
    void sync() throws IOException {
        long target;
        synchronized (this) {
            target = appended;
        }
        synchronized (syncLock) {
            if (synced >= target) {
                return;
            }
            long covered;
            synchronized (this) {
                covered = appended;
            }
            channel.force(false);
            synced = covered;
        }
    }

    /** Empties the journal once the data file holds everything it recorded. */
    synchronized void truncate() throws IOException {
        channel.truncate(0);
        channel.force(true);
    }

    void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    private JsonNode parse(String line, int number, String option) {
        try {
            JsonNode node = mapper.readTree(line);
            if (node == null || !node.isObject() || !node.hasNonNull("store") || !node.hasNonNull("id")) {
                throw new IllegalArgumentException(option + ": journal " + path + " line " + number
                        + " is not a journal entry: " + abbreviated(line));
            }
            return node;
        } catch (JsonProcessingException malformed) {
            throw new IllegalArgumentException(option + ": journal " + path + " line " + number
                    + " is not valid JSON: " + malformed.getOriginalMessage());
        }
    }

    private static void apply(Stores stores, JsonNode entry, int number, String option) {
        IdentityStoreData store = stores.create(entry.get("store").asText());
        String id = entry.get("id").asText();
        JsonNode value = entry.get("value");
        Kind kind;
        try {
            kind = Kind.valueOf(entry.path("kind").asText());
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(option + ": journal line " + number + " has an unknown kind '"
                    + entry.path("kind").asText() + "'");
        }
        store.write(() -> {
            switch (kind) {
                case USER -> {
                    if (value == null) {
                        store.removeUser(id);
                    } else {
                        store.putUser(((ObjectNode) value).deepCopy());
                    }
                }
                case GROUP -> {
                    if (value == null) {
                        store.removeGroup(id);
                    } else {
                        store.putGroup(((ObjectNode) value).deepCopy());
                    }
                }
                case MEMBERSHIP -> {
                    Membership existing = store.memberships().get(id);
                    if (existing != null) {
                        store.removeMembership(existing);
                    }
                    if (value != null) {
                        store.putMembership(Membership.fromJson(value));
                    }
                }
            }
            return null;
        });
    }

    private static String abbreviated(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120) + "...";
    }
}
