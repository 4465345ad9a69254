package io.github.jmlidentity.infra;

/**
 * What the joiner does when the access rules grant a group that does not exist in the Identity Store
 * (must match the missing-group policy in config/access-rules.json).
 */
public enum MissingGroupPolicy {
    /** Fail the event with a clear reason; the joiner role cannot create groups. */
    FAIL,
    /** Create the group; the joiner role gets identitystore:CreateGroup. */
    CREATE
}
