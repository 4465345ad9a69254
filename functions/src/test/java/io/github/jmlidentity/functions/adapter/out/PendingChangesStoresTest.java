package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.PendingChanges;
import io.github.jmlidentity.functions.domain.EmployeeSchedule;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.ScheduledChange;
import io.github.jmlidentity.functions.domain.ScheduledChange.State;
import io.github.jmlidentity.functions.support.Dynalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stores of scheduled changes, DynamoDB (dynalite, with the deployed due index) and the local file: the same
 * conditional writes, and "what is due by T" from the index, earliest first, page by page, holding only what is open.
 */
class PendingChangesStoresTest {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();
    private static final Instant T = Instant.parse("2026-07-01T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void dynamodb_a_schedule_round_trips_and_writes_are_conditional_on_its_version() {
        roundTripAndConditionalWrites(dynamo());
    }

    @Test
    void file_a_schedule_round_trips_across_runs_and_writes_are_conditional_on_its_version() {
        Path file = FilePendingChanges.besideLedger(dir.resolve("ledger.json"));
        assertThat(file.getFileName().toString()).isEqualTo("ledger.pending.json");
        EmployeeSchedule stored = roundTripAndConditionalWrites(new FilePendingChanges(file));
        assertThat(new FilePendingChanges(file).find("E1")).hasValue(stored);
    }

    @Test
    void dynamodb_the_due_index_is_a_query_earliest_first_paged_and_holds_only_open_changes() {
        dueIndex(dynamo());
    }

    @Test
    void in_memory_the_due_order_is_the_index_s() {
        dueIndex(new InMemoryPendingChanges());
    }

    @Test
    void dynamodb_an_item_without_an_open_change_carries_no_index_key() {
        EmployeeSchedule resolved = EmployeeSchedule.empty("E1").with(change("hr-1", T).finished(State.DONE,
                Outcome.APPLIED, T)).nextVersion();
        Map<String, AttributeValue> item = DynamoDbPendingChanges.toItem(resolved);
        assertThat(item).doesNotContainKeys("dueShard", "dueAtMillis");
        assertThat(item.get("employeeId").s()).isEqualTo("#schedule#E1");
        assertThat(DynamoDbPendingChanges.toItem(EmployeeSchedule.empty("E1").with(change("hr-2", T)).nextVersion()))
                .containsKeys("dueShard", "dueAtMillis");
    }

    private EmployeeSchedule roundTripAndConditionalWrites(PendingChanges store) {
        ScheduledChange change = change("hr-1", T);
        ScheduledChange followUp = ScheduledChange.deleteAfterSuspension(leave("hr-0", T), "jane.doe",
                T.plusSeconds(86_400), T);
        ScheduledChange tombstone = ScheduledChange.cancelledBeforeArrival("hr-9", "hr-c", T);
        EmployeeSchedule first = EmployeeSchedule.empty("E1").with(change).with(followUp).with(tombstone).nextVersion();

        assertThat(store.put(first, 0)).isTrue();
        assertThat(store.put(first, 0)).as("the item exists: a second first write loses").isFalse();
        assertThat(store.find("E1")).hasValue(first);
        assertThat(store.find("E2")).isEmpty();

        EmployeeSchedule next = first.with(change.withState(State.RUNNING)).nextVersion();
        assertThat(store.put(next, 0)).isFalse();
        assertThat(store.put(next, first.version())).isTrue();
        assertThat(store.put(next.nextVersion(), first.version())).as("stale version").isFalse();
        return next;
    }

    private void dueIndex(PendingChanges store) {
        // 130 employees, due one minute apart, in a shuffled order; and one with nothing open
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(3));
        for (int i : order) {
            store.put(EmployeeSchedule.empty("E" + i).with(change("hr-" + i, T.plusSeconds(60L * i))).nextVersion(), 0);
        }
        store.put(EmployeeSchedule.empty("E-done").with(change("hr-done", T).finished(State.DONE, Outcome.APPLIED, T))
                .nextVersion(), 0);

        List<PendingChanges.Due> firstPage = store.due(T.plusSeconds(60L * 119), null, 100);
        assertThat(firstPage).hasSize(100);
        assertThat(firstPage.get(0)).isEqualTo(new PendingChanges.Due("E0", T));
        assertThat(firstPage).extracting(PendingChanges.Due::dueAt).isSorted();
        List<PendingChanges.Due> secondPage = store.due(T.plusSeconds(60L * 119), firstPage.get(99), 100);
        assertThat(secondPage).extracting(PendingChanges.Due::employeeId).first().isEqualTo("E100");
        assertThat(secondPage).hasSize(20);
        assertThat(store.due(null, null, 1000)).hasSize(130).noneMatch(d -> d.employeeId().equals("E-done"));
        assertThat(store.due(T.minusSeconds(1), null, 10)).isEmpty();
    }

    private DynamoDbPendingChanges dynamo() {
        return new DynamoDbPendingChanges(DYNALITE.client(), DYNALITE.newLedgerTable());
    }

    private static ScheduledChange change(String hrEventId, Instant dueAt) {
        return ScheduledChange.pending(leave(hrEventId, dueAt), dueAt, "{\"detail\":{\"eventId\":\"" + hrEventId + "\"}}", T);
    }

    private static HrEvent leave(String hrEventId, Instant at) {
        return new HrEvent("env-" + hrEventId, hrEventId, EventKind.LEFT, "E1", at, null, "jane.doe", "Resignation");
    }
}
