package io.github.jmlidentity.functions.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ledger knows of one employee: the mapping to the directory user, the last applied event (the
 * ordering watermark) and a lease that keeps concurrent deliveries from applying at the same time.
 *
 * @param userId          the Identity Store user id, null when none exists (never provisioned, or deleted)
 * @param status          null until an event has been applied
 * @param lastEventId     HR event id of the event that holds the watermark (the latest applied)
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
 * @param lastEventTime   the envelope time of the event that holds the watermark (second tie-break), or null
 * @param lastSequence    the HR sequence of that event (first tie-break), or null
 * @param joinedAt        effectiveAt of the latest applied joiner: only a joiner later than a leave supersedes it
 * @param recentEvents    {@link RecentEvent}s, encoded, newest last: the payload fingerprint of each recent event
 * @param attemptLog      per recent HR event, how many deliveries took the lease and what failed ones did
 * @param unpublished     the final record of an applied event, until its audit line is written
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
        List<String> membershipsBefore,
        Instant lastEventTime,
        Long lastSequence,
        Instant joinedAt,
        List<String> recentEvents,
        AttemptLog attemptLog,
        FinalRecord unpublished) {

    /** How many recent event ids are kept: enough for redeliveries, small enough for one item. */
    public static final int RECENT_EVENT_IDS = 20;

    public LedgerEntry {
        Objects.requireNonNull(employeeId, "employeeId");
        recentEventIds = List.copyOf(recentEventIds);
        membershipsBefore = membershipsBefore == null ? List.of() : List.copyOf(membershipsBefore);
        recentEvents = recentEvents == null ? List.of() : List.copyOf(recentEvents);
        attemptLog = attemptLog == null ? AttemptLog.EMPTY : attemptLog;
    }

    /** An entry as stored before ordering ties, fingerprints, attempts and final records were kept. */
    public LedgerEntry(String employeeId, String userId, EmploymentStatus status, String lastEventId,
                       Instant lastEffectiveAt, Instant leftAt, List<String> recentEventIds, long version,
                       String lockOwner, Instant lockExpiresAt, EventKind lastEventKind, String leaveEventId,
                       List<String> membershipsBefore) {
        this(employeeId, userId, status, lastEventId, lastEffectiveAt, leftAt, recentEventIds, version, lockOwner,
                lockExpiresAt, lastEventKind, leaveEventId, membershipsBefore, null, null, null, List.of(),
                AttemptLog.EMPTY, null);
    }

    public static LedgerEntry empty(String employeeId) {
        return new LedgerEntry(employeeId, null, null, null, null, null, List.of(), 0, null, null, null, null, List.of());
    }

    public boolean isLockedAt(Instant now) {
        return lockOwner != null && lockExpiresAt != null && lockExpiresAt.isAfter(now);
    }

    /** The lease for a delivery of {@code owner}, counting it as one more attempt of that HR event. */
    public LedgerEntry locked(String owner, Instant until) {
        Next n = next();
        n.lockOwner = owner;
        n.lockExpiresAt = until;
        n.attemptLog = attemptLog.started(owner);
        return n.build();
    }

    public LedgerEntry unlocked() {
        Next n = next();
        n.lockOwner = null;
        n.lockExpiresAt = null;
        return n.build();
    }

    /** The lease released by a delivery that failed, keeping what it did for the event's final record. */
    public LedgerEntry releasedWith(AppliedChanges soFar) {
        Next n = next();
        n.attemptLog = lockOwner == null ? attemptLog : attemptLog.carrying(lockOwner, soFar);
        n.lockOwner = null;
        n.lockExpiresAt = null;
        return n.build();
    }

    /** The entry with the directory user an event has just created, lease kept. */
    public LedgerEntry withUserId(String newUserId) {
        Next n = next();
        n.userId = newUserId;
        return n.build();
    }

    /** What the deliveries of the leased event have done so far, lease kept. */
    public LedgerEntry withCarried(AppliedChanges soFar) {
        Next n = next();
        n.attemptLog = lockOwner == null ? attemptLog : attemptLog.carrying(lockOwner, soFar);
        return n.build();
    }

    /** The entry with the memberships a leaver found, written before it changes anything; lease kept. */
    public LedgerEntry withLeaveIntent(String hrEventId, String leaverUserId, List<String> groupNames) {
        Next n = next();
        n.userId = leaverUserId;
        n.leaveEventId = hrEventId;
        n.membershipsBefore = groupNames;
        return n.build();
    }

    /**
     * The entry after an event is applied: new watermark (only forward; the event that holds it gives the tie-break
     * values), the event among the recent ones, lease released.
     */
    public LedgerEntry applied(HrEvent event, String newUserId, EmploymentStatus newStatus) {
        Next n = next();
        boolean holdsWatermark = lastEffectiveAt == null || !event.effectiveAt().isBefore(lastEffectiveAt);
        if (holdsWatermark) {
            n.lastEventId = event.hrEventId();
            n.lastEffectiveAt = event.effectiveAt();
            n.lastEventKind = event.kind();
            n.lastEventTime = event.time();
            n.lastSequence = event.sequence();
        }
        n.userId = newUserId;
        n.status = newStatus;
        if (newStatus == EmploymentStatus.LEFT && (leftAt == null || status != EmploymentStatus.LEFT
                || event.effectiveAt().isAfter(leftAt))) {
            n.leftAt = event.effectiveAt();
        }
        if (event.kind() == EventKind.JOINED && (joinedAt == null || event.effectiveAt().isAfter(joinedAt))) {
            n.joinedAt = event.effectiveAt();
        }
        n.remember(event, Outcome.APPLIED);
        n.lockOwner = null;
        n.lockExpiresAt = null;
        n.leaveEventId = null;
        n.membershipsBefore = List.of();
        n.attemptLog = attemptLog.finished(event.hrEventId());
        return n.build();
    }

    /**
     * The applied entry holding {@code record} until its audit line is written, under the lease of {@code owner}
     * (so that a duplicate arriving meanwhile waits or is a plain DUPLICATE, and only a delivery that finds the lease
     * lapsed writes the record again). A record of another event still waiting is kept: it is the older one.
     */
    public LedgerEntry awaitingPublication(FinalRecord record, String owner, Instant until) {
        Next n = next();
        if (unpublished == null || unpublished.hrEventId().equals(record.hrEventId())) {
            n.unpublished = record;
        }
        n.lockOwner = owner;
        n.lockExpiresAt = until;
        return n.build();
    }

    /** The final record of {@code hrEventId} is written: forget it, and release the lease. */
    public LedgerEntry published(String hrEventId) {
        Next n = next();
        if (unpublished != null && unpublished.hrEventId().equals(hrEventId)) {
            n.unpublished = null;
        }
        if (hrEventId.equals(lockOwner)) {
            n.lockOwner = null;
            n.lockExpiresAt = null;
        }
        return n.build();
    }

    /** An event skipped without being applied (STALE), remembered so that its re-deliveries are DUPLICATEs. */
    public LedgerEntry handled(HrEvent event, Outcome outcome) {
        Next n = next();
        n.remember(event, outcome);
        n.attemptLog = attemptLog.finished(event.hrEventId());
        return n.build();
    }

    /** What the ledger remembers of a recent HR event, if anything. */
    public Optional<RecentEvent> recent(String hrEventId) {
        for (int i = recentEvents.size() - 1; i >= 0; i--) {
            Optional<RecentEvent> known = RecentEvent.decode(recentEvents.get(i));
            if (known.isPresent() && known.get().hrEventId().equals(hrEventId)) {
                return known;
            }
        }
        return Optional.empty();
    }

    /** How many deliveries of {@code hrEventId} took the lease so far. */
    public int attemptsOf(String hrEventId) {
        return attemptLog.attemptsOf(hrEventId);
    }

    /** What the failed deliveries of {@code hrEventId} did, for its final record. */
    public AppliedChanges carriedOf(String hrEventId) {
        return attemptLog.carriedOf(hrEventId);
    }

    /** The latest joiner's effectiveAt (entries written before it was kept: the last event's, if a joiner). */
    public Instant lastJoinedAt() {
        if (joinedAt != null) {
            return joinedAt;
        }
        return lastEventKind == EventKind.JOINED ? lastEffectiveAt : null;
    }

    private Next next() {
        return new Next(this);
    }

    /** The fields of the next version of an entry, changed one by one. */
    private static final class Next {
        private final String employeeId;
        private String userId;
        private EmploymentStatus status;
        private String lastEventId;
        private Instant lastEffectiveAt;
        private Instant leftAt;
        private List<String> recentEventIds;
        private final long version;
        private String lockOwner;
        private Instant lockExpiresAt;
        private EventKind lastEventKind;
        private String leaveEventId;
        private List<String> membershipsBefore;
        private Instant lastEventTime;
        private Long lastSequence;
        private Instant joinedAt;
        private List<String> recentEvents;
        private AttemptLog attemptLog;
        private FinalRecord unpublished;

        Next(LedgerEntry e) {
            employeeId = e.employeeId;
            userId = e.userId;
            status = e.status;
            lastEventId = e.lastEventId;
            lastEffectiveAt = e.lastEffectiveAt;
            leftAt = e.leftAt;
            recentEventIds = e.recentEventIds;
            version = e.version + 1;
            lockOwner = e.lockOwner;
            lockExpiresAt = e.lockExpiresAt;
            lastEventKind = e.lastEventKind;
            leaveEventId = e.leaveEventId;
            membershipsBefore = e.membershipsBefore;
            lastEventTime = e.lastEventTime;
            lastSequence = e.lastSequence;
            joinedAt = e.joinedAt;
            recentEvents = e.recentEvents;
            attemptLog = e.attemptLog;
            unpublished = e.unpublished;
        }

        void remember(HrEvent event, Outcome outcome) {
            List<String> ids = new ArrayList<>(recentEventIds);
            ids.remove(event.hrEventId());
            ids.add(event.hrEventId());
            while (ids.size() > RECENT_EVENT_IDS) {
                ids.remove(0);
            }
            recentEventIds = ids;
            List<String> events = new ArrayList<>();
            for (String line : recentEvents) {
                RecentEvent.decode(line).filter(r -> !r.hrEventId().equals(event.hrEventId()))
                        .filter(r -> ids.contains(r.hrEventId())).ifPresent(r -> events.add(line));
            }
            events.add(RecentEvent.of(event, outcome).encode());
            recentEvents = events;
        }

        LedgerEntry build() {
            return new LedgerEntry(employeeId, userId, status, lastEventId, lastEffectiveAt, leftAt, recentEventIds,
                    version, lockOwner, lockExpiresAt, lastEventKind, leaveEventId, membershipsBefore, lastEventTime,
                    lastSequence, joinedAt, recentEvents, attemptLog, unpublished);
        }
    }
}
