package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.EmployeeLedger;
import io.github.jmlidentity.functions.domain.LedgerEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The ledger in memory, with the same conditional-write semantics as the DynamoDB table. */
public class InMemoryEmployeeLedger implements EmployeeLedger {

    private final Map<String, LedgerEntry> entries = new TreeMap<>();
    private final Deque<LeaverSlot> leaverSlots = new ArrayDeque<>();

    /** One leaver counted against the mass-deletion cap: when, and which HR event took the slot. */
    public record LeaverSlot(Instant at, String hrEventId) {
    }

    @Override
    public synchronized Optional<LedgerEntry> find(String employeeId) {
        return Optional.ofNullable(entries.get(employeeId));
    }

    @Override
    public synchronized boolean put(LedgerEntry next, long expectedVersion) {
        LedgerEntry current = entries.get(next.employeeId());
        long currentVersion = current == null ? 0 : current.version();
        if (currentVersion != expectedVersion) {
            return false;
        }
        entries.put(next.employeeId(), next);
        changed();
        return true;
    }

    @Override
    public synchronized boolean reserveLeaverSlot(String hrEventId, Instant now, Duration window, int max) {
        while (!leaverSlots.isEmpty() && !leaverSlots.peekFirst().at().isAfter(now.minus(window))) {
            leaverSlots.removeFirst();
        }
        if (leaverSlots.stream().anyMatch(slot -> hrEventId.equals(slot.hrEventId()))) {
            return true;
        }
        if (leaverSlots.size() >= max) {
            return false;
        }
        leaverSlots.addLast(new LeaverSlot(now, hrEventId));
        changed();
        return true;
    }

    @Override
    public synchronized void forEachLinkedUser(java.util.function.BiConsumer<String, String> employeeIdAndUserId) {
        entries.values().stream().filter(e -> e.userId() != null)
                .forEach(e -> employeeIdAndUserId.accept(e.employeeId(), e.userId()));
    }

    /** Every entry, by employee id. */
    public synchronized Map<String, LedgerEntry> entries() {
        return Map.copyOf(entries);
    }

    protected synchronized Deque<LeaverSlot> leaverSlots() {
        return leaverSlots;
    }

    protected synchronized void restore(Map<String, LedgerEntry> restored, Iterable<LeaverSlot> slots) {
        entries.clear();
        entries.putAll(restored);
        leaverSlots.clear();
        slots.forEach(leaverSlots::addLast);
    }

    /** Called under the lock after every write; the file-backed ledger saves here. */
    protected void changed() {
    }
}
