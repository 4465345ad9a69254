package io.github.jmlidentity.cli.report;

import java.util.Comparator;

/**
 * One account access from an account assignment: an AWS account and a permission set, reached through a group
 * ({@code group} names it) or assigned to the user directly ({@code group} is null).
 */
public record Access(String accountId, String permissionSet, String group) implements Comparable<Access> {
    private static final Comparator<Access> ORDER = Comparator.comparing(Access::accountId)
            .thenComparing(Access::permissionSet)
            .thenComparing(Access::group, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));

    static Access of(String accountId, String permissionSet) {
        return new Access(accountId, permissionSet, null);
    }

    Access via(String groupName) {
        return new Access(accountId, permissionSet, groupName);
    }

    /** "accountId/PermissionSetName". */
    public String label() {
        return accountId + "/" + permissionSet;
    }

    /** The label, and for group access the group it comes through: "222222222222/ReadOnly via Engineering". */
    public String describe() {
        return group == null ? label() : label() + " via " + group;
    }

    @Override
    public int compareTo(Access other) {
        return ORDER.compare(this, other);
    }
}
