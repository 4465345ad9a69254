package io.github.jmlidentity.functions.application.audit;

import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.Outcome;

import java.util.ArrayList;
import java.util.List;

/**
 * Defence in depth, apart from the planner: checks what an event's record says was done against the access rules'
 * scope. The Identity Store's IAM actions cannot be narrowed to groups or users (its ARNs carry no names), so the
 * functions' roles could add anyone to any group; this check makes any change outside the managed groups, or any
 * change to a protected user, visible in the audit record ({@code scopeViolation}), where a metric filter raises an
 * alarm. It reads the record, not the code that produced it, so a bug in planning or applying is caught here.
 */
public final class ScopeCheck {

    private ScopeCheck() {
    }

    /** Each change outside the scope, described; empty when the record stays within it. */
    public static List<String> violations(AccessRules rules, Outcome outcome, UserRef user, Changes changes) {
        List<String> violations = new ArrayList<>();
        if (outcome == Outcome.PLANNED) {
            return violations; // nothing was done
        }
        for (String group : changes.groupsAdded()) {
            if (!rules.isManaged(group)) {
                violations.add("added to unmanaged group '" + group + "'");
            }
        }
        if (!changes.userDeleted()) {
            // A deleted user's memberships all go with it (unmanaged ones too): only a removal by name is checked.
            for (String group : changes.groupsRemoved()) {
                if (!rules.isManaged(group)) {
                    violations.add("removed from unmanaged group '" + group + "'");
                }
            }
        }
        boolean changed = !changes.attributesChanged().isEmpty() || !changes.groupsAdded().isEmpty()
                || !changes.groupsRemoved().isEmpty() || changes.userDeleted();
        if (changed && rules.isProtected(user.userName())) {
            violations.add("changed protected user '" + user.userName() + "'");
        }
        return violations;
    }
}
