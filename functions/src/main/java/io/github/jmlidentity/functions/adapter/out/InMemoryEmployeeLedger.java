package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.EmployeeLedger;
import io.github.jmlidentity.functions.domain.LedgerEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/** The ledger in memory, with the same conditional-write semantics as the DynamoDB table. */
public class InMemoryEmployeeLedger extends InMemoryByEmployee<LedgerEntry> implements EmployeeLedger {

    private final Deque<LeaverSlot> leaverSlots = new ArrayDeque<>();

    /** One leaver counted against the mass-deletion cap: when, and which HR event took the slot. */
    public record LeaverSlot(Instant at, String hrEventId) {
    }

    public InMemoryEmployeeLedger() {
        super(LedgerEntry::employeeId, LedgerEntry::version);
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
        items().stream().filter(e -> e.userId() != null)
                .forEach(e -> employeeIdAndUserId.accept(e.employeeId(), e.userId()));
    }

    /** Every entry, by employee id. */
    public Map<String, LedgerEntry> entries() {
        return copy();
    }

    protected synchronized Deque<LeaverSlot> leaverSlots() {
        return leaverSlots;
    }

    protected synchronized void restore(Map<String, LedgerEntry> restored, Iterable<LeaverSlot> slots) {
        replaceAll(restored);
        leaverSlots.clear();
        slots.forEach(leaverSlots::addLast);
    }
}
