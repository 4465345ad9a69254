package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.DirectoryListing;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.reconcile.DirectoryGroup;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsResponse;
import software.amazon.awssdk.services.identitystore.model.ListGroupsResponse;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;
import software.amazon.awssdk.services.identitystore.model.User;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.github.jmlidentity.functions.adapter.out.SdkCalls.call;

/**
 * The Identity Store listed in pages of 100 through the AWS SDK v2 (ListUsers with the enterprise extension,
 * ListGroups, ListGroupMemberships). Page by page rather than through the SDK paginators, so that each page gets
 * the time left when it is requested (see InvocationScope, TokenPages) and nothing but the current page is held.
 */
public final class SdkDirectoryListing implements DirectoryListing {

    private static final int PAGE = 100;

    private final IdentitystoreClient client;
    private final String identityStoreId;

    public SdkDirectoryListing(IdentitystoreClient client, String identityStoreId) {
        this.client = client;
        this.identityStoreId = identityStoreId;
    }

    @Override
    public void forEachUser(Consumer<DirectoryUser> each) {
        TokenPages.each(token -> call("ListUsers", () -> client.listUsers(r -> r.identityStoreId(identityStoreId)
                        .extensions(IdentityStoreTranslator.EXTENSIONS).maxResults(PAGE).nextToken(token)
                        .overrideConfiguration(InvocationScope.requestOverrides()))),
                ListUsersResponse::nextToken, page -> {
                    for (User user : page.users()) {
                        each.accept(new DirectoryUser(user.userId(), IdentityStoreTranslator.profileOf(user)));
                    }
                });
    }

    @Override
    public List<DirectoryGroup> groups() {
        List<DirectoryGroup> groups = new ArrayList<>();
        TokenPages.each(token -> call("ListGroups", () -> client.listGroups(r -> r.identityStoreId(identityStoreId)
                        .maxResults(PAGE).nextToken(token).overrideConfiguration(InvocationScope.requestOverrides()))),
                ListGroupsResponse::nextToken, page -> {
                    for (Group group : page.groups()) {
                        groups.add(new DirectoryGroup(group.groupId(), group.displayName()));
                    }
                });
        return groups;
    }

    @Override
    public void forEachMember(String groupId, Consumer<Member> each) {
        TokenPages.each(token -> call("ListGroupMemberships " + groupId,
                        () -> client.listGroupMemberships(r -> r.identityStoreId(identityStoreId).groupId(groupId)
                                .maxResults(PAGE).nextToken(token).overrideConfiguration(InvocationScope.requestOverrides()))),
                ListGroupMembershipsResponse::nextToken, page -> {
                    for (GroupMembership membership : page.groupMemberships()) {
                        if (membership.memberId() != null && membership.memberId().userId() != null) {
                            each.accept(new Member(membership.membershipId(), membership.memberId().userId()));
                        }
                    }
                });
    }
}
