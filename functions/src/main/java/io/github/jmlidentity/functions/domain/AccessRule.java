package io.github.jmlidentity.functions.domain;

import java.util.List;

/** A named rule: when every condition holds, the employee gets the rule's groups. */
public record AccessRule(String name, List<Condition> conditions, List<String> groups) {

    public AccessRule {
        conditions = List.copyOf(conditions);
        groups = List.copyOf(groups);
    }

    public boolean matches(Employee employee) {
        return conditions.stream().allMatch(c -> c.matches(employee));
    }
}
