package io.github.jmlidentity.functions.support;

import io.github.jmlidentity.functions.application.port.out.AccountAssignments;
import io.github.jmlidentity.functions.domain.DirectAssignment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account-assignments port in memory: direct assignments per user, and deletions that stay IN_PROGRESS for a
 * chosen number of polls and then SUCCEED, or FAIL with a chosen reason. Counts the calls.
 */
public final class InMemoryAccountAssignments implements AccountAssignments {

    private record Deletion(String userId, DirectAssignment assignment, String failureReason, int[] pollsLeft) {
    }

    private final Map<String, Set<DirectAssignment>> byUser = new LinkedHashMap<>();
    private final Map<String, Deletion> deletions = new LinkedHashMap<>();
    private final Deque<String> nextFailures = new ArrayDeque<>();
    private int pollsInProgress;
    private int nextRequest;
    public int listings;
    public int deletionRequests;
    public int statusPolls;

    public synchronized InMemoryAccountAssignments given(String userId, String accountId, String permissionSetArn) {
        byUser.computeIfAbsent(userId, u -> new LinkedHashSet<>()).add(new DirectAssignment(accountId, permissionSetArn));
        return this;
    }

    /** The next deletion requested ends FAILED with this reason. */
    public synchronized InMemoryAccountAssignments failNextDeletion(String reason) {
        nextFailures.add(reason);
        return this;
    }

    /** Deletions requested from now on answer IN_PROGRESS to this many polls before they are done. */
    public synchronized InMemoryAccountAssignments inProgressFor(int polls) {
        this.pollsInProgress = polls;
        return this;
    }

    public synchronized List<DirectAssignment> of(String userId) {
        return List.copyOf(byUser.getOrDefault(userId, Set.of()));
    }

    @Override
    public synchronized List<DirectAssignment> directAssignments(String userId) {
        listings++;
        return new ArrayList<>(byUser.getOrDefault(userId, Set.of()));
    }

    @Override
    public synchronized String requestDeletion(String userId, DirectAssignment assignment) {
        deletionRequests++;
        if (!byUser.getOrDefault(userId, Set.of()).contains(assignment)) {
            return null;
        }
        String requestId = "request-" + (++nextRequest);
        deletions.put(requestId, new Deletion(userId, assignment, nextFailures.poll(), new int[] {pollsInProgress}));
        return requestId;
    }

    @Override
    public synchronized DeletionStatus deletionStatus(String requestId) {
        statusPolls++;
        Deletion deletion = deletions.get(requestId);
        if (deletion == null) {
            throw new IllegalArgumentException("no deletion request " + requestId);
        }
        if (deletion.pollsLeft()[0] > 0) {
            deletion.pollsLeft()[0]--;
            return DeletionStatus.IN_PROGRESS;
        }
        if (deletion.failureReason() != null) {
            return DeletionStatus.failed(deletion.failureReason());
        }
        byUser.getOrDefault(deletion.userId(), new LinkedHashSet<>()).remove(deletion.assignment());
        return DeletionStatus.SUCCEEDED;
    }
}
