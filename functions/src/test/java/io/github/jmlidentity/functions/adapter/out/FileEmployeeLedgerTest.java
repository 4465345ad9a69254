package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.UnreadableLedgerException;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local ledger survives between `jml invoke` runs, is shared safely by concurrent ones, and is never silently
 * reset: a file that is not a ledger stops everything with the file and the field named.
 */
class FileEmployeeLedgerTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void entries_and_leaver_slots_are_saved_and_read_back() {
        Path file = dir.resolve("state/ledger.json");
        LedgerEntry entry = new LedgerEntry("E1", "u-1", EmploymentStatus.ACTIVE, "hr-1", T, null, List.of("hr-1"),
                1, "hr-2", T, EventKind.MOVED, "hr-2", List.of("jml-all-staff"));
        FileEmployeeLedger first = new FileEmployeeLedger(file);
        first.put(entry, 0);
        first.reserveLeaverSlot("hr-l1", T, Duration.ofHours(1), 1);

        FileEmployeeLedger second = new FileEmployeeLedger(file);

        assertThat(second.find("E1")).contains(entry);
        assertThat(second.reserveLeaverSlot("hr-l2", T.plusSeconds(5), Duration.ofHours(1), 1)).isFalse();
        assertThat(second.reserveLeaverSlot("hr-l1", T.plusSeconds(5), Duration.ofHours(1), 1))
                .as("a retry of the leaver that holds the slot").isTrue();
        assertThat(second.put(entry, 0)).isFalse();
    }

    @Test
    void a_write_is_conditional_on_the_file_as_it_is_now_not_as_this_process_first_read_it() {
        // GIVEN two runs opened the same ledger
        Path file = dir.resolve("ledger.json");
        FileEmployeeLedger first = new FileEmployeeLedger(file);
        FileEmployeeLedger second = new FileEmployeeLedger(file);

        // WHEN each records another employee, and then both race for a third
        assertThat(first.put(entry("E1", 1), 0)).isTrue();
        assertThat(second.put(entry("E2", 1), 0)).isTrue();
        boolean firstWon = first.put(entry("E3", 1), 0);
        boolean secondWon = second.put(entry("E3", 1), 0);

        // THEN nothing is lost and only one wins the conditional write
        FileEmployeeLedger reread = new FileEmployeeLedger(file);
        assertThat(reread.find("E1")).isPresent();
        assertThat(reread.find("E2")).isPresent();
        assertThat(List.of(firstWon, secondWon)).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void threads_writing_through_separate_ledgers_of_one_file_keep_every_entry() throws Exception {
        Path file = dir.resolve("ledger.json");
        int writers = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> writes = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String employee = "E" + i;
                writes.add(pool.submit(() -> {
                    FileEmployeeLedger ledger = new FileEmployeeLedger(file);
                    start.await();
                    return ledger.put(entry(employee, 1), 0);
                }));
            }
            start.countDown();
            for (Future<Boolean> write : writes) {
                assertThat(write.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        FileEmployeeLedger reread = new FileEmployeeLedger(file);
        for (int i = 0; i < writers; i++) {
            assertThat(reread.find("E" + i)).as("E" + i).isPresent();
        }
    }

    static List<Arguments> damaged_ledgers() {
        return List.of(
                Arguments.of("empty file", "", "the file is empty"),
                Arguments.of("blank file", "   \n  ", "the file is empty"),
                Arguments.of("truncated", "{\"employees\": [{\"employeeId\": \"E1\", \"status\": \"ACT", "not valid JSON at line 1"),
                Arguments.of("not an object", "[]", "must be a JSON object"),
                Arguments.of("no employees", "{\"leaverSlots\": []}", "employees: is required"),
                Arguments.of("employees not a list", "{\"employees\": {}}", "employees: must be a list"),
                Arguments.of("unknown status", "{\"employees\": [{\"employeeId\": \"E1\"}, {\"employeeId\": \"E2\", \"status\": \"ACTIV\"}]}", "employees[1].status: 'ACTIV' is not one of ACTIVE, LEFT"),
                Arguments.of("bad date", "{\"employees\": [{\"employeeId\": \"E1\", \"lastEffectiveAt\": \"yesterday\"}]}", "employees[0].lastEffectiveAt: 'yesterday' is not a UTC timestamp"),
                Arguments.of("unknown event kind", "{\"employees\": [{\"employeeId\": \"E1\", \"lastEventKind\": \"HIRED\"}]}", "employees[0].lastEventKind: 'HIRED' is not one of JOINED, MOVED, LEFT"),
                Arguments.of("version as text", "{\"employees\": [{\"employeeId\": \"E1\", \"version\": \"3\"}]}", "employees[0].version: must be a whole number, was text"),
                Arguments.of("negative version", "{\"employees\": [{\"employeeId\": \"E1\", \"version\": -1}]}", "employees[0].version: must not be negative"),
                Arguments.of("user id as a number", "{\"employees\": [{\"employeeId\": \"E1\", \"userId\": 7}]}", "employees[0].userId: must be text, was a number"),
                Arguments.of("event ids not text", "{\"employees\": [{\"employeeId\": \"E1\", \"recentEventIds\": [\"a\", true]}]}", "employees[0].recentEventIds[1]: must be text, was true"),
                Arguments.of("no employee id", "{\"employees\": [{\"userId\": \"u-1\"}]}", "employees[0].employeeId: is required"),
                Arguments.of("an employee twice", "{\"employees\": [{\"employeeId\": \"E1\"}, {\"employeeId\": \"E1\"}]}", "employees[1].employeeId: 'E1' appears twice"),
                Arguments.of("bad leaver slot", "{\"employees\": [], \"leaverSlots\": [{\"at\": \"noon\", \"hrEventId\": \"l1\"}]}", "leaverSlots[0].at: 'noon' is not a UTC timestamp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged_ledgers")
    void a_file_that_is_not_a_ledger_is_refused_naming_the_file_and_the_field_and_left_as_it_is(
            String what, String content, String problem) throws IOException {
        // GIVEN a ledger file that was damaged (or hand-edited)
        Path file = dir.resolve("ledger.json");
        byte[] before = content.getBytes(StandardCharsets.UTF_8);
        Files.write(file, before);

        // WHEN a run opens it
        // THEN it is refused, with the file and the field
        assertThatThrownBy(() -> new FileEmployeeLedger(file))
                .isInstanceOf(UnreadableLedgerException.class)
                .hasMessageStartingWith("ledger " + file + ": ")
                .hasMessageContaining(problem)
                .hasMessageNotContaining("\n");
        // AND the file is not reset
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private static LedgerEntry entry(String employeeId, long version) {
        return new LedgerEntry(employeeId, "u-" + employeeId, EmploymentStatus.ACTIVE, "hr-" + employeeId, T, null,
                List.of("hr-" + employeeId), version, null, null, EventKind.JOINED, null, List.of());
    }
}
