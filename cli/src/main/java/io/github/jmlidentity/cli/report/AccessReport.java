package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.cli.CliException;
import io.github.jmlidentity.cli.directory.Directory;
import io.github.jmlidentity.cli.directory.SdkErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;

/**
 * The quarterly access review: every user with its groups and the account access they give, every group with its
 * account assignments, and, given an HR roster, the drift between the two.
 *
 * <p>API calls grow with pages, not with users: groups and their memberships are read group by group (100 per
 * page), then users are streamed page by page and written as they arrive. Held in memory: group names and
 * assignments, and one small array of group indexes per user, never a row per user.
 */
public final class AccessReport {
    private static final int PROGRESS_EVERY = 10_000;

    private final Directory directory;
    private final PrintWriter progress;

    public AccessReport(Directory directory, PrintWriter progress) {
        this.directory = directory;
        this.progress = progress;
    }

    public ReportSummary write(ReportWriter writer, Roster roster, String instanceArnOrNull) {
        try {
            return writeReport(writer, roster, instanceArnOrNull);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private ReportSummary writeReport(ReportWriter writer, Roster roster, String instanceArnOrNull) throws IOException {
        String instanceArn = instanceArnOrNull != null ? instanceArnOrNull
                : directory.discoveredInstanceArn().orElseGet(this::discoverInstanceArn);
        List<Group> groups = directory.groups().sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName())).toList();
        step("groups: " + groups.size());
        Map<String, Integer> groupIndex = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            groupIndex.put(groups.get(i).groupId(), i);
        }
        List<List<String>> assignments = assignments(instanceArn, groups);
        long[] memberCounts = new long[groups.size()];
        Map<String, int[]> groupsOfUser = memberships(groups, memberCounts);
        long memberships = Arrays.stream(memberCounts).sum();
        step("memberships: " + memberships);

        writer.begin(directory.identityStoreId(), instanceArn, Instant.now().toString());
        for (int i = 0; i < groups.size(); i++) {
            writer.group(new GroupAccess(groups.get(i).displayName(), groups.get(i).groupId(), memberCounts[i], assignments.get(i)));
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
                missing, directory.clients().apiCalls());
        writer.end(summary);
        return summary;
    }

    private UserAccess userAccess(User user, List<Group> groups, List<List<String>> assignments, int[] memberOf,
                                  Roster roster, Set<String> seenInRoster) {
        Set<String> groupNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> access = new TreeSet<>();
        for (int index : memberOf) {
            groupNames.add(groups.get(index).displayName());
            access.addAll(assignments.get(index));
        }
        String email = user.hasEmails() && !user.emails().isEmpty() ? user.emails().get(0).value() : null;
        UserAccess.Drift drift = null;
        if (roster != null) {
            Roster.Entry expected = roster.find(user.userName());
            if (expected == null) {
                drift = new UserAccess.Drift(true, null, List.of(), List.of());
            } else {
                seenInRoster.add(expected.userName().toLowerCase(Locale.ROOT));
                List<String> extra = groupNames.stream().filter(g -> !expected.expectedGroups().contains(g)).toList();
                Set<String> actual = groupNames;
                List<String> missing = expected.expectedGroups().stream().filter(g -> !actual.contains(g)).toList();
                drift = new UserAccess.Drift(false, expected.employeeId(), extra, missing);
            }
        }
        return new UserAccess(user.userName(), user.userId(), user.displayName(), email, List.copyOf(groupNames),
                List.copyOf(access), drift);
    }

    /** Per group, "accountId/PermissionSetName" of each account assignment; permission sets described once each. */
    private List<List<String>> assignments(String instanceArn, List<Group> groups) {
        SsoAdminClient ssoAdmin = directory.clients().ssoAdmin();
        Map<String, String> permissionSetNames = new HashMap<>();
        List<List<String>> result = new ArrayList<>();
        for (Group group : groups) {
            List<String> ofGroup = new ArrayList<>();
            SdkErrors.attempt("list the account assignments of group '" + group.displayName() + "'", () ->
                    ssoAdmin.listAccountAssignmentsForPrincipalPaginator(r -> r.instanceArn(instanceArn)
                            .principalId(group.groupId()).principalType(PrincipalType.GROUP)).accountAssignments()
                            .forEach(a -> ofGroup.add(a.accountId() + "/" + permissionSetNames.computeIfAbsent(
                                    a.permissionSetArn(), arn -> SdkErrors.attempt("describe permission set " + arn, () -> ssoAdmin
                                            .describePermissionSet(r -> r.instanceArn(instanceArn).permissionSetArn(arn))
                                            .permissionSet().name())))));
            Collections.sort(ofGroup);
            result.add(List.copyOf(ofGroup));
        }
        step("account assignments read for " + groups.size() + " groups (" + permissionSetNames.size() + " permission sets)");
        return result;
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

        void count(UserAccess access) {
            users++;
            if (access.drift() != null && access.drift().any()) {
                withDrift++;
                if (access.drift().notInHr()) {
                    notInHr++;
                }
            }
        }
    }
}
