package io.github.jmlidentity.functions.adapter.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.domain.LedgerEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger in a local JSON file, for `jml` runs without DynamoDB. Saved after every write (atomically, via a
 * temporary file), so that a second `jml invoke` sees the first one's duplicates and ordering. One process at a
 * time: it is a developer's tool, not the deployed ledger.
 */
public final class FileEmployeeLedger extends InMemoryEmployeeLedger {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public FileEmployeeLedger(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            load();
        }
    }

    private void load() {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<String, LedgerEntry> entries = new TreeMap<>();
            root.path("employees").forEach(e -> {
                LedgerEntry entry = fromJson(e);
                entries.put(entry.employeeId(), entry);
            });
            List<LeaverSlot> slots = new ArrayList<>();
            // Older files hold bare timestamps (no event id): they still count against the cap.
            root.path("leaverSlots").forEach(s -> slots.add(s.isTextual()
                    ? new LeaverSlot(Instant.parse(s.asText()), null)
                    : new LeaverSlot(Instant.parse(s.path("at").asText()), text(s, "hrEventId"))));
            restore(entries, slots);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local ledger " + file, e);
        }
    }

    @Override
    protected void changed() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode employees = root.putArray("employees");
        entries().values().stream().sorted(java.util.Comparator.comparing(LedgerEntry::employeeId))
                .forEach(e -> employees.add(toJson(e)));
        ArrayNode slots = root.putArray("leaverSlots");
        leaverSlots().forEach(s -> slots.addObject().put("at", s.at().toString()).put("hrEventId", s.hrEventId()));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".ledger", ".tmp");
            JSON.writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the local ledger " + file, e);
        }
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

    private static LedgerEntry fromJson(JsonNode n) {
        Map<String, Object> fields = new HashMap<>();
        n.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<String> texts = new ArrayList<>();
                value.forEach(v -> texts.add(v.asText()));
                fields.put(field.getKey(), texts);
            } else if (value.isIntegralNumber()) {
                fields.put(field.getKey(), value.asLong());
            } else if (!value.isNull()) {
                fields.put(field.getKey(), value.asText());
            }
        });
        return LedgerEntryFields.entry(fields);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
