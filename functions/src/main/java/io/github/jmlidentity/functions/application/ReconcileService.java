package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.audit.Changes;
import io.github.jmlidentity.functions.application.audit.Cost;
import io.github.jmlidentity.functions.application.audit.EventIdentity;
import io.github.jmlidentity.functions.application.audit.UserRef;
import io.github.jmlidentity.functions.application.audit.Verdict;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.HrEventResult;
import io.github.jmlidentity.functions.application.port.in.ReconcileRequest;
import io.github.jmlidentity.functions.application.port.in.ReconcileResult;
import io.github.jmlidentity.functions.application.port.in.ReconcileRoster;
import io.github.jmlidentity.functions.application.port.out.ApiCallLog;
import io.github.jmlidentity.functions.application.port.out.AuditLog;
import io.github.jmlidentity.functions.application.port.out.DirectoryListing;
import io.github.jmlidentity.functions.application.port.out.EnvelopeParser;
import io.github.jmlidentity.functions.application.port.out.ErrorLog;
import io.github.jmlidentity.functions.application.port.out.PendingChanges;
import io.github.jmlidentity.functions.application.port.out.RosterParser;
import io.github.jmlidentity.functions.application.port.out.RosterSource;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.AttributeChange;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.EffectiveDating;
import io.github.jmlidentity.functions.domain.EmployeeSchedule;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.OrderingPolicy;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.ScheduledChange;
import io.github.jmlidentity.functions.domain.UserAttribute;
import io.github.jmlidentity.functions.domain.reconcile.DirectoryGroup;
import io.github.jmlidentity.functions.domain.reconcile.DirectorySnapshot;
import io.github.jmlidentity.functions.domain.reconcile.InvalidRosterException;
import io.github.jmlidentity.functions.domain.reconcile.LedgerLinks;
import io.github.jmlidentity.functions.domain.reconcile.PlanItem;
import io.github.jmlidentity.functions.domain.reconcile.ReconcileAction;
import io.github.jmlidentity.functions.domain.reconcile.ReconcilePlan;
import io.github.jmlidentity.functions.domain.reconcile.Roster;
import io.github.jmlidentity.functions.domain.reconcile.RosterProblem;
import io.github.jmlidentity.functions.domain.reconcile.RosterReconciler;
import io.github.jmlidentity.identitycenter.DirectoryFailure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reconcile use case: read and validate the roster, read the directory in one paged pass (users with the
 * enterprise extension, groups, members of the managed groups) and the ledger's links, plan with
 * {@link RosterReconciler}, mark as STALE what the ledger already holds a later event for, as PENDING a change for an
 * employee with a scheduled change open (effective dating: left to the schedule), and, when asked, apply:
 * ADOPT (one UpdateUser setting employeeNumber, a ledger link, an audit record, then the row's MOVE), then MOVE, JOIN
 * and LEAVE as HR events ({@link ReconcileEvents}) through the same {@link EventPipeline} as the functions' events:
 * ledger ordering, duplicates, leases, the mass-deletion guard, pacing and one audit record each (source reconcile).
 *
 * <p>Nothing destructive while in doubt: when the plan has a CONFLICT, or more LEAVE items than the cap
 * (--max-leavers, default the rules' massDeletionGuard.maxLeaversPerHour), no LEAVE is applied, and the result says
 * why; the rest is applied.
 */
public record ReconcileService(LifecycleSettings settings, EnvelopeParser envelopes, RosterSource rosters,
                               RosterParser rosterParser, DirectoryListing listing, PendingChanges pendingChanges,
                               AuditLog auditLog, ApiCallLog apiCalls, ErrorLog errorLog) implements ReconcileRoster {

    private static final int PROGRESS_USERS = 10_000;
    private static final int PROGRESS_CHANGES = 100;
    private static final int DUE_PAGE = 1000;

    @Override
    public ReconcileResult reconcile(ReconcileRequest request) {
        Consumer<String> progress = request.progress();
        long reading = System.nanoTime();
        Roster roster;
        try {
            roster = rosterParser.parse(rosters.read(request.roster()));
        } catch (RosterSource.RosterUnavailableException unreadable) {
            return ReconcileResult.refused(request.roster(), request.asOf(),
                    List.of(new RosterProblem(0, "roster", unreadable.getMessage())));
        } catch (InvalidRosterException invalid) {
            return ReconcileResult.refused(request.roster(), request.asOf(), invalid.problems());
        }
        Instant asOf = request.asOf() != null ? request.asOf()
                : roster.takenAt() != null ? roster.takenAt() : settings.clock().instant();
        if (!EffectiveDating.isDue(asOf, settings.clock().instant())) {
            // Its changes would be effective later: HR's scheduled events carry future changes, a snapshot does not.
            return ReconcileResult.refused(roster.name(), asOf, List.of(new RosterProblem(0, "asOf", "'" + asOf
                    + "' is later than now (" + settings.clock().instant() + "): a roster is a snapshot of what is"
                    + " true at a time that has come; date it when it was taken")));
        }
        progress.accept("reconcile: roster " + roster.name() + ": " + roster.employees().size()
                + " employees, as of " + asOf + " (read and checked in " + millisSince(reading) + " ms)");

        long started = System.nanoTime();
        DirectorySnapshot snapshot;
        Map<String, Long> planCalls;
        try (ApiCallLog.Recording calls = apiCalls.start(null)) {
            snapshot = snapshot(progress);
            planCalls = calls.calls();
        }
        progress.accept("reconcile: directory read in " + millisSince(started) + " ms");
        long planning = System.nanoTime();
        LedgerLinks links = new LedgerLinks();
        settings.ledger().forEachLinkedUser(links::link);
        ReconcilePlan plan = new RosterReconciler(settings.rules(), request.adoption()).plan(roster, snapshot, links);
        Set<String> scheduled = employeesWithScheduledChanges();
        List<PlanItem> items = new ArrayList<>();
        for (PlanItem item : plan.items()) {
            Optional<List<ScheduledChange>> open = item.employeeId() != null && scheduled.contains(item.employeeId())
                    ? Optional.of(pendingChanges.find(item.employeeId()).map(EmployeeSchedule::open).orElse(List.of()))
                            .filter(changes -> !changes.isEmpty())
                    : Optional.empty();
            if (open.isPresent()) {
                items.add(scheduled(item, open.get()));
            } else {
                items.add(item.action().changes() ? ordered(item, asOf) : item);
            }
        }
        long planMillis = millisSince(started);
        progress.accept("reconcile: plan " + summary(new ReconcilePlan(items)) + " (ledger and planning "
                + millisSince(planning) + " ms; " + planMillis + " ms with the directory)");

        boolean apply = request.apply() && !settings.dryRun();
        if (!apply) {
            List<ReconcileResult.Line> lines = items.stream().map(i -> new ReconcileResult.Line(i, null, null, 0)).toList();
            return new ReconcileResult(roster.name(), asOf, List.of(), lines, false, null, planCalls, planMillis);
        }
        long applyStarted = System.nanoTime();
        ReconcileResult applied = apply(roster.name(), asOf, items, request, planCalls, planMillis);
        return applied.withApplyMillis(millisSince(applyStarted));
    }

    private ReconcileResult apply(String rosterName, Instant asOf, List<PlanItem> items, ReconcileRequest request,
                                  Map<String, Long> planCalls, long planMillis) {
        AccessRules rules = settings.rules();
        int maxLeavers = request.maxLeavers() != null ? request.maxLeavers() : rules.maxLeaversPerHour();
        long leavers = items.stream().filter(i -> i.action() == ReconcileAction.LEAVE).count();
        long conflicts = items.stream().filter(i -> i.action() == ReconcileAction.CONFLICT).count();
        String withheld = null;
        if (leavers > maxLeavers) {
            withheld = leavers + " leavers is more than the cap of " + maxLeavers + " (--max-leavers, default the"
                    + " rules' massDeletionGuard.maxLeaversPerHour): no LEAVE was applied, no user was deleted;"
                    + " confirm the leavers with HR, then run again with --max-leavers " + leavers;
        } else if (leavers > 0 && conflicts > 0) {
            withheld = conflicts + " conflict(s) in the plan: no LEAVE was applied (nothing destructive while a"
                    + " conflict is open); resolve them and run again";
        }
        // An explicit cap above the rules' lets this reconcile's confirmed leavers past the hourly guard too.
        EventPipeline events = new EventPipeline(maxLeavers > rules.maxLeaversPerHour()
                ? settings.withMaxLeaversPerHour(maxLeavers) : settings, envelopes, auditLog, apiCalls, null, errorLog,
                pendingChanges);
        Map<PlanItem, ReconcileResult.Line> done = new HashMap<>();
        int changes = (int) items.stream().filter(i -> i.action().changes()).count();
        int applied = 0;
        for (ReconcileAction action : List.of(ReconcileAction.ADOPT, ReconcileAction.MOVE, ReconcileAction.JOIN,
                ReconcileAction.LEAVE)) {
            for (PlanItem item : items) {
                if (item.action() != action) {
                    continue;
                }
                ReconcileResult.Line line;
                if (action == ReconcileAction.LEAVE && withheld != null) {
                    line = new ReconcileResult.Line(item, null, "withheld: " + withheld, 0);
                } else if (action == ReconcileAction.ADOPT) {
                    line = adopt(item, asOf, events);
                } else {
                    link(item);
                    line = event(item, asOf, events);
                }
                done.put(item, line);
                if (++applied % PROGRESS_CHANGES == 0) {
                    request.progress().accept("reconcile: " + applied + " of " + changes + " changes done");
                }
            }
        }
        List<ReconcileResult.Line> lines = items.stream()
                .map(i -> done.getOrDefault(i, new ReconcileResult.Line(i, null, null, 0))).toList();
        return new ReconcileResult(rosterName, asOf, List.of(), lines, true, withheld, planCalls, planMillis);
    }

    /** A JOIN, MOVE or LEAVE as an HR event through the pipeline: its one audit record says what it came to. */
    private static ReconcileResult.Line event(PlanItem item, Instant asOf, EventPipeline events) {
        HrEventResult result = events.process(HrEventRequest.event(ReconcileEvents.of(item, asOf))
                .from(HrEventRequest.RECONCILE));
        AuditRecord audit = result.audit();
        return new ReconcileResult.Line(item, audit.outcome(), audit.isFailure() ? audit.verdict().errorType() + ": "
                + audit.verdict().reason() : audit.verdict().reason(), calls(audit.cost()));
    }

    /**
     * Sets the employeeNumber (one UpdateUser), links the user in the ledger and writes the adoption's audit record,
     * then applies the row's MOVE. The user is named by employeeNumber before the ledger write, so that a failure in
     * between leaves a user the next reconcile finds by employeeNumber.
     */
    private ReconcileResult.Line adopt(PlanItem item, Instant asOf, EventPipeline events) {
        String id = ReconcileEvents.eventId(asOf, item.employeeId()) + ":adopt";
        EventIdentity identity = new EventIdentity(id, id, ReconcileEvents.ADOPTED, item.employeeId(), item.userName(),
                asOf);
        long startedNanos = System.nanoTime();
        AuditRecord record;
        try (ApiCallLog.Recording calls = apiCalls.start(null)) {
            Verdict verdict = Verdict.NONE.withNote("adopted directory user " + item.userId() + " ('" + item.userName()
                    + "'): " + item.reason());
            Outcome outcome = Outcome.APPLIED;
            List<String> changed = List.of();
            try {
                LedgerEntry entry = settings.ledger().find(item.employeeId())
                        .orElse(LedgerEntry.empty(item.employeeId()));
                if (entry.isLockedAt(settings.clock().instant())) {
                    throw new ConcurrentDeliveryException("employee " + item.employeeId()
                            + " is being changed by HR event " + entry.lockOwner());
                }
                settings.directory().updateUser(item.userId(),
                        List.of(new AttributeChange(UserAttribute.EMPLOYEE_NUMBER, item.employeeId())));
                changed = List.of(UserAttribute.EMPLOYEE_NUMBER.path());
                if (!settings.ledger().put(entry.withUserId(item.userId()), entry.version())) {
                    throw new ConcurrentDeliveryException("the ledger entry of employee " + item.employeeId()
                            + " changed while the user was adopted; the next reconcile finds it by employeeNumber");
                }
            } catch (ConcurrentDeliveryException e) {
                outcome = Outcome.FAILED;
                verdict = Verdict.failed(ConcurrentDeliveryException.ERROR_TYPE, e.getMessage(), true);
            } catch (DirectoryFailure e) {
                outcome = Outcome.FAILED;
                verdict = Verdict.failed(e.errorType(), e.getMessage(), e.isTransient());
            }
            Cost cost = new Cost(calls.calls(), calls.requestIds(), millisSince(startedNanos));
            record = new AuditRecord(settings.clock().instant(), identity, new UserRef(item.userName(), item.userId()),
                    settings.directory().identityStoreId(), outcome, false,
                    new Changes(changed, List.of(), List.of(), false, List.of()), cost, verdict,
                    io.github.jmlidentity.functions.application.audit.Delivery.FIRST, List.of(),
                    io.github.jmlidentity.functions.application.audit.Scheduling.NONE, HrEventRequest.RECONCILE);
        }
        auditLog.write(record);
        if (record.isFailure()) {
            return new ReconcileResult.Line(item, record.outcome(), record.verdict().errorType() + ": "
                    + record.verdict().reason(), calls(record.cost()));
        }
        ReconcileResult.Line move = event(item, asOf, events);
        Outcome outcome = move.failed() ? move.outcome() : Outcome.APPLIED;
        return new ReconcileResult.Line(item, outcome, move.error(), calls(record.cost()) + move.apiCalls());
    }

    /**
     * The ledger learns which user the plan found for the employee (by employeeNumber) when it did not know it, so
     * that the event finds the user by id, even one the roster renames. Only when no delivery holds the employee;
     * otherwise the event looks the user up as usual.
     */
    private void link(PlanItem item) {
        if (item.userId() == null) {
            return;
        }
        LedgerEntry entry = settings.ledger().find(item.employeeId()).orElse(LedgerEntry.empty(item.employeeId()));
        if (item.userId().equals(entry.userId()) || entry.isLockedAt(settings.clock().instant())) {
            return;
        }
        settings.ledger().put(entry.withUserId(item.userId()), entry.version());
    }

    /**
     * The employees with a scheduled change open: the due index holds exactly them, read in pages (a Query each,
     * no per-employee read); the schedules of those the plan names are then read one by one.
     */
    private Set<String> employeesWithScheduledChanges() {
        Set<String> employees = new HashSet<>();
        pendingChanges.forEachDue(null, DUE_PAGE, due -> {
            employees.add(due.employeeId());
            return true;
        });
        return employees;
    }

    /**
     * An employee with a scheduled change open: a change the plan would make is left to the schedule (PENDING), so
     * that the snapshot neither undoes what HR dated (a roster taken before a transfer is due would move the employee
     * back, and the transfer forward again when due) nor applies it twice or early (a roster without an employee
     * whose leave is due on the 30th, or the delete after a suspension); the next reconcile after it is applied
     * converges the rest. Any other line only says so.
     */
    private static PlanItem scheduled(PlanItem item, List<ScheduledChange> open) {
        String changes = String.join(", ", open.stream().map(c -> (c.followUpOf() != null
                ? "the delete after the suspension by HR event " + c.followUpOf()
                : "HR event " + c.hrEventId() + " (" + c.kind().detailType() + ")") + " due at " + c.dueAt()).toList());
        if (item.action().changes()) {
            return item.as(ReconcileAction.PENDING, "scheduled: " + changes + "; not " + item.action()
                    + (item.reason() == null ? "" : " (" + item.reason() + ")")
                    + ": left to the schedule; the reconcile after it is applied converges the rest");
        }
        return item.as(item.action(), (item.reason() == null ? "" : item.reason() + "; ") + "scheduled: " + changes);
    }

    /** STALE when the ledger holds this snapshot's change or a later HR event for the employee (as the pipeline would). */
    private PlanItem ordered(PlanItem item, Instant asOf) {
        HrEvent event = ReconcileEvents.of(item, asOf);
        LedgerEntry entry = settings.ledger().find(item.employeeId()).orElse(null);
        OrderingPolicy.Decision decision = OrderingPolicy.decide(event, entry);
        return decision.applies() ? item : item.as(ReconcileAction.STALE, decision.reason());
    }

    private DirectorySnapshot snapshot(Consumer<String> progress) {
        List<DirectoryUser> users = new ArrayList<>();
        listing.forEachUser(user -> {
            users.add(user);
            if (users.size() % PROGRESS_USERS == 0) {
                progress.accept("reconcile: listed " + users.size() + " users");
            }
        });
        List<DirectoryGroup> groups = listing.groups();
        // The changes that follow resolve group names and ids from this listing instead of one call per group.
        settings.directory().knowGroups(groups);
        List<DirectoryGroup> managed = groups.stream().filter(g -> settings.rules().isManaged(g.displayName())).toList();
        Map<String, List<Membership>> memberships = new HashMap<>();
        int[] count = {0};
        for (DirectoryGroup group : managed) {
            listing.forEachMember(group.groupId(), member -> {
                memberships.computeIfAbsent(member.userId(), k -> new ArrayList<>(4))
                        .add(new Membership(member.membershipId(), group.groupId(), group.displayName()));
                count[0]++;
            });
        }
        progress.accept("reconcile: directory: " + users.size() + " users, " + managed.size() + " managed groups, "
                + count[0] + " memberships of managed groups");
        return new DirectorySnapshot(users, memberships);
    }

    private static String summary(ReconcilePlan plan) {
        StringBuilder text = new StringBuilder();
        plan.counts().forEach((action, n) -> {
            if (n > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(action).append(' ').append(n);
            }
        });
        return text.length() == 0 ? "empty" : text.toString();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static long calls(Cost cost) {
        return cost.apiCalls().values().stream().mapToLong(Long::longValue).sum();
    }
}
