package io.github.jmlidentity.contract;

/**
 * What the leaver does with the account assignments made to a departed employee's user directly (not through a
 * group). The functions follow the access rules' {@value #KEY}; the CDK app gives the leaver role the sso-admin
 * actions that remove them only under {@link #REMOVE}.
 */
public enum DirectAssignmentPolicy {
    /** Remove them before the user is deleted or suspended (the default: a direct assignment bypasses the rules). */
    REMOVE,
    /** Leave them; the leaver makes no sso-admin call. */
    KEEP;

    /** The setting's name in access-rules.json and in the CDK context. */
    public static final String KEY = "directAssignments";
}
