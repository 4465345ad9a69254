package io.github.jmlidentity.contract;

/**
 * What the leaver function does with a departed employee's user. The functions follow the access rules'
 * {@value #KEY}; the CDK app gives the leaver role DeleteUser only under {@link #DELETE}.
 */
public enum LeaverPolicy {
    /** Delete the user (its memberships go with it). */
    DELETE,
    /** Remove every managed membership and keep the user. */
    SUSPEND;

    /** The setting's name in access-rules.json and in the CDK context. */
    public static final String KEY = "leaverPolicy";
}
