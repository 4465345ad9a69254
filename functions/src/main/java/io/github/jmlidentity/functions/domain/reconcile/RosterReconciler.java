package io.github.jmlidentity.functions.domain.reconcile;

import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.Plan;
import io.github.jmlidentity.functions.domain.Planner;
import io.github.jmlidentity.functions.domain.UserAttribute;
import io.github.jmlidentity.functions.domain.UserProfile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares an HR roster with the directory (and the ledger's links) and says what to do for each employee and each
 * user: a pure function. Differences are computed by the same {@link Planner} the joiner, mover and leaver use, so a
 * MOVE lists exactly what the mover would change and an OK row is one the mover would leave alone.
 *
 * <p>A user belongs to an employee when its employeeNumber is the employeeId, or when the ledger links them. A user
 * the roster does not claim is a leaver if it is managed (employeeNumber or ledger link) and unmanaged otherwise.
 */
public final class RosterReconciler {

    private final AccessRules rules;
    private final Planner planner;
    private final AdoptionRule adoption;

    public RosterReconciler(AccessRules rules, AdoptionRule adoption) {
        this.rules = rules;
        this.planner = new Planner(rules);
        this.adoption = adoption;
    }

    public ReconcilePlan plan(Roster roster, DirectorySnapshot directory, LedgerLinks ledger) {
        Index index = new Index(directory.users());
        Set<String> claimed = new HashSet<>();
        List<PlanItem> items = new ArrayList<>();
        for (RosterEmployee row : roster.employees()) {
            items.add(planRow(row, directory, ledger, index, claimed));
        }
        for (DirectoryUser user : directory.users()) {
            if (!claimed.contains(user.userId())) {
                items.add(planUnclaimed(user, directory, ledger, index));
            }
        }
        return new ReconcilePlan(items);
    }

    private PlanItem planRow(RosterEmployee row, DirectorySnapshot directory, LedgerLinks ledger, Index index,
                             Set<String> claimed) {
        String employeeId = row.employeeId();
        Map<String, DirectoryUser> own = new LinkedHashMap<>();
        index.byNumber.getOrDefault(employeeId, List.of()).forEach(u -> own.put(u.userId(), u));
        DirectoryUser linked = index.byId.get(ledger.userOf(employeeId));
        if (linked != null) {
            own.putIfAbsent(linked.userId(), linked);
        }
        claimed.addAll(own.keySet());
        if (own.size() > 1) {
            return item(ReconcileAction.CONFLICT, row, null, "employee " + employeeId + " has several directory users: "
                    + own.values().stream().map(RosterReconciler::describe).collect(Collectors.joining(", ")));
        }
        if (own.size() == 1) {
            return planOwnUser(row, own.values().iterator().next(), directory, index);
        }
        if (row.terminated()) {
            return item(ReconcileAction.OK, row, null, "terminated in the roster; no directory user");
        }
        DirectoryUser named = index.byName.get(lower(row.userName()));
        if (rules.isProtected(row.userName())) {
            if (named != null) {
                claimed.add(named.userId());
            }
            return item(ReconcileAction.CONFLICT, row, named, "user name '" + row.userName()
                    + "' is a protected user in the access rules: never created, changed or adopted");
        }
        List<DirectoryUser> sameEmail = index.byEmail.getOrDefault(lower(row.email()), List.of()).stream()
                .filter(u -> named == null || !u.userId().equals(named.userId()))
                .filter(u -> u.profile().employeeNumber() == null && ledger.employeeOf(u.userId()) == null)
                .toList();
        if (named == null) {
            if (!sameEmail.isEmpty()) {
                return item(ReconcileAction.CONFLICT, row, null, "no user is named '" + row.userName() + "', but "
                        + describeAll(sameEmail) + " without employeeNumber has this employee's email: joining would"
                        + " make a second account; rename that user or correct the roster");
            }
            return new PlanItem(ReconcileAction.JOIN, employeeId, row.userName(), null,
                    differences(planner.converge(row.employee(), null, List.of())), null, row.employee(), row.line());
        }
        claimed.add(named.userId());
        String number = named.profile().employeeNumber();
        String linkedEmployee = ledger.employeeOf(named.userId());
        if (number != null) {
            return item(ReconcileAction.CONFLICT, row, named, "user name '" + row.userName() + "' belongs to "
                    + describe(named) + " whose employeeNumber is '" + number + "', not " + employeeId);
        }
        if (linkedEmployee != null) {
            return item(ReconcileAction.CONFLICT, row, named, "user name '" + row.userName() + "' belongs to "
                    + describe(named) + ", which the ledger links to employee " + linkedEmployee);
        }
        if (rules.isProtected(named.userName())) {
            return item(ReconcileAction.CONFLICT, row, named, describe(named)
                    + " is a protected user in the access rules: never adopted");
        }
        if (!sameEmail.isEmpty()) {
            return item(ReconcileAction.CONFLICT, row, named, "more than one candidate: " + describe(named)
                    + " by user name and " + describeAll(sameEmail) + " by email, none with an employeeNumber");
        }
        if (!adoption.enabled()) {
            return item(ReconcileAction.CONFLICT, row, named, describe(named) + " has no employeeNumber"
                    + (AdoptionRule.USER_NAME_AND_EMAIL.matches(row, named.userName(), email(named))
                    ? " and matches by user name and email: adopt it with --adopt" : ": adopt it with --adopt"
                    + " (its email " + (email(named) == null ? "is not set" : "differs") + ", so --adopt-by userName too)"));
        }
        if (!adoption.matches(row, named.userName(), email(named))) {
            return item(ReconcileAction.CONFLICT, row, named, describe(named) + " has no employeeNumber and its email "
                    + (email(named) == null ? "is not set" : "differs from the roster's")
                    + ": not adopted by " + adoption.label() + " (--adopt-by userName relaxes this)");
        }
        Map<UserAttribute, String> numbered = new EnumMap<>(UserAttribute.class);
        numbered.putAll(named.profile().values());
        numbered.put(UserAttribute.EMPLOYEE_NUMBER, employeeId);
        DirectoryUser adopted = new DirectoryUser(named.userId(), new UserProfile(numbered));
        List<String> differences = new ArrayList<>();
        differences.add(UserAttribute.EMPLOYEE_NUMBER.path());
        differences.addAll(differences(planner.converge(row.employee(), adopted, directory.membershipsOf(named.userId()))));
        return new PlanItem(ReconcileAction.ADOPT, employeeId, named.userName(), named.userId(), differences,
                "no employeeNumber; matches by " + adoption.label(), row.employee(), row.line());
    }

    /** The row's employee has exactly this user (by employeeNumber or ledger link). */
    private PlanItem planOwnUser(RosterEmployee row, DirectoryUser user, DirectorySnapshot directory, Index index) {
        String number = user.profile().employeeNumber();
        if (number != null && !number.equals(row.employeeId())) {
            return item(ReconcileAction.CONFLICT, row, user, "the ledger links employee " + row.employeeId() + " to "
                    + describe(user) + ", whose employeeNumber is '" + number + "'");
        }
        if (rules.isProtected(user.userName())) {
            return item(ReconcileAction.CONFLICT, row, user, describe(user)
                    + " is a protected user in the access rules: never changed");
        }
        List<Membership> memberships = directory.membershipsOf(user.userId());
        if (row.terminated()) {
            Plan leave = planner.leave(user, memberships);
            return leave.isEmpty() ? item(ReconcileAction.OK, row, user, "terminated; no managed group left")
                    : item(ReconcileAction.LEAVE, row, user, "terminated in the roster");
        }
        DirectoryUser named = index.byName.get(lower(row.userName()));
        if (named != null && !named.userId().equals(user.userId())) {
            return item(ReconcileAction.CONFLICT, row, user, "the roster renames " + describe(user) + " to '"
                    + row.userName() + "', which belongs to " + describe(named));
        }
        Plan converge = planner.converge(row.employee(), user, memberships);
        if (converge.isEmpty()) {
            return item(ReconcileAction.OK, row, user, null);
        }
        return new PlanItem(ReconcileAction.MOVE, row.employeeId(), user.userName(), user.userId(),
                differences(converge), null, row.employee(), row.line());
    }

    /** A user no roster row claims. */
    private PlanItem planUnclaimed(DirectoryUser user, DirectorySnapshot directory, LedgerLinks ledger, Index index) {
        String number = user.profile().employeeNumber();
        String linked = ledger.employeeOf(user.userId());
        String employeeId = number != null ? number : linked;
        if (employeeId == null) {
            return new PlanItem(ReconcileAction.UNMANAGED, null, user.userName(), user.userId(), List.of(),
                    rules.isProtected(user.userName()) ? "protected user" : "no employeeNumber and no roster row",
                    null, 0);
        }
        PlanItem absent = new PlanItem(ReconcileAction.LEAVE, employeeId, user.userName(), user.userId(), List.of(),
                "employee " + employeeId + " is not in the roster", null, 0);
        if (number != null && linked != null && !number.equals(linked)) {
            return absent.as(ReconcileAction.CONFLICT, "employeeNumber '" + number
                    + "' but the ledger links the user to employee " + linked);
        }
        if (index.byNumber.getOrDefault(employeeId, List.of()).size() > 1) {
            return absent.as(ReconcileAction.CONFLICT, "employeeNumber '" + employeeId + "' is on several users: "
                    + describeAll(index.byNumber.get(employeeId)));
        }
        if (rules.isProtected(user.userName())) {
            return absent.as(ReconcileAction.CONFLICT, "protected user with employeeNumber '" + employeeId
                    + "', not in the roster: never changed");
        }
        if (planner.leave(user, directory.membershipsOf(user.userId())).isEmpty()) {
            return absent.as(ReconcileAction.OK, "not in the roster; no managed group left");
        }
        return absent;
    }

    private static PlanItem item(ReconcileAction action, RosterEmployee row, DirectoryUser user, String reason) {
        return new PlanItem(action, row.employeeId(), user != null ? user.userName() : row.userName(),
                user != null ? user.userId() : null, List.of(), reason, null, row.line());
    }

    /** Attribute paths, then +group and -group. */
    static List<String> differences(Plan plan) {
        List<String> differences = new ArrayList<>(plan.attributesChanged());
        plan.groupsToAdd().forEach(g -> differences.add("+" + g));
        plan.membershipsToRemove().forEach(m -> differences.add("-" + m.label()));
        return differences;
    }

    private static String email(DirectoryUser user) {
        return user.profile().get(UserAttribute.EMAIL);
    }

    private static String describe(DirectoryUser user) {
        return "user " + user.userId() + " ('" + user.userName() + "')";
    }

    private static String describeAll(List<DirectoryUser> users) {
        return users.stream().map(RosterReconciler::describe).collect(Collectors.joining(", "));
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** The directory's users by id, employeeNumber, user name and email (names and emails ignoring case). */
    private static final class Index {
        final Map<String, DirectoryUser> byId = new HashMap<>();
        final Map<String, List<DirectoryUser>> byNumber = new HashMap<>();
        final Map<String, DirectoryUser> byName = new HashMap<>();
        final Map<String, List<DirectoryUser>> byEmail = new HashMap<>();

        Index(List<DirectoryUser> users) {
            for (DirectoryUser user : users) {
                byId.put(user.userId(), user);
                if (user.profile().employeeNumber() != null) {
                    byNumber.computeIfAbsent(user.profile().employeeNumber(), k -> new ArrayList<>(1)).add(user);
                }
                if (user.userName() != null) {
                    byName.put(lower(user.userName()), user);
                }
                if (email(user) != null) {
                    byEmail.computeIfAbsent(lower(email(user)), k -> new ArrayList<>(1)).add(user);
                }
            }
        }
    }
}
