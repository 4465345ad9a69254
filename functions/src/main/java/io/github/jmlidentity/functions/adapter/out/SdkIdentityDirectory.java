package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.domain.AttributeChange;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.UserAttribute;
import io.github.jmlidentity.functions.domain.UserProfile;
import io.github.jmlidentity.functions.port.DirectoryFailure;
import io.github.jmlidentity.functions.port.IdentityDirectory;
import io.github.jmlidentity.functions.port.ResourceMissingException;
import io.github.jmlidentity.functions.port.UniquenessConflictException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.CreateUserRequest;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsForMemberResponse;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.UniqueAttribute;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Identity Store through the AWS SDK v2. Group ids are cached for the life of the container: groups change
 * rarely and GetGroupId per membership would double the API calls of every event.
 */
public final class SdkIdentityDirectory implements IdentityDirectory {

    private static final List<String> ENTERPRISE = List.of(UserAttribute.Enterprise.NAME);

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
                    .identityStoreId(identityStoreId).userId(userId).extensions(ENTERPRISE)
                    .overrideConfiguration(deadline())));
            return Optional.of(new DirectoryUser(userId, profileOf(user)));
        } catch (ResourceMissingException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<DirectoryUser> findUserByUserName(String userName) {
        String userId;
        try {
            userId = call("GetUserId userName=" + userName, () -> client.getUserId(r -> r
                    .identityStoreId(identityStoreId)
                    .alternateIdentifier(AlternateIdentifier.fromUniqueAttribute(UniqueAttribute.builder()
                            .attributePath("userName").attributeValue(Document.fromString(userName)).build()))
                    .overrideConfiguration(deadline()))).userId();
        } catch (ResourceMissingException e) {
            return Optional.empty();
        }
        return findUser(userId);
    }

    @Override
    public Optional<DirectoryUser> findUserByEmail(String email) {
        String userId;
        try {
            userId = call("GetUserId emails.value", () -> client.getUserId(r -> r
                    .identityStoreId(identityStoreId)
                    .alternateIdentifier(AlternateIdentifier.fromUniqueAttribute(UniqueAttribute.builder()
                            .attributePath("emails.value").attributeValue(Document.fromString(email)).build()))
                    .overrideConfiguration(deadline()))).userId();
        } catch (ResourceMissingException e) {
            return Optional.empty();
        }
        return findUser(userId);
    }

    @Override
    public String createUser(UserProfile profile) {
        CreateUserRequest.Builder request = CreateUserRequest.builder()
                .identityStoreId(identityStoreId)
                .userName(profile.userName())
                .displayName(profile.get(UserAttribute.DISPLAY_NAME))
                .name(n -> n.givenName(profile.get(UserAttribute.GIVEN_NAME))
                        .familyName(profile.get(UserAttribute.FAMILY_NAME)))
                .title(profile.get(UserAttribute.TITLE))
                .locale(profile.get(UserAttribute.LOCALE))
                .timezone(profile.get(UserAttribute.TIMEZONE))
                .preferredLanguage(profile.get(UserAttribute.PREFERRED_LANGUAGE))
                .userType(profile.get(UserAttribute.USER_TYPE))
                .overrideConfiguration(deadline());
        if (profile.get(UserAttribute.EMAIL) != null) {
            request.emails(workEmail(profile.get(UserAttribute.EMAIL)));
        }
        Map<String, Document> enterprise = new LinkedHashMap<>();
        for (UserAttribute attribute : UserAttribute.values()) {
            if (attribute.isEnterprise() && profile.get(attribute) != null) {
                enterprise.put(attribute.enterpriseField(), enterpriseValue(attribute, profile.get(attribute)));
            }
        }
        if (!enterprise.isEmpty()) {
            request.extensions(Map.of(UserAttribute.Enterprise.NAME, Document.fromMap(enterprise)));
        }
        return call("CreateUser " + profile.userName(), () -> client.createUser(request.build())).userId();
    }

    @Override
    public void updateUser(String userId, List<AttributeChange> changes) {
        List<AttributeOperation> operations = new ArrayList<>();
        for (AttributeChange change : changes) {
            operations.add(AttributeOperation.builder()
                    .attributePath(change.attribute().path())
                    .attributeValue(documentOf(change))
                    .build());
        }
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
        String nextToken = null;
        do {
            // Page by page rather than through the SDK paginator, which would reuse the first request and so its
            // time limit: each page gets the invocation's time left when it is requested.
            String token = nextToken;
            ListGroupMembershipsForMemberResponse page = call("ListGroupMembershipsForMember " + userId,
                    () -> client.listGroupMembershipsForMember(r -> r.identityStoreId(identityStoreId)
                            .memberId(MemberId.fromUserId(userId)).maxResults(100).nextToken(token)
                            .overrideConfiguration(deadline())));
            found.addAll(page.groupMemberships());
            nextToken = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (nextToken != null);
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
            if ("GROUP".equals(e.resourceType())) {
                // The cached id is stale (group deleted and re-created): forget it; the retry resolves it again.
                forgetGroup(groupId);
                throw new DirectoryFailure("ResourceNotFoundException", e.getMessage(), true, e);
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

    private static UserProfile profileOf(DescribeUserResponse user) {
        Map<UserAttribute, String> values = new EnumMap<>(UserAttribute.class);
        values.put(UserAttribute.USER_NAME, user.userName());
        values.put(UserAttribute.DISPLAY_NAME, user.displayName());
        if (user.name() != null) {
            values.put(UserAttribute.GIVEN_NAME, user.name().givenName());
            values.put(UserAttribute.FAMILY_NAME, user.name().familyName());
        }
        if (user.hasEmails() && !user.emails().isEmpty()) {
            values.put(UserAttribute.EMAIL, user.emails().get(0).value());
        }
        values.put(UserAttribute.TITLE, user.title());
        values.put(UserAttribute.LOCALE, user.locale());
        values.put(UserAttribute.TIMEZONE, user.timezone());
        values.put(UserAttribute.PREFERRED_LANGUAGE, user.preferredLanguage());
        values.put(UserAttribute.USER_TYPE, user.userType());
        Document enterprise = user.hasExtensions() ? user.extensions().get(UserAttribute.Enterprise.NAME) : null;
        if (enterprise != null && enterprise.isMap()) {
            Map<String, Document> fields = enterprise.asMap();
            for (UserAttribute attribute : UserAttribute.values()) {
                if (attribute.isEnterprise()) {
                    values.put(attribute, enterpriseText(fields.get(attribute.enterpriseField())));
                }
            }
        }
        return new UserProfile(values);
    }

    private static String enterpriseText(Document value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isMap()) {
            Document inner = value.asMap().get("value");
            return inner == null || inner.isNull() ? null : inner.asString();
        }
        return value.isString() ? value.asString() : value.toString();
    }

    /** The manager is a complex attribute {"value": ...}; the other enterprise fields are strings. */
    private static Document enterpriseValue(UserAttribute attribute, String value) {
        if (attribute == UserAttribute.MANAGER) {
            return Document.fromMap(Map.of("value", Document.fromString(value)));
        }
        return Document.fromString(value);
    }

    private static Document documentOf(AttributeChange change) {
        if (change.value() == null) {
            return Document.fromNull();
        }
        if (change.attribute() == UserAttribute.EMAIL) {
            return Document.fromList(List.of(Document.fromMap(Map.of(
                    "value", Document.fromString(change.value()),
                    "type", Document.fromString("work"),
                    "primary", Document.fromBoolean(true)))));
        }
        if (change.attribute().isEnterprise()) {
            return enterpriseValue(change.attribute(), change.value());
        }
        return Document.fromString(change.value());
    }

    private static Email workEmail(String address) {
        return Email.builder().value(address).type("work").primary(true).build();
    }

    private static AwsRequestOverrideConfiguration deadline() {
        return InvocationScope.requestOverrides();
    }

    private static <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw ExceptionTranslator.translate(e, action);
        }
    }
}
