package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.port.out.AccountAssignments;
import io.github.jmlidentity.functions.application.port.out.AccountAssignments.DeletionStatus;
import io.github.jmlidentity.functions.application.port.out.Sleeper;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.identitycenter.DirectoryFailure;
import io.github.jmlidentity.identitycenter.DirectoryFailure.Kind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Removes a user's direct account assignments and waits until IAM Identity Center has deleted every one: the step a
 * leaver takes before DeleteUser (leaverPolicy delete) and when it suspends a user (suspend, and a later
 * suspend-then-delete). Deletion is asynchronous: each request is polled until it SUCCEEDED, with bounded backoff.
 * A deletion that FAILED, or is still in progress when the wait is over, fails the step, retryable, so that the
 * caller stops before it deletes the user (deleting first would leave the assignments behind as orphans).
 */
public final class AssignmentRemoval {

    public static final String DELETION_FAILED = "ACCOUNT_ASSIGNMENT_DELETION_FAILED";
    public static final String DELETION_TIMED_OUT = "ACCOUNT_ASSIGNMENT_DELETION_TIMED_OUT";

    /**
     * How long to wait for the deletions.
     *
     * @param timeout   the most time spent waiting for the deletions to complete, all of them together
     * @param firstWait the wait before the second poll (the first comes at once), doubled after each poll ...
     * @param maxWait   ... up to this
     */
    public record Waiting(Duration timeout, Duration firstWait, Duration maxWait) {

        /**
         * Deletions usually take seconds; two minutes stays well inside the leaver's five-minute Lambda timeout, and
         * polls at most every 8 s (sso-admin's own quotas are shared with the console and other tools).
         */
        public static final Waiting DEFAULT = new Waiting(Duration.ofMinutes(2), Duration.ofMillis(500),
                Duration.ofSeconds(8));

        public Waiting {
            for (Duration d : new Duration[] {timeout, firstWait, maxWait}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("every wait must be positive, was " + d);
                }
            }
        }
    }

    private final AccountAssignments assignments;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Waiting waiting;

    public AssignmentRemoval(AccountAssignments assignments, Clock clock, Sleeper sleeper, Waiting waiting) {
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.waiting = Objects.requireNonNull(waiting, "waiting");
    }

    /** The user's direct account assignments, all pages. */
    public List<DirectAssignment> directAssignments(String userId) {
        return assignments.directAssignments(userId);
    }

    /**
     * Deletes every one of {@code toRemove} (all requests first, so that IAM Identity Center works on them together),
     * then polls each until it is done.
     *
     * @param removed told of each assignment as soon as its deletion SUCCEEDED (an assignment already gone when its
     *                deletion was asked for was not removed by this call and is not told)
     * @throws DirectoryFailure retryable, once every deletion is done or the wait is over: {@value #DELETION_FAILED}
     *                          naming each deletion that FAILED and the service's reason, or {@value #DELETION_TIMED_OUT}
     *                          naming each one still in progress
     */
    public void removeAll(String userId, List<DirectAssignment> toRemove, Consumer<DirectAssignment> removed) {
        Map<String, DirectAssignment> inProgress = new LinkedHashMap<>();
        for (DirectAssignment assignment : toRemove) {
            String requestId = assignments.requestDeletion(userId, assignment);
            if (requestId != null) {
                inProgress.put(requestId, assignment);
            }
        }
        List<String> failed = new ArrayList<>();
        Instant deadline = clock.instant().plus(waiting.timeout());
        Duration waited = Duration.ZERO;
        Duration next = waiting.firstWait();
        while (true) {
            for (Map.Entry<String, DirectAssignment> request : List.copyOf(inProgress.entrySet())) {
                DeletionStatus status = assignments.deletionStatus(request.getKey());
                switch (status.state()) {
                    case SUCCEEDED -> {
                        inProgress.remove(request.getKey());
                        removed.accept(request.getValue());
                    }
                    case FAILED -> {
                        inProgress.remove(request.getKey());
                        failed.add(request.getValue().label() + " FAILED (request " + request.getKey() + "): "
                                + status.failureReason());
                    }
                    case IN_PROGRESS -> {
                        // polled again after the next wait
                    }
                }
            }
            // Bounded twice: by the clock, and by the waits themselves (a clock that does not move cannot loop).
            if (inProgress.isEmpty() || waited.compareTo(waiting.timeout()) >= 0 || !clock.instant().isBefore(deadline)) {
                break;
            }
            Duration pause = next.compareTo(waiting.timeout().minus(waited)) < 0 ? next : waiting.timeout().minus(waited);
            pause(pause);
            waited = waited.plus(pause);
            next = next.multipliedBy(2).compareTo(waiting.maxWait()) < 0 ? next.multipliedBy(2) : waiting.maxWait();
        }
        String kept = " of user " + userId + " (they are removed before the user is deleted or suspended, so that none"
                + " is left behind; a retry removes what is left)";
        if (!failed.isEmpty()) {
            throw new DirectoryFailure(Kind.SERVICE_ERROR, DELETION_FAILED, "IAM Identity Center did not delete "
                    + failed.size() + " direct account assignment(s)" + kept + ": " + String.join("; ", failed), true);
        }
        if (!inProgress.isEmpty()) {
            List<String> pending = new ArrayList<>();
            inProgress.forEach((requestId, assignment) -> pending.add(assignment.label() + " (request " + requestId + ")"));
            throw new DirectoryFailure(Kind.TIMED_OUT, DELETION_TIMED_OUT, "the deletion of " + pending.size()
                    + " direct account assignment(s)" + kept + " was still IN_PROGRESS after " + waiting.timeout()
                    + ": " + String.join("; ", pending), true);
        }
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryFailure(Kind.TIMED_OUT, DELETION_TIMED_OUT,
                    "interrupted while waiting for account-assignment deletions", true);
        }
    }
}
