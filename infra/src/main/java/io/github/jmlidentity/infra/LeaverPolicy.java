package io.github.jmlidentity.infra;

/**
 * What the leaver function does with a departed employee's user (must match the leaver policy in
 * config/access-rules.json: the role only gets the permissions this policy needs).
 */
public enum LeaverPolicy {
    /** Remove every managed membership, then delete the user. */
    DELETE,
    /** Remove every managed membership and keep the user. */
    SUSPEND
}
