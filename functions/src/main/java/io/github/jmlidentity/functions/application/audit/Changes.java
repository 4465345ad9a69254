package io.github.jmlidentity.functions.application.audit;

import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.Plan;

import java.util.List;

/**
 * What an event's handling actually did to the directory, step by step as each call succeeded: written in the
 * audit record whatever the outcome, so that a FAILED attempt that created a user or added a group still says so.
 *
 * @param attributesChanged attribute paths set by CreateUser or changed by UpdateUser
 * @param groupsAdded       groups the user was added to
 * @param groupsRemoved     groups the user was removed from (all of them when the user was deleted)
 * @param userDeleted       whether the user was deleted
 * @param membershipsBefore group names the user belonged to before a leaver changed anything
 * @param assignmentsRemoved account assignments made to the user directly that a leaver removed (each once IAM
 *                           Identity Center reported its deletion SUCCEEDED)
 */
public record Changes(List<String> attributesChanged, List<String> groupsAdded, List<String> groupsRemoved,
                      boolean userDeleted, List<String> membershipsBefore, List<DirectAssignment> assignmentsRemoved) {

    /** Changes that removed no account assignment. */
    public Changes(List<String> attributesChanged, List<String> groupsAdded, List<String> groupsRemoved,
                   boolean userDeleted, List<String> membershipsBefore) {
        this(attributesChanged, groupsAdded, groupsRemoved, userDeleted, membershipsBefore, List.of());
    }

    public Changes {
        assignmentsRemoved = List.copyOf(assignmentsRemoved);
        attributesChanged = List.copyOf(attributesChanged);
        groupsAdded = List.copyOf(groupsAdded);
        groupsRemoved = List.copyOf(groupsRemoved);
        membershipsBefore = List.copyOf(membershipsBefore);
    }

    public static Changes none() {
        return new Changes(List.of(), List.of(), List.of(), false, List.of());
    }

    /** What a dry run would do: the plan, with nothing done. */
    public static Changes planned(Plan plan) {
        return new Changes(plan.attributesChanged(), plan.groupsToAdd(), plan.groupsRemoved(), false,
                plan.membershipsBefore().stream().map(Membership::label).toList(), plan.assignmentsToRemove());
    }
}
