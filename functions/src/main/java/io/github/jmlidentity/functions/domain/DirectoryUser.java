package io.github.jmlidentity.functions.domain;

/** A user as read from the Identity Store. */
public record DirectoryUser(String userId, UserProfile profile) {

    public String userName() {
        return profile.userName();
    }
}
