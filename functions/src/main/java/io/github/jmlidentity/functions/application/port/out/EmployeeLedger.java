package io.github.jmlidentity.functions.application.port.out;

import io.github.jmlidentity.functions.domain.LedgerEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Per-employee idempotency and ordering state (DynamoDB when deployed), written with conditional writes only. */
public interface EmployeeLedger {

    Optional<LedgerEntry> find(String employeeId);

    /**
     * Writes {@code next} only if the stored entry's version still equals {@code expectedVersion}
     * (0 = no entry yet). Returns false when another writer got there first.
     */
    boolean put(LedgerEntry next, long expectedVersion);

    /**
     * Counts one leaver against the mass-deletion cap: true and recorded if fewer than {@code max} were
     * recorded in the window ending at {@code now}, false (nothing recorded) otherwise. Idempotent per HR event:
     * when {@code hrEventId} already holds a slot in the window (a retry of the same leaver), true without
     * taking another one.
     */
    boolean reserveLeaverSlot(String hrEventId, Instant now, Duration window, int max);

    /**
     * Every employee the ledger ties to a directory user (entries with a user id), read in pages: how a reconcile
     * recognises a managed user whose employeeNumber was removed or changed by hand.
     */
    void forEachLinkedUser(java.util.function.BiConsumer<String, String> employeeIdAndUserId);
}
