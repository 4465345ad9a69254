package io.github.jmlidentity.functions.domain;

/** What a leaver does: delete the user, or suspend = remove every managed membership and keep the user. */
public enum LeaverPolicy {
    DELETE,
    SUSPEND
}
