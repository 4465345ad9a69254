package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.cli.directory.SdkErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;

/**
 * Reads account assignments from sso-admin, 100 a page, either per principal or per account × permission set (see
 * {@link AssignmentStrategy}), and counts the calls it makes to count the pairs. Permission set names are described
 * once each, on first use.
 */
final class AssignmentReader {
    private static final int PAGE = 100;

    private final SsoAdminClient ssoAdmin;
    private final String instanceArn;
    private final Map<String, String> permissionSetNames = new HashMap<>();
    private long countingCalls;

    AssignmentReader(SsoAdminClient ssoAdmin, String instanceArn) {
        this.ssoAdmin = ssoAdmin;
        this.instanceArn = instanceArn;
    }

    /** An account a permission set is provisioned to: where its assignments can be. */
    record Pair(String accountId, String permissionSetArn) {
    }

    /** An assignment as ListAccountAssignments returns it, with the permission set's name. */
    record Assignment(PrincipalType principalType, String principalId, Access access) {
    }

    /**
     * Every permission set and the accounts it is provisioned to (ListPermissionSets, then
     * ListAccountsForProvisionedPermissionSet per set). An account assignment provisions its permission set to its
     * account, so every assignment lies in one of these pairs.
     */
    List<Pair> provisionedPairs() {
        List<String> permissionSets = new ArrayList<>();
        SdkErrors.attempt("list the permission sets", () -> ssoAdmin.listPermissionSetsPaginator(r -> r.instanceArn(instanceArn)
                .maxResults(PAGE)).stream().forEach(page -> {
                    countingCalls++;
                    permissionSets.addAll(page.permissionSets());
                }));
        List<Pair> pairs = new ArrayList<>();
        for (String permissionSetArn : permissionSets) {
            SdkErrors.attempt("list the accounts of permission set " + permissionSetArn, () -> ssoAdmin
                    .listAccountsForProvisionedPermissionSetPaginator(r -> r.instanceArn(instanceArn)
                            .permissionSetArn(permissionSetArn).maxResults(PAGE)).stream().forEach(page -> {
                                countingCalls++;
                                page.accountIds().forEach(account -> pairs.add(new Pair(account, permissionSetArn)));
                            }));
        }
        return pairs;
    }

    /** The calls {@link #provisionedPairs()} made. */
    long countingCalls() {
        return countingCalls;
    }

    /** Per account × permission set: every assignment of every pair, groups and users alike. */
    List<Assignment> perAccountPermissionSet(List<Pair> pairs) {
        List<Assignment> assignments = new ArrayList<>();
        for (Pair pair : pairs) {
            SdkErrors.attempt("list the account assignments of account " + pair.accountId() + " and permission set "
                    + pair.permissionSetArn(), () -> ssoAdmin.listAccountAssignmentsPaginator(r -> r.instanceArn(instanceArn)
                            .accountId(pair.accountId()).permissionSetArn(pair.permissionSetArn()).maxResults(PAGE))
                    .accountAssignments().forEach(a -> assignments.add(
                            new Assignment(a.principalType(), a.principalId(), access(a)))));
        }
        return assignments;
    }

    /** Per principal: the assignments of one group or one user (ListAccountAssignmentsForPrincipal). */
    List<Access> ofPrincipal(PrincipalType type, String principalId, String name) {
        List<Access> accesses = new ArrayList<>();
        SdkErrors.attempt("list the account assignments of " + type.toString().toLowerCase(java.util.Locale.ROOT) + " '" + name + "'",
                () -> ssoAdmin.listAccountAssignmentsForPrincipalPaginator(r -> r.instanceArn(instanceArn)
                        .principalId(principalId).principalType(type).maxResults(PAGE)).accountAssignments()
                        .forEach(a -> accesses.add(Access.of(a.accountId(), permissionSetName(a.permissionSetArn())))));
        return accesses;
    }

    /** Permission sets named in the assignments read so far. */
    int permissionSetsNamed() {
        return permissionSetNames.size();
    }

    private Access access(AccountAssignment assignment) {
        return Access.of(assignment.accountId(), permissionSetName(assignment.permissionSetArn()));
    }

    private String permissionSetName(String arn) {
        return permissionSetNames.computeIfAbsent(arn, unnamed -> SdkErrors.attempt("describe permission set " + arn,
                () -> ssoAdmin.describePermissionSet(r -> r.instanceArn(instanceArn).permissionSetArn(arn))
                        .permissionSet().name()));
    }
}
