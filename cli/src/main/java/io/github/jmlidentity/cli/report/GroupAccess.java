package io.github.jmlidentity.cli.report;

import java.util.List;

/** A group, its member count and the account assignments it carries. */
public record GroupAccess(String name, String groupId, long members, List<Access> assignments) {
    /** "accountId/PermissionSetName" of each assignment. */
    public List<String> labels() {
        return assignments.stream().map(Access::label).toList();
    }
}
