package io.github.jmlidentity.functions.domain;

/** What happens when a rule grants a group that does not exist in the Identity Store. */
public enum MissingGroupPolicy {
    /** Fail the event with a reason naming the group (the default: a typo must not silently create groups). */
    FAIL,
    /** Create the group, then add the membership. */
    CREATE
}
