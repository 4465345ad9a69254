package io.github.jmlidentity.functions.domain.reconcile;

/** A group as listed from the Identity Store. */
public record DirectoryGroup(String groupId, String displayName) {
}
