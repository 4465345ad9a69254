package io.github.jmlidentity.functions.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the deliveries of one HR event did to the directory so far, kept in the ledger so that the event's final
 * audit record says all of it even when an earlier attempt did part of it (e.g. created the user) and failed.
 *
 * @param userCreatedByAttempt which delivery of the event created the user (1 = the first), or null
 * @param assignmentsRemoved   account assignments made to the user directly that a leaver removed
 */
public record AppliedChanges(List<String> attributesChanged, List<String> groupsAdded, List<String> groupsRemoved,
                             boolean userDeleted, List<String> membershipsBefore, Integer userCreatedByAttempt,
                             List<DirectAssignment> assignmentsRemoved) {

    public static final AppliedChanges NONE = new AppliedChanges(List.of(), List.of(), List.of(), false, List.of(), null);

    public AppliedChanges {
        attributesChanged = copy(attributesChanged);
        groupsAdded = copy(groupsAdded);
        groupsRemoved = copy(groupsRemoved);
        membershipsBefore = copy(membershipsBefore);
        assignmentsRemoved = assignmentsRemoved == null ? List.of() : List.copyOf(assignmentsRemoved);
    }

    /** Changes that removed no account assignment. */
    public AppliedChanges(List<String> attributesChanged, List<String> groupsAdded, List<String> groupsRemoved,
                          boolean userDeleted, List<String> membershipsBefore, Integer userCreatedByAttempt) {
        this(attributesChanged, groupsAdded, groupsRemoved, userDeleted, membershipsBefore, userCreatedByAttempt,
                List.of());
    }

    /** These changes followed by {@code later}'s (each name once, in order; the first creation and snapshot win). */
    public AppliedChanges then(AppliedChanges later) {
        return new AppliedChanges(union(attributesChanged, later.attributesChanged),
                union(groupsAdded, later.groupsAdded), union(groupsRemoved, later.groupsRemoved),
                userDeleted || later.userDeleted,
                membershipsBefore.isEmpty() ? later.membershipsBefore : membershipsBefore,
                userCreatedByAttempt != null ? userCreatedByAttempt : later.userCreatedByAttempt,
                new ArrayList<>(new LinkedHashSet<>(concatAssignments(assignmentsRemoved, later.assignmentsRemoved))));
    }

    private static List<DirectAssignment> concatAssignments(List<DirectAssignment> first, List<DirectAssignment> second) {
        List<DirectAssignment> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    private static List<String> union(List<String> first, List<String> second) {
        return new ArrayList<>(new LinkedHashSet<>(concat(first, second)));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
