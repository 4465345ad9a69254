package io.github.jmlidentity.cli.report;

import java.util.List;

/** A group, its member count and the account assignments it carries ("accountId/PermissionSetName"). */
public record GroupAccess(String name, String groupId, long members, List<String> assignments) {
}
