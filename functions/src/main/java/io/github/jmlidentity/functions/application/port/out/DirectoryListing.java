package io.github.jmlidentity.functions.application.port.out;

import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.reconcile.DirectoryGroup;

import java.util.List;
import java.util.function.Consumer;

/**
 * The Identity Store read in pages, for a reconcile: users, groups and group members, 100 per call, never one call
 * per user. Implementations throw {@link io.github.jmlidentity.identitycenter.DirectoryFailure}s only.
 */
public interface DirectoryListing {

    /** Every user, with the enterprise extension (employeeNumber, department, ...), page by page (ListUsers). */
    void forEachUser(Consumer<DirectoryUser> each);

    /** Every group (ListGroups, all pages). */
    List<DirectoryGroup> groups();

    /** Every member of the group (ListGroupMemberships, all pages). */
    void forEachMember(String groupId, Consumer<Member> each);

    /** One membership of a group. */
    record Member(String membershipId, String userId) {
    }
}
