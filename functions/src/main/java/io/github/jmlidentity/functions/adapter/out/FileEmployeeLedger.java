package io.github.jmlidentity.functions.adapter.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.LedgerEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
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

    public Path file() {
        return file;
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

    private static ObjectNode toJson(LedgerEntry e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("employeeId", e.employeeId());
        node.put("userId", e.userId());
        node.put("status", e.status() == null ? null : e.status().name());
        node.put("lastEventId", e.lastEventId());
        node.put("lastEffectiveAt", e.lastEffectiveAt() == null ? null : e.lastEffectiveAt().toString());
        node.put("leftAt", e.leftAt() == null ? null : e.leftAt().toString());
        ArrayNode recent = node.putArray("recentEventIds");
        e.recentEventIds().forEach(recent::add);
        node.put("version", e.version());
        node.put("lockOwner", e.lockOwner());
        node.put("lockExpiresAt", e.lockExpiresAt() == null ? null : e.lockExpiresAt().toString());
        node.put("lastEventKind", e.lastEventKind() == null ? null : e.lastEventKind().name());
        node.put("leaveEventId", e.leaveEventId());
        ArrayNode before = node.putArray("membershipsBefore");
        e.membershipsBefore().forEach(before::add);
        return node;
    }

    private static LedgerEntry fromJson(JsonNode n) {
        List<String> recent = new ArrayList<>();
        n.path("recentEventIds").forEach(r -> recent.add(r.asText()));
        List<String> before = new ArrayList<>();
        n.path("membershipsBefore").forEach(g -> before.add(g.asText()));
        String status = text(n, "status");
        String kind = text(n, "lastEventKind");
        return new LedgerEntry(text(n, "employeeId"), text(n, "userId"),
                status == null ? null : EmploymentStatus.valueOf(status), text(n, "lastEventId"),
                instant(text(n, "lastEffectiveAt")), instant(text(n, "leftAt")), recent, n.path("version").asLong(),
                text(n, "lockOwner"), instant(text(n, "lockExpiresAt")),
                kind == null ? null : EventKind.valueOf(kind), text(n, "leaveEventId"), before);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
