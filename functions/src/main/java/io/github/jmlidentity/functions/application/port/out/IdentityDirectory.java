package io.github.jmlidentity.functions.application.port.out;

import io.github.jmlidentity.functions.domain.AttributeChange;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.UserProfile;

import java.util.List;
import java.util.Optional;

/**
 * The Identity Store, as the application needs it. Implementations throw {@link DirectoryFailure}s only.
 */
public interface IdentityDirectory {

    String identityStoreId();

    Optional<DirectoryUser> findUser(String userId);

    Optional<DirectoryUser> findUserByUserName(String userName);

    /**
     * The user whose (single) email address is {@code email}, if exactly one has it. Used by the mover to find a user
     * created outside jml-identity under an older user name. A directory that cannot search by email finds none.
     */
    default Optional<DirectoryUser> findUserByEmail(String email) {
        return Optional.empty();
    }

    /**
     * Every user whose enterprise employeeNumber is {@code employeeNumber}, found by reading all users page by page
     * (ListUsers cannot filter on it). Null when this directory cannot list its users: the caller then cannot prove
     * that the employee has no user.
     */
    default UserScan usersWithEmployeeNumber(String employeeNumber) {
        return null;
    }

    /** Creates the user; throws {@link UniquenessConflictException} when the user name exists (compared case-insensitively). */
    String createUser(UserProfile profile);

    /** Applies all changes in one call. */
    void updateUser(String userId, List<AttributeChange> changes);

    /** Deletes the user and, with it, its memberships. Succeeds if the user is already gone. */
    void deleteUser(String userId);

    /**
     * Groups just listed (by a reconcile): a directory that caches group ids and names may remember them, so that
     * the changes that follow need no GetGroupId or DescribeGroup. Nothing by default.
     */
    default void knowGroups(List<io.github.jmlidentity.functions.domain.reconcile.DirectoryGroup> groups) {
    }

    /** The group's id by display name (cached per container: groups are created rarely). */
    Optional<String> findGroupId(String displayName);

    String createGroup(String displayName, String description);

    /** Every membership of the user, all pages, with group display names resolved. */
    List<Membership> memberships(String userId);

    /** Adds the user to the group; an existing membership counts as success (a retried event converges). */
    void addMembership(String groupId, String userId);

    /** Removes a membership; one already gone counts as success. */
    void removeMembership(String membershipId);
}
