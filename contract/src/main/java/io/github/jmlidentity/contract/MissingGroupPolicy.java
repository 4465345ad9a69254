package io.github.jmlidentity.contract;

/**
 * What happens when the access rules grant a group that does not exist in the Identity Store. The functions follow
 * the access rules' {@value #KEY}; the CDK app gives the joiner and mover roles CreateGroup only under {@link #CREATE}.
 */
public enum MissingGroupPolicy {
    /** Fail the event with a reason naming the group (the default: a typo must not silently create groups). */
    FAIL,
    /** Create the group, then add the membership. */
    CREATE;

    /** The setting's name in access-rules.json and in the CDK context. */
    public static final String KEY = "missingGroupPolicy";
}
