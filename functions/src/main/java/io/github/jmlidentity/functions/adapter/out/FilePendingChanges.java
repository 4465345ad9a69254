package io.github.jmlidentity.functions.adapter.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.domain.EmployeeSchedule;
import io.github.jmlidentity.functions.domain.ScheduledChange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scheduled changes in a local JSON file beside the local ledger (for `jml`): {@code ledger.json} keeps its
 * pending changes in {@code ledger.pending.json}. Saved after every write, atomically, like the ledger file.
 */
public final class FilePendingChanges extends InMemoryPendingChanges {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public FilePendingChanges(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            load();
        }
    }

    /** Where the pending changes of the ledger file {@code ledger} are kept. */
    public static Path besideLedger(Path ledger) {
        String name = ledger.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return ledger.resolveSibling(base + ".pending.json");
    }

    private void load() {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<String, EmployeeSchedule> schedules = new TreeMap<>();
            root.path("schedules").forEach(s -> {
                List<ScheduledChange> changes = new ArrayList<>();
                s.path("changes").forEach(c -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    c.properties().forEach(f -> fields.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
                    changes.add(ScheduledChangeFields.change(fields));
                });
                EmployeeSchedule schedule = new EmployeeSchedule(s.path("employeeId").asText(), changes,
                        s.path("version").asLong());
                schedules.put(schedule.employeeId(), schedule);
            });
            restore(schedules);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("cannot read the local pending changes " + file,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    @Override
    protected void changed() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("schedules");
        schedules().values().stream().sorted(java.util.Comparator.comparing(EmployeeSchedule::employeeId))
                .forEach(s -> {
                    ObjectNode node = list.addObject().put("employeeId", s.employeeId()).put("version", s.version());
                    ArrayNode changes = node.putArray("changes");
                    s.changes().forEach(c -> {
                        ObjectNode change = changes.addObject();
                        ScheduledChangeFields.of(c).forEach(change::put);
                    });
                });
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".pending", ".tmp");
            JSON.writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the local pending changes " + file, e);
        }
    }
}
