package io.github.jmlidentity.functions.story;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Concurrently;
import io.github.jmlidentity.functions.support.FaultyDirectory;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #11 items 8 to 10: each HR event has exactly one final audit record, whatever the re-sends, retries, crashes
 * and ties; an HR event id reused for another payload is refused, naming both envelopes.
 */
class OneFinalRecordStoryTest extends StoryTest {

    @Test
    void an_event_id_reused_with_another_payload_is_rejected_naming_both_envelopes() {
        // GIVEN Jane's joiner hr-evt-0001 was applied
        StoryWorld world = newWorld();
        Audit joined = world.deliver("joiner.json");
        var before = world.state();

        // WHEN HR sends another payload (another title) under the same eventId, in a new envelope
        ObjectNode reused = Fixtures.eventJson("joiner.json");
        reused.put("id", "f00dfeed-0000-4000-8000-000000000001");
        ((ObjectNode) reused.get("detail")).put("title", "Principal Engineer");
        Audit audit = world.deliver("joiner", Fixtures.bytes(reused));

        // THEN it is REJECTED, EVENT_ID_REUSED, naming the first envelope and this one; nothing changes
        assertThat(audit.outcome()).isEqualTo("REJECTED");
        assertThat(audit.errorType()).isEqualTo("EVENT_ID_REUSED");
        assertThat(audit.reason()).contains(joined.json().path("eventId").asText(), "f00dfeed-0000-4000-8000-000000000001");
        assertThat(world.state()).isEqualTo(before);
        assertThat(world.failureQueue.messages()).extracting(m -> m.path("errorType").asText())
                .containsExactly("EVENT_ID_REUSED");
        // AND the same payload in a new envelope is a plain DUPLICATE
        ObjectNode resent = Fixtures.eventJson("joiner.json");
        resent.put("id", "f00dfeed-0000-4000-8000-000000000002").put("time", "2026-01-06T08:00:00Z");
        assertThat(world.deliver("joiner", Fixtures.bytes(resent)).outcome()).isEqualTo("DUPLICATE");
    }

    @Test
    void of_two_movers_at_the_same_effective_at_the_one_put_on_the_bus_later_wins_in_either_order() {
        // GIVEN a mover and its same-day correction: the correction was sent later, but its HR id sorts first
        byte[] first = mover("hr-evt-b", "Engineer", "2026-03-02T09:30:00Z", null);
        byte[] correction = mover("hr-evt-a", "Staff Engineer", "2026-03-02T11:00:00Z", null);

        for (List<byte[]> order : List.of(List.of(first, correction), List.of(correction, first))) {
            // WHEN they arrive in either order
            StoryWorld world = newWorld();
            world.deliver("joiner.json");
            order.forEach(m -> world.deliver("mover", m));

            // THEN the correction stands
            assertThat(world.state().user("jane.doe").title()).isEqualTo("Staff Engineer");
            IDENTITY_STORE.server().reset();
        }
    }

    @Test
    void an_hr_sequence_breaks_the_tie_before_the_envelope_time() {
        // GIVEN the correction carries the greater HR sequence, though its envelope went out first (e.g. a redrive
        // of the older event got a new time)
        byte[] older = mover("hr-evt-1", "Engineer", "2026-03-02T12:00:00Z", 1L);
        byte[] correction = mover("hr-evt-2", "Staff Engineer", "2026-03-02T10:00:00Z", 2L);

        for (List<byte[]> order : List.of(List.of(older, correction), List.of(correction, older))) {
            StoryWorld world = newWorld();
            world.deliver("joiner.json");
            List<Audit> audits = order.stream().map(m -> world.deliver("mover", m)).toList();

            // THEN the greater sequence wins; arriving second, the older one is STALE and its record says why
            assertThat(world.state().user("jane.doe").title()).isEqualTo("Staff Engineer");
            if (order.get(0) == correction) {
                assertThat(audits.get(1).outcome()).isEqualTo("STALE");
                assertThat(audits.get(1).reason()).contains("its HR sequence 2 is greater than 1");
            }
            IDENTITY_STORE.server().reset();
        }
    }

    @Test
    void an_invocation_that_dies_after_applying_and_before_its_record_has_the_record_written_by_its_retry() {
        // GIVEN Jane's joiner is applied, and its invocation dies before writing the audit line
        StoryWorld world = newWorld();
        world.killBeforeNextAuditLine();
        assertThatThrownBy(() -> world.deliver("joiner.json")).isInstanceOf(FaultyDirectory.InvocationKilled.class);
        assertThat(world.auditLines).isEmpty();
        assertThat(world.state().user("jane.doe")).isNotNull();

        // WHEN Lambda retries it once the dead invocation's lease has lapsed
        world.clock.advance(Duration.ofMinutes(3));
        Audit retry = world.deliver("joiner.json");

        // THEN the retry writes the event's one final record from the ledger: APPLIED, with what was done
        assertThat(retry.outcome()).isEqualTo("APPLIED");
        assertThat(retry.json().path("final").asBoolean()).isTrue();
        assertThat(retry.json().path("attempt").asInt()).isEqualTo(2);
        assertThat(retry.list("groupsAdded")).containsExactlyInAnyOrder("jml-all-staff", "jml-engineering",
                "jml-office-london");
        assertThat(retry.list("attributesChanged")).contains("userName");
        assertThat(retry.json().path("note").asText()).contains("re-emitted from the ledger");
        assertThat(world.server.stats().writeCalls()).as("nothing applied twice").isEqualTo(4);
        // AND a further delivery is a DUPLICATE, not final: the event has exactly one final record
        Audit again = world.deliver("joiner.json");
        assertThat(again.outcome()).isEqualTo("DUPLICATE");
        assertThat(again.json().path("final").asBoolean()).isFalse();
        assertThat(finalRecords(world, "hr-evt-0001")).isEqualTo(1);
    }

    @Test
    void a_retry_that_finds_its_event_stale_is_the_one_final_record_and_says_what_the_first_attempt_did() {
        // GIVEN the joiner created Jane and was throttled out on a membership
        StoryWorld world = newWorld();
        Audit failed = givenTheJoinerThrottledOutOnItsSecondMembership(world);
        // AND a mover dated later was applied before the joiner's retry
        world.deliver("mover.json");

        // WHEN Lambda retries the joiner, twice
        Audit retry = world.deliver("joiner.json");
        Audit again = world.deliver("joiner.json");

        // THEN the first retry is STALE and final, and says attempt 1 created the user; the next is a DUPLICATE
        assertThat(retry.outcome()).isEqualTo("STALE");
        assertThat(retry.json().path("final").asBoolean()).isTrue();
        assertThat(retry.json().path("attempt").asInt()).isEqualTo(2);
        assertThat(retry.json().path("userCreatedByAttempt").asInt()).isEqualTo(1);
        assertThat(retry.list("groupsAdded")).containsExactly("jml-all-staff");
        assertThat(again.outcome()).isEqualTo("DUPLICATE");
        assertThat(again.json().path("final").asBoolean()).isFalse();
        assertThat(finalRecords(world, "hr-evt-0001")).isEqualTo(1);
        assertThat(failed.json().path("final").asBoolean()).isFalse();
    }

    @Test
    void ten_concurrent_deliveries_of_one_event_give_exactly_one_final_record() throws Exception {
        StoryWorld world = newWorld();
        byte[] joiner = Fixtures.event("joiner.json");

        List<Audit> audits = Concurrently.run(10, Collections.nCopies(10, () -> world.deliver("joiner", joiner)));

        assertThat(audits).extracting(Audit::outcome).containsOnly("APPLIED", "DUPLICATE").containsOnlyOnce("APPLIED");
        assertThat(audits).filteredOn(a -> a.json().path("final").asBoolean()).hasSize(1);
        assertThat(finalRecords(world, "hr-evt-0001")).isEqualTo(1);
    }

    /** What an auditor's query counts: the final records of one HR event. */
    private static long finalRecords(StoryWorld world, String hrEventId) {
        return world.auditJson().stream().filter(r -> hrEventId.equals(r.path("hrEventId").asText()))
                .filter(r -> r.path("final").asBoolean()).count();
    }

    /** The sample mover with another HR event id, title and envelope time, and optionally an HR sequence. */
    private static byte[] mover(String hrEventId, String title, String time, Long sequence) {
        ObjectNode mover = Fixtures.eventJson("mover.json");
        mover.put("id", "env-" + hrEventId).put("time", time);
        ObjectNode detail = (ObjectNode) mover.get("detail");
        detail.put("eventId", hrEventId).put("title", title);
        if (sequence != null) {
            detail.put("sequence", sequence);
        }
        return Fixtures.bytes(mover);
    }
}
