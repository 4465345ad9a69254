package io.github.jmlidentity.functions.adapter.out;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.application.port.out.UnreadableLedgerException;
import io.github.jmlidentity.functions.domain.LedgerEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The ledger in a local JSON file, for `jml` runs without DynamoDB, shared safely by concurrent `jml invoke`
 * processes: every read and every conditional write takes an exclusive lock on {@code FILE.lock}, reads the file
 * again under it (so a write is conditional on what is on disk, not on what this process read earlier), and a
 * write is fsync'd to a temporary file that then atomically replaces the ledger. A file that cannot be read as a
 * ledger (empty, truncated, an unknown status, a bad date) is refused with an {@link UnreadableLedgerException}
 * naming the file and the field, and is never reset: an empty ledger would re-create departed staff.
 */
public final class FileEmployeeLedger extends InMemoryEmployeeLedger {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A JVM holds a file's lock once: threads (and ledgers) of one process on one file take turns here first. */
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();
    private final Path file;
    private final Path lockFile;
    private final Path tempFile;
    private boolean changed;

    /** @throws UnreadableLedgerException when the file exists and is not a ledger */
    public FileEmployeeLedger(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.tempFile = this.file.resolveSibling(this.file.getFileName() + ".tmp");
        underLock(() -> null);
    }

    @Override
    public Optional<LedgerEntry> find(String employeeId) {
        return underLock(() -> super.find(employeeId));
    }

    @Override
    public boolean put(LedgerEntry next, long expectedVersion) {
        return underLock(() -> super.put(next, expectedVersion));
    }

    @Override
    public boolean reserveLeaverSlot(String hrEventId, Instant now, java.time.Duration window, int max) {
        return underLock(() -> super.reserveLeaverSlot(hrEventId, now, window, max));
    }

    @Override
    protected void changed() {
        changed = true;
    }

    /**
     * Runs {@code operation} on the ledger as it is on disk, holding the file lock against other processes (and a
     * monitor per file against other threads of this one), and saves what it changed.
     */
    private <T> T underLock(Supplier<T> operation) {
        synchronized (IN_PROCESS.computeIfAbsent(file, f -> new Object())) {
            synchronized (this) {
                return underFileLock(operation);
            }
        }
    }

    private <T> T underFileLock(Supplier<T> operation) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = lock.lock()) {
                load();
                changed = false;
                T result = operation.get();
                if (changed) {
                    save();
                }
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the local ledger " + file + ": " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            restore(Map.of(), List.of());
            return;
        }
        byte[] content = Files.readAllBytes(file);
        if (new String(content, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw unreadable("", "the file is empty (a ledger holds at least {\"employees\": []})");
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw unreadable("", "not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + " (truncated?)");
        }
        if (root == null || !root.isObject()) {
            throw unreadable("", "must be a JSON object with \"employees\" and \"leaverSlots\"");
        }
        JsonNode employees = root.get("employees");
        if (employees == null || !employees.isArray()) {
            throw unreadable("employees", employees == null ? "is required" : "must be a list");
        }
        Map<String, LedgerEntry> entries = new TreeMap<>();
        for (int i = 0; i < employees.size(); i++) {
            String where = "employees[" + i + "]";
            LedgerEntry entry;
            try {
                entry = LedgerEntryFields.entry(fields(employees.get(i), where));
            } catch (LedgerEntryFields.InvalidStoredField invalid) {
                throw unreadable(where + "." + invalid.getMessage(), null);
            }
            if (entries.put(entry.employeeId(), entry) != null) {
                throw unreadable(where + ".employeeId", "'" + entry.employeeId() + "' appears twice");
            }
        }
        restore(entries, leaverSlots(root.get("leaverSlots")));
    }

    private List<LeaverSlot> leaverSlots(JsonNode slots) {
        List<LeaverSlot> read = new ArrayList<>();
        if (slots == null || slots.isNull()) {
            return read;
        }
        if (!slots.isArray()) {
            throw unreadable("leaverSlots", "must be a list");
        }
        for (int i = 0; i < slots.size(); i++) {
            JsonNode slot = slots.get(i);
            String where = "leaverSlots[" + i + "]";
            // Older files hold bare timestamps (no event id): they still count against the cap.
            JsonNode at = slot.isTextual() ? slot : slot.get("at");
            JsonNode eventId = slot.isObject() ? slot.get("hrEventId") : null;
            if (at == null || !at.isTextual()) {
                throw unreadable(slot.isObject() ? where + ".at" : where, "must be a UTC timestamp");
            }
            try {
                read.add(new LeaverSlot(Instant.parse(at.asText()),
                        eventId == null || eventId.isNull() ? null : eventId.asText()));
            } catch (DateTimeParseException notATime) {
                throw unreadable(slot.isObject() ? where + ".at" : where, "'" + at.asText()
                        + "' is not a UTC timestamp (e.g. 2026-01-05T08:00:00Z)");
            }
        }
        return read;
    }

    private void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode employees = root.putArray("employees");
        entries().values().stream().sorted(Comparator.comparing(LedgerEntry::employeeId))
                .forEach(e -> employees.add(toJson(e)));
        ArrayNode slots = root.putArray("leaverSlots");
        leaverSlots().forEach(s -> slots.addObject().put("at", s.at().toString()).put("hrEventId", s.hrEventId()));
        // Durable before it is visible: the new content is on disk before the rename makes it the ledger, and the
        // rename is on disk before the write is acknowledged. Only the lock holder writes the temporary file.
        try (FileChannel out = FileChannel.open(tempFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(root));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        try {
            Files.move(tempFile, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(tempFile, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory();
    }

    /** Makes the rename itself durable; not every platform lets a directory be opened for that. */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // The rename is still atomic; only its durability across a power cut is left to the file system.
        }
    }

    private UnreadableLedgerException unreadable(String field, String problem) {
        String what = field.isEmpty() ? problem : problem == null ? field : field + ": " + problem;
        return new UnreadableLedgerException("ledger " + file + ": " + what
                + "; fix or move the file (it is never reset)");
    }

    /** The stored fields as JSON, nulls and empty lists included. */
    private static ObjectNode toJson(LedgerEntry e) {
        ObjectNode node = JSON.createObjectNode();
        LedgerEntryFields.of(e).forEach((name, value) -> {
            if (value instanceof Long number) {
                node.put(name, number);
            } else if (value instanceof List<?> list) {
                ArrayNode array = node.putArray(name);
                list.forEach(v -> array.add((String) v));
            } else {
                node.put(name, (String) value);
            }
        });
        return node;
    }

    /** A stored entry's fields: text, whole numbers and lists as they are; any other JSON value names its field. */
    private Map<String, Object> fields(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw unreadable(where, "must be a JSON object");
        }
        Map<String, Object> fields = new HashMap<>();
        n.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<Object> items = new ArrayList<>();
                value.forEach(v -> items.add(v.isTextual() ? v.asText() : v.isIntegralNumber() ? (Object) v.asLong() : v));
                fields.put(field.getKey(), items);
            } else if (value.isIntegralNumber()) {
                fields.put(field.getKey(), value.asLong());
            } else if (value.isTextual()) {
                fields.put(field.getKey(), value.asText());
            } else if (!value.isNull()) {
                fields.put(field.getKey(), value);
            }
        });
        return fields;
    }
}
