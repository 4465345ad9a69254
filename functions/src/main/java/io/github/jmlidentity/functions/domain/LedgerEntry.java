package io.github.jmlidentity.functions.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the ledger knows of one employee: the mapping to the directory user, the last applied event (the
 * ordering watermark) and a lease that keeps concurrent deliveries from applying at the same time.
 *
 * @param userId          the Identity Store user id, null when none exists (never provisioned, or deleted)
 * @param status          null until an event has been applied
 * @param lastEventId     HR event id of the last applied event
 * @param lastEffectiveAt effectiveAt of the last applied event
 * @param leftAt          effectiveAt of the recorded leave, when status is LEFT
 * @param recentEventIds  HR event ids recently applied (newest last), to recognise duplicates of older events
 * @param version         bumped by every write; writes are conditional on it
 * @param lockOwner       HR event id holding the lease, or null
 * @param lockExpiresAt   when the lease lapses (a crashed invocation does not block the employee forever)
 * @param lastEventKind   kind of the last applied event: breaks ties between events with the same effectiveAt
 * @param leaveEventId    HR event id of a leaver that recorded {@code membershipsBefore} and has not committed yet
 * @param membershipsBefore group names a leaver recorded before changing anything ("logged first"), so that a
 *                        retry after a crash between DeleteUser and the audit line can still report them
 */
public record LedgerEntry(
        String employeeId,
        String userId,
        EmploymentStatus status,
        String lastEventId,
        Instant lastEffectiveAt,
        Instant leftAt,
        List<String> recentEventIds,
        long version,
        String lockOwner,
        Instant lockExpiresAt,
        EventKind lastEventKind,
        String leaveEventId,
        List<String> membershipsBefore) {

    /** How many recent event ids are kept: enough for redeliveries, small enough for one item. */
    public static final int RECENT_EVENT_IDS = 20;

    public LedgerEntry {
        Objects.requireNonNull(employeeId, "employeeId");
        recentEventIds = List.copyOf(recentEventIds);
        membershipsBefore = membershipsBefore == null ? List.of() : List.copyOf(membershipsBefore);
    }

    public static LedgerEntry empty(String employeeId) {
        return new LedgerEntry(employeeId, null, null, null, null, null, List.of(), 0, null, null, null, null, List.of());
    }

    public boolean isLockedAt(Instant now) {
        return lockOwner != null && lockExpiresAt != null && lockExpiresAt.isAfter(now);
    }

    public LedgerEntry locked(String owner, Instant until) {
        return new LedgerEntry(employeeId, userId, status, lastEventId, lastEffectiveAt, leftAt, recentEventIds,
                version + 1, owner, until, lastEventKind, leaveEventId, membershipsBefore);
    }

    public LedgerEntry unlocked() {
        return new LedgerEntry(employeeId, userId, status, lastEventId, lastEffectiveAt, leftAt, recentEventIds,
                version + 1, null, null, lastEventKind, leaveEventId, membershipsBefore);
    }

    /** The entry with the directory user an event has just created, lease kept. */
    public LedgerEntry withUserId(String newUserId) {
        return new LedgerEntry(employeeId, newUserId, status, lastEventId, lastEffectiveAt, leftAt, recentEventIds,
                version + 1, lockOwner, lockExpiresAt, lastEventKind, leaveEventId, membershipsBefore);
    }

    /** The entry with the memberships a leaver found, written before it changes anything; lease kept. */
    public LedgerEntry withLeaveIntent(String hrEventId, String leaverUserId, List<String> groupNames) {
        return new LedgerEntry(employeeId, leaverUserId, status, lastEventId, lastEffectiveAt, leftAt, recentEventIds,
                version + 1, lockOwner, lockExpiresAt, lastEventKind, hrEventId, groupNames);
    }

    /** The entry after an event is applied: new watermark, lease released. */
    public LedgerEntry applied(HrEvent event, String newUserId, EmploymentStatus newStatus) {
        List<String> recent = new ArrayList<>(recentEventIds);
        recent.remove(event.hrEventId());
        recent.add(event.hrEventId());
        while (recent.size() > RECENT_EVENT_IDS) {
            recent.remove(0);
        }
        Instant watermark = lastEffectiveAt == null || event.effectiveAt().isAfter(lastEffectiveAt)
                ? event.effectiveAt() : lastEffectiveAt;
        Instant newLeftAt = newStatus == EmploymentStatus.LEFT ? event.effectiveAt() : leftAt;
        EventKind kind = lastEffectiveAt == null || !event.effectiveAt().isBefore(lastEffectiveAt)
                ? event.kind() : lastEventKind;
        return new LedgerEntry(employeeId, newUserId, newStatus, event.hrEventId(), watermark, newLeftAt, recent,
                version + 1, null, null, kind, null, List.of());
    }
}
