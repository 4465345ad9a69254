package io.github.jmlidentity.functions.domain;

import io.github.jmlidentity.contract.LeaverPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Computes plans: pure functions of the event, the directory's current state and the access rules. */
public final class Planner {

    private final AccessRules rules;

    public Planner(AccessRules rules) {
        this.rules = rules;
    }

    /**
     * Joiner and mover: make the directory match the employee's full record. Only managed groups are removed;
     * memberships of unmanaged groups are left as they are.
     */
    public Plan converge(Employee employee, DirectoryUser current, List<Membership> memberships) {
        UserProfile desired = UserProfile.from(employee);
        Set<String> granted = rules.grantedGroups(employee);
        if (current == null) {
            return new Plan(null, desired, List.of(), List.copyOf(granted), List.of(), List.of(), false);
        }
        Set<String> held = memberships.stream().map(Membership::groupName).filter(n -> n != null)
                .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> grantedLower = granted.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> toAdd = granted.stream().filter(g -> !held.contains(g.toLowerCase(Locale.ROOT))).toList();
        List<Membership> toRemove = memberships.stream()
                .filter(m -> rules.isManaged(m.groupName()))
                .filter(m -> !grantedLower.contains(m.groupName().toLowerCase(Locale.ROOT)))
                .toList();
        return new Plan(current.userId(), null, current.profile().changesTo(desired), toAdd, toRemove, List.of(), false);
    }

    /** Leaver of a user with no direct account assignment. */
    public Plan leave(DirectoryUser user, List<Membership> memberships) {
        return leave(user, memberships, List.of());
    }

    /**
     * Leaver. Delete: DeleteUser removes every membership with the user, so no membership call is needed and all
     * memberships are reported removed. Suspend: remove the managed memberships and keep the user. Under either, the
     * user's direct account assignments are removed first when the rules say so (DeleteUser would leave them behind
     * as orphans, and a suspended user would keep them); assignments through groups are the groups' and stay.
     */
    public Plan leave(DirectoryUser user, List<Membership> memberships, List<DirectAssignment> directAssignments) {
        return leave(user, memberships, directAssignments, rules.leaverPolicy() == LeaverPolicy.DELETE);
    }

    /**
     * Leaver, deleting or not whatever the policy: under suspend-then-delete the leave suspends and the delete that
     * follows it deletes.
     */
    public Plan leave(DirectoryUser user, List<Membership> memberships, List<DirectAssignment> directAssignments,
                      boolean delete) {
        List<DirectAssignment> toRemove = rules.removesDirectAssignments() ? directAssignments : List.of();
        if (delete) {
            return new Plan(user.userId(), null, List.of(), List.of(), memberships, memberships, true, toRemove);
        }
        List<Membership> managed = new ArrayList<>();
        for (Membership m : memberships) {
            if (rules.isManaged(m.groupName())) {
                managed.add(m);
            }
        }
        return new Plan(user.userId(), null, List.of(), List.of(), managed, memberships, false, toRemove);
    }
}
