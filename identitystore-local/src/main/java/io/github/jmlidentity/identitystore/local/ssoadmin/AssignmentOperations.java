package io.github.jmlidentity.identitystore.local.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * The asynchronous account-assignment requests of one instance. Nothing runs in the background: every read first
 * brings the requests up to the clock ({@link #settle()}), applying in completion order each one that is due, so a
 * test moves time with a Clock instead of sleeping.
 */
public final class AssignmentOperations {
    private final Clock clock;
    private final NavigableMap<String, AccountAssignment> assignments;
    private final Map<String, AssignmentOperation> byRequestId = new ConcurrentHashMap<>();
    private final NavigableMap<String, AssignmentOperation> creations = new ConcurrentSkipListMap<>();
    private final NavigableMap<String, AssignmentOperation> deletions = new ConcurrentSkipListMap<>();
    /** Guarded by this: IN_PROGRESS requests by completion time, and by the assignment they act on. */
    private final NavigableMap<String, AssignmentOperation> pending = new TreeMap<>();
    private final Map<String, AssignmentOperation> inProgressByAssignment = new HashMap<>();
    /** Guarded by this: orders requests made within the same millisecond. */
    private long sequence;

    AssignmentOperations(Clock clock, NavigableMap<String, AccountAssignment> assignments) {
        this.clock = clock;
        this.assignments = assignments;
    }

    /**
     * Accepts a request, IN_PROGRESS for {@code delay}. A request while another on the same assignment is in
     * progress is a ConflictException; a deletion of an assignment that does not exist is a
     * ResourceNotFoundException. {@code failure} is asked only once the request is accepted: null to succeed, else
     * the FailureReason.
     */
    synchronized AssignmentOperation submit(AssignmentOperation.Kind kind, AccountAssignment assignment, Duration delay,
                                            Supplier<String> failure) {
        settle();
        AssignmentOperation busy = inProgressByAssignment.get(assignment.key());
        if (busy != null) {
            throw ApiError.conflict("An account assignment " + busy.request().kind().name().toLowerCase(Locale.ROOT)
                    + " for this principal, permission set and account is already in progress (request "
                    + busy.request().requestId() + "); retry once it completes");
        }
        if (kind == AssignmentOperation.Kind.DELETION && !assignments.containsKey(assignment.key())) {
            throw ApiError.notFoundMessage("Account assignment not found: " + assignment.principalType() + " "
                    + assignment.principalId() + " has no assignment of " + assignment.permissionSetArn()
                    + " in account " + assignment.accountId());
        }
        String failureReason = failure.get();
        Instant now = clock.instant();
        AssignmentRequest request = new AssignmentRequest(UUID.randomUUID().toString(), kind, assignment, now,
                now.plus(delay), failureReason == null ? AssignmentOperation.SUCCEEDED : AssignmentOperation.FAILED,
                failureReason);
        AssignmentOperation operation = new AssignmentOperation(request, AssignmentOperation.IN_PROGRESS);
        index(operation);
        return operation;
    }

    /** Completes every request that is due on the clock, in completion order. */
    public synchronized void settle() {
        if (pending.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Iterator<AssignmentOperation> due = pending.values().iterator();
        while (due.hasNext()) {
            AssignmentOperation operation = due.next();
            if (now.isBefore(operation.request().completesAt())) {
                break;
            }
            due.remove();
            inProgressByAssignment.remove(operation.request().assignment().key());
            apply(operation);
        }
    }

    /** The request with this id and kind, brought up to the clock, or null. */
    AssignmentOperation find(AssignmentOperation.Kind kind, String requestId) {
        settle();
        AssignmentOperation operation = byRequestId.get(requestId);
        return operation != null && operation.request().kind() == kind ? operation : null;
    }

    /** The requests of one kind in the order they were made, brought up to the clock. */
    NavigableMap<String, AssignmentOperation> listing(AssignmentOperation.Kind kind) {
        settle();
        return Collections.unmodifiableNavigableMap(kind == AssignmentOperation.Kind.CREATION ? creations : deletions);
    }

    /** Runs {@code reader} with the requests brought up to the clock and held still: no request starts or completes. */
    public synchronized <T> T frozen(Supplier<T> reader) {
        settle();
        return reader.get();
    }

    /** Every request, for the --data file. */
    public synchronized ArrayNode saved() {
        settle();
        ArrayNode saved = JsonNodeFactory.instance.arrayNode();
        List<AssignmentOperation> all = new ArrayList<>(creations.values());
        all.addAll(deletions.values());
        all.forEach(operation -> saved.add(operation.toSaved()));
        return saved;
    }

    /** Loads requests saved by {@link #saved()} (in their order); those still in progress complete when due. */
    public synchronized void restore(JsonNode saved) {
        saved.forEach(node -> index(AssignmentOperation.fromSaved(node)));
    }

    private void index(AssignmentOperation operation) {
        AssignmentRequest request = operation.request();
        byRequestId.put(request.requestId(), operation);
        (request.kind() == AssignmentOperation.Kind.CREATION ? creations : deletions)
                .put(orderKey(request.createdAt(), sequence), operation);
        if (operation.inProgress()) {
            pending.put(orderKey(request.completesAt(), sequence), operation);
            inProgressByAssignment.put(request.assignment().key(), operation);
        }
        sequence++;
    }

    private void apply(AssignmentOperation operation) {
        operation.complete();
        if (!operation.succeeds()) {
            return;
        }
        AccountAssignment assignment = operation.request().assignment();
        if (operation.request().kind() == AssignmentOperation.Kind.CREATION) {
            assignments.put(assignment.key(), assignment);
        } else {
            assignments.remove(assignment.key());
        }
    }

    /** Sorts by time, then by arrival; fixed-width hex keeps string order equal to numeric order. */
    private static String orderKey(Instant at, long arrival) {
        return String.format("%016x%016x", at.toEpochMilli(), arrival);
    }
}
