package io.github.jmlidentity.functions.domain;

import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.MissingGroupPolicy;
import io.github.jmlidentity.functions.domain.text.ConfusableFold;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The declarative mapping from HR attributes to Identity Store groups, and the policies around it.
 *
 * @param directAssignments what a leaver does with the account assignments made to the user directly
 * @param effectiveDating   when changes take effect: horizon, pre-hire lead, delete after a suspension
 */
public record AccessRules(
        List<String> defaultGroups,
        ManagedGroups managedGroups,
        List<AccessRule> rules,
        Set<String> protectedUsers,
        MissingGroupPolicy missingGroupPolicy,
        LeaverPolicy leaverPolicy,
        int maxLeaversPerHour,
        DirectAssignmentPolicy directAssignments,
        EffectiveDating effectiveDating) {

    /** Rules that remove a leaver's direct account assignments (the default), with the default effective dating. */
    public AccessRules(List<String> defaultGroups, ManagedGroups managedGroups, List<AccessRule> rules,
                       Set<String> protectedUsers, MissingGroupPolicy missingGroupPolicy, LeaverPolicy leaverPolicy,
                       int maxLeaversPerHour) {
        this(defaultGroups, managedGroups, rules, protectedUsers, missingGroupPolicy, leaverPolicy, maxLeaversPerHour,
                DirectAssignmentPolicy.REMOVE);
    }

    /** Rules with the default effective-dating options. */
    public AccessRules(List<String> defaultGroups, ManagedGroups managedGroups, List<AccessRule> rules,
                       Set<String> protectedUsers, MissingGroupPolicy missingGroupPolicy, LeaverPolicy leaverPolicy,
                       int maxLeaversPerHour, DirectAssignmentPolicy directAssignments) {
        this(defaultGroups, managedGroups, rules, protectedUsers, missingGroupPolicy, leaverPolicy, maxLeaversPerHour,
                directAssignments, EffectiveDating.defaults());
    }

    /** The confusable-folded skeleton of each protected name (lower-cased), folded on first use. */
    private static final Map<String, String> PROTECTED_SKELETONS = new ConcurrentHashMap<>();

    public AccessRules {
        Objects.requireNonNull(directAssignments, "directAssignments");
        defaultGroups = List.copyOf(defaultGroups);
        rules = List.copyOf(rules);
        protectedUsers = protectedUsers.stream().map(u -> u.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        effectiveDating = effectiveDating == null ? EffectiveDating.defaults() : effectiveDating;
        List<String> errors = validate(defaultGroups, managedGroups, rules, maxLeaversPerHour);
        errors.addAll(effectiveDating.errors());
        if (!errors.isEmpty()) {
            throw new InvalidAccessRulesException(errors);
        }
    }

    /** The same rules with other effective-dating options. */
    public AccessRules withEffectiveDating(EffectiveDating value) {
        return new AccessRules(defaultGroups, managedGroups, rules, protectedUsers, missingGroupPolicy, leaverPolicy,
                maxLeaversPerHour, directAssignments, value);
    }

    /** The same rules with another leaver policy. */
    public AccessRules withLeaverPolicy(LeaverPolicy value) {
        return new AccessRules(defaultGroups, managedGroups, rules, protectedUsers, missingGroupPolicy, value,
                maxLeaversPerHour, directAssignments, effectiveDating);
    }

    /** The groups this employee is granted, in a stable order: default groups first, then rules in file order. */
    public Set<String> grantedGroups(Employee employee) {
        Set<String> groups = new LinkedHashSet<>(defaultGroups);
        for (AccessRule rule : rules) {
            if (rule.matches(employee)) {
                groups.addAll(rule.groups());
            }
        }
        return groups;
    }

    /** The same rules with another direct-assignment policy. */
    public AccessRules withDirectAssignments(DirectAssignmentPolicy policy) {
        return new AccessRules(defaultGroups, managedGroups, rules, protectedUsers, missingGroupPolicy, leaverPolicy,
                maxLeaversPerHour, policy, effectiveDating);
    }

    /** Whether a leaver removes the user's direct account assignments. */
    public boolean removesDirectAssignments() {
        return directAssignments == DirectAssignmentPolicy.REMOVE;
    }

    public boolean isManaged(String groupDisplayName) {
        return managedGroups.isManaged(groupDisplayName);
    }

    /**
     * Protected users (break-glass, admins) are never modified by any function. Names compare on their
     * confusable-folded skeletons, so that a look-alike ({@code breakglass-admín}, {@code breakg1ass-admin}, one with
     * a Cyrillic letter or an invisible character) is protected too; equal names ignoring case, as the Identity Store
     * compares them, always match.
     */
    public boolean isProtected(String userName) {
        return protectedUserLike(userName).isPresent();
    }

    /** The protected user {@code userName} is, or looks like. */
    public Optional<String> protectedUserLike(String userName) {
        if (userName == null) {
            return Optional.empty();
        }
        // Called for every event and, in a reconcile, for every roster row and directory user: the name is folded
        // once, and each protected name once per JVM (there are a handful), not once per comparison.
        String skeleton = ConfusableFold.skeleton(userName);
        return protectedUsers.stream()
                .filter(p -> PROTECTED_SKELETONS.computeIfAbsent(p, ConfusableFold::skeleton).equals(skeleton))
                .sorted().findFirst();
    }

    /** All groups any rule can grant: what a deployment must create in the Identity Store. */
    public Set<String> allGrantableGroups() {
        Set<String> groups = new LinkedHashSet<>(defaultGroups);
        rules.forEach(r -> groups.addAll(r.groups()));
        return groups;
    }

    private static List<String> validate(List<String> defaultGroups, ManagedGroups managed, List<AccessRule> rules,
                                         int maxLeaversPerHour) {
        List<String> errors = new ArrayList<>();
        for (String group : defaultGroups) {
            if (!managed.isManaged(group)) {
                errors.add("defaultGroups: group '" + group + "' is not a managed group (add it to managedGroups.names or use the managed prefix)");
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            AccessRule rule = rules.get(i);
            String where = "rule '" + rule.name() + "' (rules[" + i + "])";
            if (!names.add(rule.name())) {
                errors.add(where + ": the name is used by another rule; rule names must be unique");
            }
            if (rule.conditions().isEmpty()) {
                errors.add(where + ": has no condition in 'match' (use defaultGroups to grant a group to everyone)");
            }
            if (rule.groups().isEmpty()) {
                errors.add(where + ": grants no group");
            }
            for (String group : rule.groups()) {
                if (!managed.isManaged(group)) {
                    errors.add(where + ": group '" + group + "' is not a managed group, so it could be added but never removed");
                }
            }
        }
        if (maxLeaversPerHour < 1) {
            errors.add("massDeletionGuard.maxLeaversPerHour: must be at least 1, was " + maxLeaversPerHour);
        }
        return errors;
    }
}
