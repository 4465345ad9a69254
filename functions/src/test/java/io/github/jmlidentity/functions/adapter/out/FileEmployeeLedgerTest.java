package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The local ledger survives between `jml invoke` runs: a second run sees the first one's events. */
class FileEmployeeLedgerTest {

    @Test
    void entries_and_leaver_slots_are_saved_and_read_back(@TempDir Path dir) {
        Path file = dir.resolve("state/ledger.json");
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        LedgerEntry entry = new LedgerEntry("E1", "u-1", EmploymentStatus.ACTIVE, "hr-1", t, null, List.of("hr-1"),
                1, "hr-2", t, EventKind.MOVED, "hr-2", List.of("jml-all-staff"));
        FileEmployeeLedger first = new FileEmployeeLedger(file);
        first.put(entry, 0);
        first.reserveLeaverSlot("hr-l1", t, Duration.ofHours(1), 1);

        FileEmployeeLedger second = new FileEmployeeLedger(file);

        assertThat(second.find("E1")).contains(entry);
        assertThat(second.reserveLeaverSlot("hr-l2", t.plusSeconds(5), Duration.ofHours(1), 1)).isFalse();
        assertThat(second.reserveLeaverSlot("hr-l1", t.plusSeconds(5), Duration.ofHours(1), 1))
                .as("a retry of the leaver that holds the slot").isTrue();
        assertThat(second.put(entry, 0)).isFalse();
    }
}
