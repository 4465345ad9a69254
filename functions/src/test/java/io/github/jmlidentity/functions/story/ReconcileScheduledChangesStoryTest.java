package io.github.jmlidentity.functions.story;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.application.port.in.ReconcileRequest;
import io.github.jmlidentity.functions.application.port.in.ReconcileResult;
import io.github.jmlidentity.functions.domain.reconcile.ReconcileAction;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reconcile beside effective dating: an employee with a scheduled change open is left to the schedule (PENDING),
 * so that a roster neither applies early, nor twice, nor undoes what HR dated; once the change is applied, the next
 * reconcile finds the employee OK.
 */
class ReconcileScheduledChangesStoryTest extends StoryTest {

    private static final Instant NOW = Instant.parse("2026-07-01T09:00:00Z");
    private static final Instant TRANSFER_DUE = Instant.parse("2026-07-15T17:00:00Z");
    private static final Instant LEAVE_DUE = Instant.parse("2026-07-31T17:00:00Z");

    @TempDir
    Path dir;

    @Test
    void an_employee_with_a_scheduled_change_is_left_to_the_schedule_and_reconciled_once_it_is_applied()
            throws IOException {
        // GIVEN Jane and Omar joined; HR entered Jane's transfer (due in two weeks) and Omar's leave (in a month)
        StoryWorld world = newWorld();
        world.clock.set(NOW);
        assertThat(world.deliverRouted(Fixtures.event("joiner.json")).outcome()).isEqualTo("APPLIED");
        assertThat(world.deliverRouted(Fixtures.event("demo/omar-joins.json")).outcome()).isEqualTo("APPLIED");
        assertThat(world.deliverRouted(Fixtures.eventWith("mover.json", Map.of("eventId", "hr-transfer",
                "effectiveAt", TRANSFER_DUE.toString()))).outcome()).isEqualTo("SCHEDULED");
        assertThat(world.deliverRouted(Fixtures.eventWith("demo/omar-resigns.json", Map.of("eventId", "hr-resign",
                "effectiveAt", LEAVE_DUE.toString()))).outcome()).isEqualTo("SCHEDULED");
        var janeBefore = world.state().user("jane.doe");
        var omarBefore = world.state().user("omar.haddad");
        world.auditLines.clear();

        // WHEN HR's roster, which already shows Jane after her transfer and no longer lists Omar, is applied now
        Path roster = rosterOfJaneAfterHerTransfer();
        ReconcileResult result = reconcile(world, roster);

        // THEN neither is changed: each is PENDING, naming the scheduled change it is left to; nothing written
        assertThat(line(result, "jane.doe").item().action()).isEqualTo(ReconcileAction.PENDING);
        assertThat(line(result, "jane.doe").item().reason())
                .contains("HR event hr-transfer (Employee Moved) due at " + TRANSFER_DUE, "not MOVE");
        assertThat(line(result, "omar.haddad").item().action()).isEqualTo(ReconcileAction.PENDING);
        assertThat(line(result, "omar.haddad").item().reason())
                .contains("HR event hr-resign (Employee Left) due at " + LEAVE_DUE, "not LEAVE");
        assertThat(result.lines()).allSatisfy(l -> assertThat(l.outcome()).isNull());
        assertThat(world.state().user("jane.doe")).isEqualTo(janeBefore);
        assertThat(world.state().user("omar.haddad")).isEqualTo(omarBefore);
        assertThat(world.auditLines).isEmpty();
        assertThat(world.scheduled.pending()).hasSize(2);

        // WHEN the transfer comes due, the scheduler applies it, once
        world.clock.set(TRANSFER_DUE.plus(Duration.ofMinutes(3)));
        List<Audit> applied = world.runDue();
        assertThat(applied).extracting(Audit::outcome).containsExactly("APPLIED");
        world.auditLines.clear();

        // THEN the same roster again finds Jane as the roster says (OK, nothing applied twice), Omar still PENDING
        ReconcileResult again = reconcile(world, roster);
        assertThat(line(again, "jane.doe").item().action()).isEqualTo(ReconcileAction.OK);
        assertThat(line(again, "omar.haddad").item().action()).isEqualTo(ReconcileAction.PENDING);
        assertThat(world.auditLines).isEmpty();

        // WHEN Omar's leave comes due, the scheduler deletes him; the roster is then all OK
        world.clock.set(LEAVE_DUE.plus(Duration.ofMinutes(3)));
        assertThat(world.runDue()).extracting(Audit::outcome).containsExactly("APPLIED");
        assertThat(world.state().user("omar.haddad")).isNull();
        world.auditLines.clear();
        ReconcileResult last = reconcile(world, roster);
        assertThat(last.lines()).filteredOn(l -> l.item().employeeId() != null)
                .allSatisfy(l -> assertThat(l.item().action()).isEqualTo(ReconcileAction.OK));
        assertThat(world.auditLines).isEmpty();
        assertThat(world.protectedUserUntouched()).isTrue();
    }

    @Test
    void a_roster_dated_later_than_now_is_refused_before_any_call() throws IOException {
        StoryWorld world = newWorld();
        world.clock.set(NOW);

        ReconcileResult result = world.reconciler.reconcile(ReconcileRequest.plan(rosterOfJaneAfterHerTransfer()
                .toString()).asOf(NOW.plus(Duration.ofDays(1))).applying(true));

        assertThat(result.rosterRefused()).isTrue();
        assertThat(result.rosterProblems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("asOf");
            assertThat(p.problem()).contains("later than now");
        });
        assertThat(world.server.stats().totalCalls()).isZero();
    }

    private ReconcileResult reconcile(StoryWorld world, Path roster) {
        return world.reconciler.reconcile(ReconcileRequest.plan(roster.toString()).asOf(world.clock.instant())
                .applying(true));
    }

    private static ReconcileResult.Line line(ReconcileResult result, String userName) {
        return result.lines().stream().filter(l -> userName.equals(l.item().userName())).findFirst().orElseThrow();
    }

    /** A JSON Lines roster: Jane as the transfer makes her (the mover's detail); Omar absent. */
    private Path rosterOfJaneAfterHerTransfer() throws IOException {
        ObjectNode jane = (ObjectNode) Fixtures.eventJson("mover.json").get("detail");
        Path roster = dir.resolve("hr.jsonl");
        Files.writeString(roster, jane.toString() + "\n");
        return roster;
    }
}
