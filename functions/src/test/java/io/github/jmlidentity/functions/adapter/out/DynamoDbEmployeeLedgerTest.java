package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.domain.AppliedChanges;
import io.github.jmlidentity.functions.domain.AttemptLog;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.FinalRecord;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.EventKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.support.Dynalite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The DynamoDB ledger against dynalite: conditional writes are what the idempotency claims rest on. */
class DynamoDbEmployeeLedgerTest {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private DynamoDbEmployeeLedger ledger;
    private String table;

    @BeforeEach
    void freshTable() {
        table = DYNALITE.newLedgerTable();
        ledger = new DynamoDbEmployeeLedger(DYNALITE.client(), table);
    }

    @Test
    void an_entry_round_trips_with_every_field() {
        LedgerEntry entry = new LedgerEntry("E1", "u-1", EmploymentStatus.LEFT, "hr-2", T, T, List.of("hr-1", "hr-2"),
                1, "hr-3", T.plusSeconds(60), EventKind.LEFT, "hr-3", List.of("jml-all-staff", "jml-engineering"));

        assertThat(ledger.put(entry, 0)).isTrue();

        assertThat(ledger.find("E1")).contains(entry);
        assertThat(ledger.find("E2")).isEmpty();
    }

    @Test
    void an_entry_round_trips_with_the_ordering_fingerprint_attempt_and_final_record_fields() {
        AppliedChanges carried = new AppliedChanges(List.of("userName", "emails"), List.of("jml-all-staff", "a|b, c"),
                List.of(), false, List.of(), 1);
        FinalRecord unpublished = new FinalRecord("hr-4", "env-4", Outcome.APPLIED, "u-1", "jane.doe",
                new AppliedChanges(List.of("title"), List.of("jml-platform"), List.of("jml-engineering"), true,
                        List.of("jml-all-staff"), 2, List.of(new DirectAssignment("222222222222",
                        "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef"))), "a note", 3);
        LedgerEntry entry = new LedgerEntry("E1", "u-1", EmploymentStatus.ACTIVE, "hr-4", T, null, List.of("hr-4"),
                1, "hr-4", T.plusSeconds(60), EventKind.MOVED, null, List.of(), T.minusSeconds(5), 7L,
                T.minusSeconds(3600), List.of("hr-4 0123456789abcdef0123456789abcdef env-4 APPLIED"),
                AttemptLog.EMPTY.started("hr-5").carrying("hr-5", carried).started("hr-4"), unpublished);

        assertThat(ledger.put(entry, 0)).isTrue();

        LedgerEntry read = ledger.find("E1").orElseThrow();
        assertThat(read).isEqualTo(entry);
        assertThat(read.carriedOf("hr-5")).isEqualTo(carried);
        assertThat(read.attemptsOf("hr-4")).isEqualTo(1);
        assertThat(read.recent("hr-4").orElseThrow().envelopeId()).isEqualTo("env-4");
    }

    @Test
    void a_write_based_on_a_stale_version_loses() {
        LedgerEntry first = LedgerEntry.empty("E1").locked("hr-1", T);
        assertThat(ledger.put(first, 0)).isTrue();

        assertThat(ledger.put(LedgerEntry.empty("E1").locked("hr-2", T), 0)).as("second creator").isFalse();
        assertThat(ledger.put(first.unlocked(), 1)).isTrue();
        assertThat(ledger.put(first.unlocked(), 1)).as("same version twice").isFalse();
        assertThat(ledger.find("E1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void the_mass_deletion_guard_counts_a_rolling_hour() {
        assertThat(ledger.reserveLeaverSlot("l1", T, Duration.ofHours(1), 2)).isTrue();
        assertThat(ledger.reserveLeaverSlot("l2", T.plusSeconds(60), Duration.ofHours(1), 2)).isTrue();
        assertThat(ledger.reserveLeaverSlot("l3", T.plusSeconds(120), Duration.ofHours(1), 2)).isFalse();
        // An hour after the first leaver, its slot is free again.
        assertThat(ledger.reserveLeaverSlot("l3", T.plusSeconds(3601), Duration.ofHours(1), 2)).isTrue();
    }

    @Test
    void a_retried_leaver_keeps_its_slot_instead_of_taking_another() {
        assertThat(ledger.reserveLeaverSlot("l1", T, Duration.ofHours(1), 1)).isTrue();

        assertThat(ledger.reserveLeaverSlot("l1", T.plusSeconds(60), Duration.ofHours(1), 1)).as("retry of l1").isTrue();
        assertThat(ledger.reserveLeaverSlot("l2", T.plusSeconds(120), Duration.ofHours(1), 1)).as("another").isFalse();
    }

    @Test
    void slots_written_before_they_named_their_event_still_count() {
        DYNALITE.client().putItem(r -> r.tableName(table).item(java.util.Map.of(
                "employeeId", AttributeValue.fromS(DynamoDbEmployeeLedger.GUARD_KEY),
                "version", AttributeValue.fromN("1"),
                "slots", AttributeValue.fromL(List.of(AttributeValue.fromN(Long.toString(T.toEpochMilli())))))));

        assertThat(ledger.reserveLeaverSlot("l2", T.plusSeconds(60), Duration.ofHours(1), 1)).isFalse();
        assertThat(ledger.reserveLeaverSlot("l2", T.plusSeconds(60), Duration.ofHours(1), 2)).isTrue();
    }
}
