package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.cli.CliException;
import io.github.jmlidentity.cli.directory.Directory;
import io.github.jmlidentity.cli.directory.SdkErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;

/**
 * The quarterly access review: every user with its groups, the account access they give and the access assigned to
 * the user directly, every group with its account assignments, and the findings: every direct assignment (it
 * bypasses the access rules) and, given an HR roster, the drift between the two.
 *
 * <p>API calls grow with pages, not with users: groups and their memberships are read group by group (100 per
 * page), account assignments with the cheaper {@link AssignmentStrategy} ({@link AssignmentPlan}), then users are
 * streamed page by page and written as they arrive. Held in memory: group names and assignments, the direct
 * assignments, and one small array of group indexes per user, never a row per user.
 *
 * @param progress where the steps are reported, or null for none
 * @param clock dates the report
 */
public record AccessReport(Directory directory, PrintWriter progress, Clock clock) {
    private static final int PROGRESS_EVERY = 10_000;

    public ReportSummary write(ReportWriter writer, Roster roster, String instanceArnOrNull) {
        return write(writer, roster, instanceArnOrNull, null);
    }

    /** @param strategyOrNull how to read the account assignments; null: the cheaper one */
    public ReportSummary write(ReportWriter writer, Roster roster, String instanceArnOrNull, AssignmentStrategy strategyOrNull) {
        try {
            return writeReport(writer, roster, instanceArnOrNull, strategyOrNull);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private ReportSummary writeReport(ReportWriter writer, Roster roster, String instanceArnOrNull,
                                      AssignmentStrategy strategyOrNull) throws IOException {
        String instanceArn = instanceArnOrNull != null ? instanceArnOrNull
                : directory.discoveredInstanceArn().orElseGet(this::discoverInstanceArn);
        List<Group> groups = directory.groups().sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName())).toList();
        step("groups: " + groups.size());
        long[] memberCounts = new long[groups.size()];
        Map<String, int[]> groupsOfUser = memberships(groups, memberCounts);
        long memberships = Arrays.stream(memberCounts).sum();
        step("memberships: " + memberships);

        AssignmentReader reader = new AssignmentReader(directory.clients().ssoAdmin(), instanceArn);
        List<AssignmentReader.Pair> pairs = reader.provisionedPairs();
        AssignmentPlan plan = AssignmentPlan.choose(strategyOrNull, groups.size(), groupsOfUser.size(), pairs.size(),
                reader.countingCalls());
        step(plan.describe());
        Assignments assignments = plan.strategy() == AssignmentStrategy.PER_PRINCIPAL
                ? perPrincipal(reader, groups) : perAccountPermissionSet(reader, pairs, groups);

        writer.begin(directory.identityStoreId(), instanceArn, clock.instant().toString());
        for (int i = 0; i < groups.size(); i++) {
            writer.group(new GroupAccess(groups.get(i).displayName(), groups.get(i).groupId(), memberCounts[i],
                    assignments.ofGroup().get(i)));
        }
        Counts counts = new Counts();
        Set<String> seenInRoster = new HashSet<>();
        directory.users().forEach(user -> {
            UserAccess access = userAccess(user, groups, assignments, groupsOfUser.getOrDefault(user.userId(), new int[0]),
                    roster, seenInRoster);
            counts.count(access);
            write(writer, access);
            if (counts.users % PROGRESS_EVERY == 0) {
                step("users: " + counts.users);
            }
        });
        step("users: " + counts.users);
        assignments.leftOver().ifPresent(this::step);
        long missing = 0;
        if (roster != null) {
            for (Roster.Entry entry : roster.entries()) {
                if (!seenInRoster.contains(entry.userName().toLowerCase(Locale.ROOT))) {
                    writer.missingFromDirectory(entry);
                    missing++;
                }
            }
        }
        ReportSummary summary = new ReportSummary(counts.users, groups.size(), memberships, counts.withDrift, counts.notInHr,
                missing, counts.withDirectAccess, counts.directAssignments, plan, directory.clients().apiCalls());
        writer.end(summary);
        return summary;
    }

    private UserAccess userAccess(User user, List<Group> groups, Assignments assignments, int[] memberOf,
                                  Roster roster, Set<String> seenInRoster) {
        Set<String> groupNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<Access> groupAccess = new ArrayList<>();
        for (int index : memberOf) {
            String groupName = groups.get(index).displayName();
            groupNames.add(groupName);
            assignments.ofGroup().get(index).forEach(access -> groupAccess.add(access.via(groupName)));
        }
        Collections.sort(groupAccess);
        List<Access> directAccess = assignments.ofUser(user);
        String email = user.hasEmails() && !user.emails().isEmpty() ? user.emails().get(0).value() : null;
        UserAccess.Drift drift;
        Roster.Entry expected = roster == null ? null : roster.find(user.userName());
        if (roster == null) {
            drift = new UserAccess.Drift(false, null, List.of(), List.of(), directAccess);
        } else if (expected == null) {
            drift = new UserAccess.Drift(true, null, List.of(), List.of(), directAccess);
        } else {
            seenInRoster.add(expected.userName().toLowerCase(Locale.ROOT));
            List<String> extra = groupNames.stream().filter(g -> !expected.expectedGroups().contains(g)).toList();
            List<String> missing = expected.expectedGroups().stream().filter(g -> !groupNames.contains(g)).toList();
            drift = new UserAccess.Drift(false, expected.employeeId(), extra, missing, directAccess);
        }
        return new UserAccess(user.userName(), user.userId(), user.displayName(), email, List.copyOf(groupNames),
                List.copyOf(groupAccess), directAccess, drift);
    }

    /** One ListAccountAssignmentsForPrincipal listing per group now, and one per user as users stream. */
    private Assignments perPrincipal(AssignmentReader reader, List<Group> groups) {
        List<List<Access>> ofGroup = new ArrayList<>();
        for (Group group : groups) {
            ofGroup.add(sorted(reader.ofPrincipal(PrincipalType.GROUP, group.groupId(), group.displayName())));
        }
        step("account assignments read for " + groups.size() + " groups (" + reader.permissionSetsNamed()
                + " permission sets); direct assignments are read per user");
        return new Assignments(ofGroup, user -> sorted(reader.ofPrincipal(PrincipalType.USER, user.userId(), user.userName())),
                Optional::empty);
    }

    /**
     * One ListAccountAssignments listing per provisioned pair; group assignments by group, user assignments held by
     * user id until the user streams past. What is left names principals the directory no longer has.
     */
    private Assignments perAccountPermissionSet(AssignmentReader reader, List<AssignmentReader.Pair> pairs, List<Group> groups) {
        Map<String, Integer> groupIndex = new HashMap<>();
        List<List<Access>> ofGroup = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            groupIndex.put(groups.get(i).groupId(), i);
            ofGroup.add(new ArrayList<>());
        }
        Map<String, List<Access>> ofUser = new HashMap<>();
        long groupAssignments = 0;
        long userAssignments = 0;
        long unknownGroups = 0;
        for (AssignmentReader.Assignment assignment : reader.perAccountPermissionSet(pairs)) {
            if (assignment.principalType() == PrincipalType.USER) {
                ofUser.computeIfAbsent(assignment.principalId(), id -> new ArrayList<>()).add(assignment.access());
                userAssignments++;
            } else if (groupIndex.containsKey(assignment.principalId())) {
                ofGroup.get(groupIndex.get(assignment.principalId())).add(assignment.access());
                groupAssignments++;
            } else {
                unknownGroups++;
            }
        }
        ofGroup.replaceAll(AccessReport::sorted);
        step("account assignments read for " + pairs.size() + " account × permission-set pairs: " + groupAssignments
                + " to groups, " + userAssignments + " to users directly (" + reader.permissionSetsNamed() + " permission sets)");
        long assignedToUnknownGroups = unknownGroups;
        return new Assignments(ofGroup, user -> {
            List<Access> direct = ofUser.remove(user.userId());
            return direct == null ? List.of() : sorted(direct);
        }, () -> {
            long orphans = ofUser.values().stream().mapToLong(List::size).sum();
            return orphans + assignedToUnknownGroups == 0 ? Optional.empty() : Optional.of(AssignmentPlan.count(orphans,
                    "direct assignment") + " (" + AssignmentPlan.count(ofUser.size(), "user") + ") and "
                    + AssignmentPlan.count(assignedToUnknownGroups, "group assignment") + " name principals not in the "
                    + "directory (left behind by deleted users or groups; not in the report)");
        });
    }

    private static List<Access> sorted(List<Access> accesses) {
        List<Access> copy = new ArrayList<>(accesses);
        Collections.sort(copy);
        return List.copyOf(copy);
    }

    /**
     * The assignments the report needs: per group index, and per user as users stream; {@code leftOver}, asked
     * after the users, says what named no principal of the directory.
     */
    private record Assignments(List<List<Access>> ofGroup, Function<User, List<Access>> direct,
                               Supplier<Optional<String>> leftOverNote) {
        List<Access> ofUser(User user) {
            return direct.apply(user);
        }

        Optional<String> leftOver() {
            return leftOverNote.get();
        }
    }

    private Map<String, int[]> memberships(List<Group> groups, long[] memberCounts) {
        Map<String, int[]> groupsOfUser = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            int index = i;
            directory.membersOf(groups.get(i).groupId()).forEach(membership -> {
                memberCounts[index]++;
                groupsOfUser.merge(membership.memberId().userId(), new int[] {index}, AccessReport::append);
            });
        }
        return groupsOfUser;
    }

    private static int[] append(int[] existing, int[] more) {
        int[] joined = Arrays.copyOf(existing, existing.length + more.length);
        System.arraycopy(more, 0, joined, existing.length, more.length);
        return joined;
    }

    private String discoverInstanceArn() {
        List<InstanceMetadata> instances = SdkErrors.attempt("discover the IAM Identity Center instance (sso-admin ListInstances)",
                () -> directory.clients().ssoAdmin().listInstancesPaginator(r -> { }).instances().stream().toList());
        return instances.stream().filter(i -> directory.identityStoreId().equals(i.identityStoreId()))
                .map(InstanceMetadata::instanceArn).findFirst()
                .orElseThrow(() -> new CliException("No IAM Identity Center instance uses identity store "
                        + directory.identityStoreId() + ": pass --instance-arn"));
    }

    private static void write(ReportWriter writer, UserAccess access) {
        try {
            writer.user(access);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private void step(String message) {
        if (progress != null) {
            progress.println("report: " + message);
            progress.flush();
        }
    }

    private static final class Counts {
        long users;
        long withDrift;
        long notInHr;
        long withDirectAccess;
        long directAssignments;

        void count(UserAccess access) {
            users++;
            if (!access.directAccess().isEmpty()) {
                withDirectAccess++;
                directAssignments += access.directAccess().size();
            }
            if (access.drift() != null && access.drift().any()) {
                withDrift++;
                if (access.drift().notInHr()) {
                    notInHr++;
                }
            }
        }
    }
}
