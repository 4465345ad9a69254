package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.functions.application.port.out.UserScan;
import io.github.jmlidentity.functions.domain.AttributeChange;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.UserProfile;
import io.github.jmlidentity.identitycenter.DirectoryFailure.Kind;
import io.github.jmlidentity.identitycenter.DirectoryFailure;
import io.github.jmlidentity.identitycenter.ResourceMissingException;
import io.github.jmlidentity.identitycenter.UniquenessConflictException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.CreateUserRequest;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsForMemberResponse;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.UniqueAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.github.jmlidentity.functions.adapter.out.SdkCalls.call;

/**
 * The Identity Store through the AWS SDK v2. Group ids are cached for the life of the container: groups change
 * rarely and GetGroupId per membership would double the API calls of every event.
 */
public final class SdkIdentityDirectory implements IdentityDirectory {

    private final IdentitystoreClient client;
    private final String identityStoreId;
    private final Map<String, String> groupIdsByName = new ConcurrentHashMap<>();
    private final Map<String, String> groupNamesById = new ConcurrentHashMap<>();

    public SdkIdentityDirectory(IdentitystoreClient client, String identityStoreId) {
        this.client = client;
        this.identityStoreId = identityStoreId;
    }

    @Override
    public String identityStoreId() {
        return identityStoreId;
    }

    @Override
    public Optional<DirectoryUser> findUser(String userId) {
        try {
            DescribeUserResponse user = call("DescribeUser " + userId, () -> client.describeUser(r -> r
                    .identityStoreId(identityStoreId).userId(userId).extensions(IdentityStoreTranslator.EXTENSIONS)
                    .overrideConfiguration(deadline())));
            return Optional.of(new DirectoryUser(userId, IdentityStoreTranslator.profileOf(user)));
        } catch (ResourceMissingException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<DirectoryUser> findUserByUserName(String userName) {
        return findUserBy("userName", userName, "GetUserId userName=" + userName);
    }

    @Override
    public Optional<DirectoryUser> findUserByEmail(String email) {
        return findUserBy("emails.value", email, "GetUserId emails.value");
    }

    /** GetUserId by a unique attribute, then DescribeUser (the profile is needed to plan). */
    private Optional<DirectoryUser> findUserBy(String attributePath, String value, String action) {
        String userId;
        try {
            userId = call(action, () -> client.getUserId(r -> r
                    .identityStoreId(identityStoreId)
                    .alternateIdentifier(AlternateIdentifier.fromUniqueAttribute(UniqueAttribute.builder()
                            .attributePath(attributePath).attributeValue(Document.fromString(value)).build()))
                    .overrideConfiguration(deadline()))).userId();
        } catch (ResourceMissingException e) {
            return Optional.empty();
        }
        return findUser(userId);
    }

    @Override
    public UserScan usersWithEmployeeNumber(String employeeNumber) {
        List<DirectoryUser> matches = new ArrayList<>();
        long[] scanned = {0};
        int pages = TokenPages.each(token -> call("ListUsers (looking for employeeNumber " + employeeNumber + ")",
                () -> client.listUsers(r -> r.identityStoreId(identityStoreId).maxResults(100).nextToken(token)
                        .extensions(IdentityStoreTranslator.EXTENSIONS).overrideConfiguration(deadline()))),
                ListUsersResponse::nextToken, page -> {
                    for (User user : page.users()) {
                        scanned[0]++;
                        UserProfile profile = IdentityStoreTranslator.profileOf(user);
                        if (employeeNumber.equals(profile.employeeNumber())) {
                            matches.add(new DirectoryUser(user.userId(), profile));
                        }
                    }
                });
        return new UserScan(matches, scanned[0], pages);
    }

    @Override
    public String createUser(UserProfile profile) {
        CreateUserRequest request = IdentityStoreTranslator.createUser(profile).identityStoreId(identityStoreId)
                .overrideConfiguration(deadline()).build();
        return call("CreateUser " + profile.userName(), () -> client.createUser(request)).userId();
    }

    @Override
    public void updateUser(String userId, List<AttributeChange> changes) {
        List<AttributeOperation> operations = IdentityStoreTranslator.operations(changes);
        call("UpdateUser " + userId, () -> client.updateUser(r -> r.identityStoreId(identityStoreId).userId(userId)
                .operations(operations).overrideConfiguration(deadline())));
    }

    @Override
    public void deleteUser(String userId) {
        try {
            call("DeleteUser " + userId, () -> client.deleteUser(r -> r.identityStoreId(identityStoreId)
                    .userId(userId).overrideConfiguration(deadline())));
        } catch (ResourceMissingException alreadyGone) {
            // A retried leaver: the user was deleted by the earlier attempt.
        }
    }

    @Override
    public Optional<String> findGroupId(String displayName) {
        String key = displayName.toLowerCase(Locale.ROOT);
        String cached = groupIdsByName.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            String id = call("GetGroupId displayName=" + displayName, () -> client.getGroupId(r -> r
                    .identityStoreId(identityStoreId)
                    .alternateIdentifier(AlternateIdentifier.fromUniqueAttribute(UniqueAttribute.builder()
                            .attributePath("displayName").attributeValue(Document.fromString(displayName)).build()))
                    .overrideConfiguration(deadline()))).groupId();
            remember(displayName, id);
            return Optional.of(id);
        } catch (ResourceMissingException e) {
            return Optional.empty();
        }
    }

    @Override
    public void knowGroups(List<io.github.jmlidentity.functions.domain.reconcile.DirectoryGroup> groups) {
        groups.forEach(group -> remember(group.displayName(), group.groupId()));
    }

    @Override
    public String createGroup(String displayName, String description) {
        try {
            String id = call("CreateGroup " + displayName, () -> client.createGroup(r -> r
                    .identityStoreId(identityStoreId).displayName(displayName).description(description)
                    .overrideConfiguration(deadline()))).groupId();
            remember(displayName, id);
            return id;
        } catch (UniquenessConflictException createdConcurrently) {
            return findGroupId(displayName).orElseThrow(() -> createdConcurrently);
        }
    }

    @Override
    public List<Membership> memberships(String userId) {
        List<GroupMembership> found = new ArrayList<>();
        TokenPages.each(token -> call("ListGroupMembershipsForMember " + userId,
                () -> client.listGroupMembershipsForMember(r -> r.identityStoreId(identityStoreId)
                        .memberId(MemberId.fromUserId(userId)).maxResults(100).nextToken(token)
                        .overrideConfiguration(deadline()))),
                ListGroupMembershipsForMemberResponse::nextToken, page -> found.addAll(page.groupMemberships()));
        List<Membership> memberships = new ArrayList<>();
        for (GroupMembership m : found) {
            memberships.add(new Membership(m.membershipId(), m.groupId(), groupName(m.groupId())));
        }
        return memberships;
    }

    @Override
    public void addMembership(String groupId, String userId) {
        try {
            call("CreateGroupMembership group " + groupId + " user " + userId, () -> client.createGroupMembership(r -> r
                    .identityStoreId(identityStoreId).groupId(groupId).memberId(MemberId.fromUserId(userId))
                    .overrideConfiguration(deadline())));
        } catch (UniquenessConflictException alreadyMember) {
            // ConflictException on a membership: the user is already in the group (a retried or duplicate event).
        } catch (ResourceMissingException e) {
            if ("GROUP".equals(e.resource().type())) {
                // The cached id is stale (group deleted and re-created): forget it; the retry resolves it again.
                forgetGroup(groupId);
                throw new DirectoryFailure(Kind.NOT_FOUND, e.errorType(), e.getMessage(), e.serviceMessage(), true, e);
            }
            throw e;
        }
    }

    @Override
    public void removeMembership(String membershipId) {
        try {
            call("DeleteGroupMembership " + membershipId, () -> client.deleteGroupMembership(r -> r
                    .identityStoreId(identityStoreId).membershipId(membershipId).overrideConfiguration(deadline())));
        } catch (ResourceMissingException alreadyGone) {
            // Removed by an earlier attempt of this event.
        }
    }

    private String groupName(String groupId) {
        String cached = groupNamesById.get(groupId);
        if (cached != null) {
            return cached;
        }
        try {
            String name = call("DescribeGroup " + groupId, () -> client.describeGroup(r -> r
                    .identityStoreId(identityStoreId).groupId(groupId).overrideConfiguration(deadline())))
                    .displayName();
            remember(name, groupId);
            return name;
        } catch (ResourceMissingException deletedMeanwhile) {
            return null;
        }
    }

    private void remember(String displayName, String groupId) {
        groupIdsByName.put(displayName.toLowerCase(Locale.ROOT), groupId);
        groupNamesById.put(groupId, displayName);
    }

    private void forgetGroup(String groupId) {
        String name = groupNamesById.remove(groupId);
        if (name != null) {
            groupIdsByName.remove(name.toLowerCase(Locale.ROOT));
        }
    }

    private static AwsRequestOverrideConfiguration deadline() {
        return InvocationScope.requestOverrides();
    }
}
