package io.github.jmlidentity.functions.story;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.EffectiveDating;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import io.github.jmlidentity.identitystore.local.FaultSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * HR enters changes ahead of time; each happens at its effective time. Every story runs twice: against a healthy
 * Identity Store, and under the fault story's settings (20 % InternalServerException, a throttling quota, 100 ms
 * latency), where a delivery that fails retryably is redelivered as Lambda would, and the scheduler runs again.
 */
class EffectiveDatingStoryTest extends StoryTest {

    /** The fault story's settings (FaultToleranceStoryTest). */
    enum Faults {
        NONE(FaultSettings.none()),
        FAULT_STORY(FaultSettings.none().withInternalErrorRate(0.2).withTps(30).withLatencyMillis(100).withRandomSeed(42));

        final FaultSettings settings;

        Faults(FaultSettings settings) {
            this.settings = settings;
        }
    }

    private static final Instant NOW = Instant.parse("2026-07-01T09:00:00Z");
    private static final Instant IN_A_MONTH = Instant.parse("2026-07-31T17:00:00Z");
    private static final Instant IN_TWO_WEEKS = Instant.parse("2026-07-15T17:00:00Z");
    private static final int ROUNDS = 25;

    private StoryWorld world;

    @AfterEach
    void faultsOff() {
        IDENTITY_STORE.server().faults(FaultSettings.none());
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void a_future_leaver_is_scheduled_and_the_user_goes_only_when_it_is_due(Faults faults) {
        givenJaneJoined(faults);
        var before = world.state().user("jane.doe");

        // WHEN HR enters the resignation a month ahead
        Audit scheduled = deliver(leaver("hr-leave-1", IN_A_MONTH));

        // THEN it is SCHEDULED with its due time, and Jane is untouched
        assertThat(scheduled.outcome()).isEqualTo("SCHEDULED");
        assertThat(scheduled.json().path("dueAt").asText()).isEqualTo(IN_A_MONTH.toString());
        assertThat(scheduled.apiCalls()).isEmpty();
        assertThat(world.state().user("jane.doe")).isEqualTo(before);

        // WHEN the scheduler runs the day before: nothing is due
        assertThat(runDueAt(IN_A_MONTH.minus(Duration.ofDays(1)))).isEmpty();
        assertThat(world.state().user("jane.doe")).isEqualTo(before);

        // WHEN it runs after the due time: the leave is applied, as a live one would be
        world.clock.set(IN_A_MONTH.plus(Duration.ofMinutes(3)));
        List<Audit> applied = runDue();
        assertThat(applied).extracting(a -> a.json().path("hrEventId").asText()).containsExactly("hr-leave-1");
        assertThat(applied.get(0).outcome()).isEqualTo("APPLIED");
        assertThat(applied.get(0).json().path("userDeleted").asBoolean()).isTrue();
        assertThat(world.state().users()).doesNotContainKey("jane.doe");
        assertThat(world.scheduled.pending()).isEmpty();
        assertThat(runDue()).isEmpty();
        assertThat(world.protectedUserUntouched()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void under_suspend_then_delete_the_user_is_suspended_when_due_and_deleted_after_delete_after_days(Faults faults) {
        givenJaneJoined(suspendThenDelete(10), faults);

        deliverScheduled(leaver("hr-leave-1", IN_A_MONTH));

        // WHEN the leave comes due: managed groups removed, the user kept, its delete scheduled 10 days later
        world.clock.set(IN_A_MONTH.plus(Duration.ofMinutes(1)));
        List<Audit> suspended = runDue();
        assertThat(suspended).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("APPLIED");
            assertThat(a.json().path("userDeleted").asBoolean()).isFalse();
        });
        assertThat(world.state().user("jane.doe").groups()).isEmpty();
        assertThat(notices("SCHEDULED")).anySatisfy(n -> {
            assertThat(n.path("hrEventId").asText()).isEqualTo("hr-leave-1 delete");
            assertThat(n.path("dueAt").asText()).isEqualTo(IN_A_MONTH.plus(Duration.ofDays(10)).toString());
        });

        // WHEN the scheduler runs before deleteAfterDays: the suspended user stays
        assertThat(runDueAt(IN_A_MONTH.plus(Duration.ofDays(9)))).isEmpty();
        assertThat(world.state().users()).containsKey("jane.doe");

        // WHEN it runs after: the user is deleted
        world.clock.set(IN_A_MONTH.plus(Duration.ofDays(10)).plus(Duration.ofMinutes(4)));
        List<Audit> deleted = runDue();
        assertThat(deleted).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("APPLIED");
            assertThat(a.json().path("hrEventId").asText()).isEqualTo("hr-leave-1 delete");
            assertThat(a.json().path("userDeleted").asBoolean()).isTrue();
        });
        assertThat(world.state().users()).doesNotContainKey("jane.doe");
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void a_future_mover_then_an_earlier_dated_leaver_the_leaver_applies_and_the_mover_never_brings_her_back(Faults faults) {
        givenJaneJoined(faults);

        // GIVEN a transfer effective in a month
        deliverScheduled(mover("hr-move-1", IN_A_MONTH));

        // WHEN she leaves today: the pending mover is not the ordering watermark, so the leave applies
        Audit leave = deliver(leaver("hr-leave-now", NOW.minus(Duration.ofHours(1))));
        assertThat(leave.outcome()).isEqualTo("APPLIED");
        assertThat(world.state().users()).doesNotContainKey("jane.doe");

        // WHEN the transfer comes due: STALE, she stays gone
        assertThat(outcomeOfTheOneChangeDueAt(IN_A_MONTH.plus(Duration.ofMinutes(1)))).isEqualTo("STALE");
        assertThat(world.state().users()).doesNotContainKey("jane.doe");
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void an_event_effective_before_a_pending_one_still_applies_now(Faults faults) {
        givenJaneJoined(faults);
        deliverScheduled(leaver("hr-leave-1", IN_A_MONTH));

        // WHEN a promotion effective today arrives while the leave is pending
        Audit move = deliver(mover("hr-move-today", NOW.minus(Duration.ofMinutes(30))));

        // THEN it applies now, and the leave still applies when due
        assertThat(move.outcome()).isEqualTo("APPLIED");
        assertThat(world.state().user("jane.doe").title()).isEqualTo("Site Reliability Engineer");
        assertThat(outcomeOfTheOneChangeDueAt(IN_A_MONTH.plus(Duration.ofMinutes(1)))).isEqualTo("APPLIED");
        assertThat(world.state().users()).doesNotContainKey("jane.doe");
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void a_mover_dated_year_9999_is_rejected_naming_the_field_and_changes_nothing(Faults faults) {
        givenJaneJoined(faults);
        var before = world.state();

        Audit rejected = deliver(mover("hr-move-typo", Instant.parse("9999-03-02T09:30:00Z")));

        assertThat(rejected.outcome()).isEqualTo("REJECTED");
        assertThat(rejected.errorType()).isEqualTo("INVALID_EVENT");
        assertThat(rejected.reason()).startsWith("detail.effectiveAt: '9999-03-02T09:30:00Z' is ")
                .contains("beyond the horizon of 400 days (horizonDays");
        assertThat(world.state()).isEqualTo(before);
        assertThat(world.scheduled.pending()).isEmpty();
        assertThat(world.failureQueue.messages()).hasSize(1);

        // and it is no watermark: a leaver after it still applies
        assertThat(deliver(leaver("hr-leave-now", NOW)).outcome()).isEqualTo("APPLIED");
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void a_new_leave_date_reschedules_the_pending_leave_earlier_or_later(Faults faults) {
        givenJaneJoined(faults);
        deliverScheduled(leaver("hr-leave-31st", IN_A_MONTH));

        // WHEN HR moves the last day earlier, to the 15th
        Audit earlier = deliver(leaver("hr-leave-15th", IN_TWO_WEEKS));

        // THEN the new date replaces the pending one
        assertThat(earlier.outcome()).isEqualTo("SCHEDULED");
        assertThat(earlier.list("pendingCancelled")).containsExactly("hr-leave-31st");
        assertThat(notices("CANCELLED")).anySatisfy(n -> {
            assertThat(n.path("hrEventId").asText()).isEqualTo("hr-leave-31st");
            assertThat(n.path("reason").asText()).contains("replaced by HR event hr-leave-15th");
        });
        assertThat(world.scheduled.pending()).singleElement()
                .satisfies(p -> assertThat(p.change().hrEventId()).isEqualTo("hr-leave-15th"));

        // WHEN HR moves it later again, to the 31st (a new event)
        deliverScheduled(leaver("hr-leave-31st-again", IN_A_MONTH));

        // THEN on the 15th nothing happens, on the 31st she leaves
        assertThat(runDueAt(IN_TWO_WEEKS.plus(Duration.ofMinutes(1)))).isEmpty();
        assertThat(world.state().users()).containsKey("jane.doe");
        assertThat(runDueAt(IN_A_MONTH.plus(Duration.ofMinutes(1)))).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("APPLIED");
            assertThat(a.json().path("hrEventId").asText()).isEqualTo("hr-leave-31st-again");
        });
        assertThat(world.state().users()).doesNotContainKey("jane.doe");
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void a_reschedule_delivered_before_the_date_it_corrects_still_wins(Faults faults) {
        givenJaneJoined(faults);
        Instant firstSent = NOW.minus(Duration.ofHours(2));
        Instant correctionSent = NOW.minus(Duration.ofHours(1));

        // GIVEN EventBridge delivers HR's correction (last day the 15th, put on the bus second) first
        deliverScheduled(leaverSentAt("hr-leave-15th", IN_TWO_WEEKS, correctionSent));

        // WHEN the original resignation (the 31st, put on the bus first) arrives late
        Audit late = deliver(leaverSentAt("hr-leave-31st", IN_A_MONTH, firstSent));

        // THEN it is STALE: the pending correction is HR's later word, and stays
        assertThat(late.outcome()).isEqualTo("STALE");
        assertThat(late.reason()).contains("hr-leave-15th").contains("is pending and HR's later word");
        assertThat(world.scheduled.pending()).singleElement()
                .satisfies(p -> assertThat(p.change().hrEventId()).isEqualTo("hr-leave-15th"));
        assertThat(deliver(leaverSentAt("hr-leave-31st", IN_A_MONTH, firstSent)).outcome()).isEqualTo("DUPLICATE");
        assertThat(outcomeOfTheOneChangeDueAt(IN_TWO_WEEKS.plus(Duration.ofMinutes(1)))).isEqualTo("APPLIED");
        assertThat(world.state().users()).doesNotContainKey("jane.doe");
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void a_cancellation_withdraws_the_pending_resignation(Faults faults) {
        givenJaneJoined(faults);
        var before = world.state().user("jane.doe");
        deliverScheduled(leaver("hr-evt-0003", IN_A_MONTH));

        // WHEN HR withdraws the resignation (events/change-cancelled.json)
        Audit cancel = deliver(Fixtures.event("change-cancelled.json"));

        // THEN the pending leave is cancelled, and it stays cancelled when its date comes
        assertThat(cancel.outcome()).isEqualTo("APPLIED");
        assertThat(cancel.json().path("detailType").asText()).isEqualTo("Employee Change Cancelled");
        assertThat(cancel.list("pendingCancelled")).containsExactly("hr-evt-0003");
        assertThat(cancel.apiCalls()).isEmpty();
        assertThat(notices("CANCELLED")).anySatisfy(n -> {
            assertThat(n.path("hrEventId").asText()).isEqualTo("hr-evt-0003");
            assertThat(n.path("reason").asText()).contains("cancelled by HR event hr-evt-0005: Resignation withdrawn");
        });
        assertThat(world.scheduled.pending()).isEmpty();
        assertThat(runDueAt(IN_A_MONTH.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(world.state().user("jane.doe")).isEqualTo(before);

        // and redeliveries change nothing: the cancellation and the cancelled leave are DUPLICATE
        assertThat(deliver(Fixtures.event("change-cancelled.json")).outcome()).isEqualTo("DUPLICATE");
        assertThat(deliver(leaver("hr-evt-0003", IN_A_MONTH)).outcome()).isEqualTo("DUPLICATE");
        assertThat(world.state().user("jane.doe")).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void cancelling_an_applied_or_unknown_change_is_no_change_with_a_reason(Faults faults) {
        givenJaneJoined(faults);

        // an applied (live) change
        Audit applied = deliver(cancellation("hr-cancel-1", "hr-evt-0001"));
        assertThat(applied.outcome()).isEqualTo("NO_CHANGE");
        assertThat(applied.reason()).contains("hr-evt-0001 was already applied");

        // a scheduled change applied when due
        deliverScheduled(mover("hr-move-1", IN_TWO_WEEKS));
        assertThat(outcomeOfTheOneChangeDueAt(IN_TWO_WEEKS.plus(Duration.ofMinutes(1)))).isEqualTo("APPLIED");
        Audit late = deliver(cancellation("hr-cancel-2", "hr-move-1"));
        assertThat(late.outcome()).isEqualTo("NO_CHANGE");
        assertThat(late.reason()).contains("hr-move-1 was already applied when due");

        // an unknown one: nothing to cancel, and if it arrives later it is not applied
        Audit unknown = deliver(cancellation("hr-cancel-3", "hr-leave-not-yet-sent"));
        assertThat(unknown.outcome()).isEqualTo("NO_CHANGE");
        assertThat(unknown.reason()).contains("no pending change with HR event id hr-leave-not-yet-sent");
        Audit arrivesLate = deliver(leaver("hr-leave-not-yet-sent", IN_A_MONTH));
        assertThat(arrivesLate.outcome()).isEqualTo("NO_CHANGE");
        assertThat(arrivesLate.reason()).contains("cancelled by HR event hr-cancel-3 before it arrived");
        assertThat(runDueAt(IN_A_MONTH.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(world.state().users()).containsKey("jane.doe");
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void with_a_pre_hire_lead_a_joiner_is_provisioned_that_many_days_before_the_start(Faults faults) {
        world = newWorld(StoryWorld.SHIPPED_RULES.withEffectiveDating(new EffectiveDating(400, 3, 30)), faults);
        world.clock.set(NOW);
        Instant start = NOW.plus(Duration.ofDays(10));

        Audit joiner = deliver(Fixtures.eventWith("joiner.json", Map.of("effectiveAt", start.toString())));

        assertThat(joiner.outcome()).isEqualTo("SCHEDULED");
        assertThat(joiner.json().path("dueAt").asText()).isEqualTo(start.minus(Duration.ofDays(3)).toString());
        assertThat(runDueAt(start.minus(Duration.ofDays(4)))).isEmpty();
        assertThat(world.state().users()).doesNotContainKey("jane.doe");
        assertThat(outcomeOfTheOneChangeDueAt(start.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)))).isEqualTo("APPLIED");
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void a_rehire_cancels_the_pending_delete_of_a_suspended_user_and_gives_the_same_user_back_its_access(Faults faults) {
        givenJaneJoined(suspendThenDelete(30), faults);
        String userId = world.state().users().containsKey("jane.doe") ? userIdOf("jane.doe") : null;

        // GIVEN she left today: suspended, delete pending in 30 days
        assertThat(deliver(leaver("hr-leave-1", NOW)).outcome()).isEqualTo("APPLIED");
        assertThat(world.state().user("jane.doe").groups()).isEmpty();
        assertThat(world.scheduled.pending()).singleElement()
                .satisfies(p -> assertThat(p.change().hrEventId()).isEqualTo("hr-leave-1 delete"));

        // WHEN she is rehired ten days later
        world.clock.set(NOW.plus(Duration.ofDays(10)));
        Audit rehire = deliver(Fixtures.eventWith("rehire.json",
                Map.of("effectiveAt", NOW.plus(Duration.ofDays(10)).toString())));

        // THEN the same user gets the rehire's groups, and the delete is cancelled
        assertThat(rehire.outcome()).isEqualTo("APPLIED");
        assertThat(rehire.list("pendingCancelled")).containsExactly("hr-leave-1 delete");
        assertThat(userIdOf("jane.doe")).isEqualTo(userId);
        assertThat(world.state().user("jane.doe").groups())
                .containsExactly("jml-all-staff", "jml-contractors", "jml-finance");
        assertThat(runDueAt(NOW.plus(Duration.ofDays(31)))).isEmpty();
        assertThat(world.state().users()).containsKey("jane.doe");
    }

    @ParameterizedTest
    @EnumSource(Faults.class)
    void duplicates_of_a_scheduled_event_stay_duplicate_before_and_after_it_is_applied(Faults faults) {
        givenJaneJoined(faults);
        byte[] leave = leaver("hr-leave-1", IN_A_MONTH);

        deliverScheduled(leave);
        Audit again = deliver(leave);
        assertThat(again.outcome()).isEqualTo("DUPLICATE");
        assertThat(again.reason()).contains("already scheduled, due at " + IN_A_MONTH);
        assertThat(world.scheduled.pending()).hasSize(1);
        // the same HR event id with another payload is no duplicate: refused, as the ledger refuses it
        Audit reused = deliver(leaver("hr-leave-1", IN_TWO_WEEKS));
        assertThat(reused.outcome()).isEqualTo("REJECTED");
        assertThat(reused.errorType()).isEqualTo("EVENT_ID_REUSED");
        assertThat(world.scheduled.pending()).singleElement()
                .satisfies(p -> assertThat(p.change().dueAt()).isEqualTo(IN_A_MONTH));

        // a redelivery once due applies it (the scheduler then has nothing left); later ones are DUPLICATE
        world.clock.set(IN_A_MONTH.plus(Duration.ofMinutes(1)));
        assertThat(deliver(leave).outcome()).isEqualTo("APPLIED");
        assertThat(runDue()).isEmpty();
        assertThat(deliver(leave).outcome()).isEqualTo("DUPLICATE");
        assertThat(world.state().users()).doesNotContainKey("jane.doe");
        assertThat(world.auditJson().stream().filter(a -> a.path("hrEventId").asText().equals("hr-leave-1"))
                .map(a -> a.path("outcome").asText()).toList())
                .containsExactly("SCHEDULED", "DUPLICATE", "REJECTED", "APPLIED", "DUPLICATE");
    }

    // --- the story's world and events

    private void givenJaneJoined(Faults faults) {
        givenJaneJoined(StoryWorld.SHIPPED_RULES, faults);
    }

    private void givenJaneJoined(AccessRules rules, Faults faults) {
        world = newWorld(rules, faults);
        world.clock.set(NOW);
        assertThat(deliver(Fixtures.event("joiner.json")).outcome()).isEqualTo("APPLIED");
    }

    private StoryWorld newWorld(AccessRules rules, Faults faults) {
        StoryWorld w = new StoryWorld(IDENTITY_STORE.server(), DYNALITE, rules, false);
        w.server.faults(faults.settings);
        return w;
    }

    private static AccessRules suspendThenDelete(int deleteAfterDays) {
        return StoryWorld.SHIPPED_RULES.withLeaverPolicy(LeaverPolicy.SUSPEND_THEN_DELETE)
                .withEffectiveDating(new EffectiveDating(400, 0, deleteAfterDays));
    }

    /** Delivered as EventBridge and Lambda would: a delivery that fails retryably is delivered again. */
    private Audit deliver(byte[] envelope) {
        for (int round = 0; round < ROUNDS; round++) {
            Audit audit = world.deliverRouted(envelope);
            if (!audit.threw()) {
                return audit;
            }
            assertThat(audit.retryable()).as(audit.toString()).isTrue();
        }
        return fail("still failing after " + ROUNDS + " deliveries");
    }

    /** An event effective later than now: it is SCHEDULED, not applied. */
    private void deliverScheduled(byte[] envelope) {
        assertThat(deliver(envelope).outcome()).isEqualTo("SCHEDULED");
    }

    /** The scheduler with the clock set to {@code now}. */
    private List<Audit> runDueAt(Instant now) {
        world.clock.set(now);
        return runDue();
    }

    /** The scheduler with the clock set to {@code now}, finding exactly one change due: its outcome. */
    private String outcomeOfTheOneChangeDueAt(Instant now) {
        List<Audit> results = runDueAt(now);
        assertThat(results).hasSize(1);
        return results.get(0).outcome();
    }

    /** The scheduler, run again while a change failed retryably: the last result of each change. */
    private List<Audit> runDue() {
        Map<String, Audit> last = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<Audit> results = world.runDue();
            results.forEach(a -> last.put(a.json().path("hrEventId").asText(), a));
            if (results.stream().noneMatch(Audit::threw)) {
                return new ArrayList<>(last.values());
            }
        }
        return fail("changes still failing after " + ROUNDS + " scheduler runs");
    }

    private List<JsonNode> notices(String outcome) {
        return world.auditJson().stream().filter(a -> a.path("outcome").asText().equals(outcome)).toList();
    }

    private String userIdOf(String userName) {
        String storeId = world.server.identityStoreId();
        return world.client.getUserId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(u -> u
                .attributePath("userName").attributeValue(software.amazon.awssdk.core.document.Document
                        .fromString(userName))))).userId();
    }

    private static byte[] leaver(String hrEventId, Instant effectiveAt) {
        return Fixtures.eventWith("leaver.json", Map.of("eventId", hrEventId, "effectiveAt", effectiveAt.toString()));
    }

    /** A leaver put on the bus at {@code sent} (the envelope's time). */
    private static byte[] leaverSentAt(String hrEventId, Instant effectiveAt, Instant sent) {
        com.fasterxml.jackson.databind.node.ObjectNode root = Fixtures.eventJson("leaver.json");
        root.put("id", "env-" + hrEventId).put("time", sent.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("detail")).put("eventId", hrEventId)
                .put("effectiveAt", effectiveAt.toString());
        return Fixtures.bytes(root);
    }

    private static byte[] mover(String hrEventId, Instant effectiveAt) {
        return Fixtures.eventWith("mover.json", Map.of("eventId", hrEventId, "effectiveAt", effectiveAt.toString()));
    }

    private static byte[] cancellation(String hrEventId, String cancels) {
        return Fixtures.eventWith("change-cancelled.json", Map.of("eventId", hrEventId, "cancelsEventId", cancels));
    }
}
