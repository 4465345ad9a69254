package io.github.jmlidentity.functions.application.audit;

import io.github.jmlidentity.functions.domain.AppliedChanges;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.Plan;

import java.util.List;

/**
 * What an event's handling actually did to the directory, step by step as each call succeeded: written in the
 * audit record whatever the outcome, so that a FAILED attempt that created a user or added a group still says so.
 * An event's final record says what all its attempts did; a record that is not final, what its own attempt did.
 *
 * @param attributesChanged attribute paths set by CreateUser or changed by UpdateUser
 * @param groupsAdded       groups the user was added to
 * @param groupsRemoved     groups the user was removed from (all of them when the user was deleted)
 * @param userDeleted       whether the user was deleted
 * @param membershipsBefore group names the user belonged to before a leaver changed anything
 * @param assignmentsRemoved account assignments made to the user directly that a leaver removed (each once IAM
 *                           Identity Center reported its deletion SUCCEEDED)
 * @param userCreatedByAttempt which attempt of the event created the user (1 = the first), or null
 */
public record Changes(List<String> attributesChanged, List<String> groupsAdded, List<String> groupsRemoved,
                      boolean userDeleted, List<String> membershipsBefore, List<DirectAssignment> assignmentsRemoved,
                      Integer userCreatedByAttempt) {

    public Changes {
        assignmentsRemoved = List.copyOf(assignmentsRemoved);
        attributesChanged = List.copyOf(attributesChanged);
        groupsAdded = List.copyOf(groupsAdded);
        groupsRemoved = List.copyOf(groupsRemoved);
        membershipsBefore = List.copyOf(membershipsBefore);
    }

    /** Changes that removed no account assignment. */
    public Changes(List<String> attributesChanged, List<String> groupsAdded, List<String> groupsRemoved,
                   boolean userDeleted, List<String> membershipsBefore) {
        this(attributesChanged, groupsAdded, groupsRemoved, userDeleted, membershipsBefore, List.of());
    }

    /** Changes of one attempt that created no user. */
    public Changes(List<String> attributesChanged, List<String> groupsAdded, List<String> groupsRemoved,
                   boolean userDeleted, List<String> membershipsBefore, List<DirectAssignment> assignmentsRemoved) {
        this(attributesChanged, groupsAdded, groupsRemoved, userDeleted, membershipsBefore, assignmentsRemoved, null);
    }

    public static Changes none() {
        return new Changes(List.of(), List.of(), List.of(), false, List.of());
    }

    /** What a dry run would do: the plan, with nothing done. */
    public static Changes planned(Plan plan) {
        return new Changes(plan.attributesChanged(), plan.groupsToAdd(), plan.groupsRemoved(), false,
                plan.membershipsBefore().stream().map(Membership::label).toList(), plan.assignmentsToRemove());
    }

    public static Changes of(AppliedChanges applied) {
        return new Changes(applied.attributesChanged(), applied.groupsAdded(), applied.groupsRemoved(),
                applied.userDeleted(), applied.membershipsBefore(), applied.assignmentsRemoved(),
                applied.userCreatedByAttempt());
    }

    public AppliedChanges applied() {
        return new AppliedChanges(attributesChanged, groupsAdded, groupsRemoved, userDeleted, membershipsBefore,
                userCreatedByAttempt, assignmentsRemoved);
    }
}
