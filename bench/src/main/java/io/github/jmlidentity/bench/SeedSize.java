package io.github.jmlidentity.bench;

/** How large a directory a scale benchmark seeds: the figures every scale result starts with. */
interface SeedSize {

    int users();

    int groups();

    long memberships();

    /** Adds the users, groups and memberships figures to {@code result}. */
    default void addTo(BenchResult result) {
        result.figure("users", users());
        result.figure("groups", groups());
        result.figure("memberships", memberships());
    }
}
