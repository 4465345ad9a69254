package io.github.jmlidentity.cli.directory;

import io.github.jmlidentity.cli.CliException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;

/**
 * The identity store a command works on: name lookups that fail with the name in the message, and listings that
 * follow every NextToken (the API returns at most 100 items a page).
 *
 * @param discoveredInstanceArn the instance ARN when discovery found it, so a report need not ask ListInstances again
 */
public record Directory(IdentityCenterClients clients, String identityStoreId, Optional<String> discoveredInstanceArn) {

    /** Uses the given id, or discovers it when the account has exactly one IAM Identity Center instance. */
    public static Directory connect(IdentityCenterClients clients, String identityStoreId) {
        if (identityStoreId != null) {
            return new Directory(clients, identityStoreId, Optional.empty());
        }
        List<InstanceMetadata> instances = SdkErrors.attempt("discover the identity store (sso-admin ListInstances)",
                () -> clients.ssoAdmin().listInstancesPaginator(r -> { }).instances().stream().toList());
        if (instances.size() != 1) {
            throw new CliException(instances.isEmpty()
                    ? "No IAM Identity Center instance found in this account and region: pass --identitystoreid"
                    : "This account has " + instances.size() + " IAM Identity Center instances: pass --identitystoreid (one of "
                    + instances.stream().map(InstanceMetadata::identityStoreId).toList() + ")");
        }
        return new Directory(clients, instances.get(0).identityStoreId(), Optional.of(instances.get(0).instanceArn()));
    }

    public IdentitystoreClient client() {
        return clients.identityStore();
    }

    /** What a command names by its unique name (ignoring case): a user by its userName, a group by its displayName. */
    public enum Resource {
        USER("User", "userName"), GROUP("Group", "displayName");

        private final String label;
        private final String uniqueAttribute;

        Resource(String label, String uniqueAttribute) {
            this.label = label;
            this.uniqueAttribute = uniqueAttribute;
        }
    }

    /** The id of the user or group with this name, if there is one. */
    public Optional<String> findId(Resource kind, String name) {
        AlternateIdentifier key = AlternateIdentifier.builder().uniqueAttribute(u -> u.attributePath(kind.uniqueAttribute)
                .attributeValue(Document.fromString(name))).build();
        return find("look up " + kind.label.toLowerCase(Locale.ROOT) + " '" + name + "'", () -> switch (kind) {
            case USER -> client().getUserId(r -> r.identityStoreId(identityStoreId).alternateIdentifier(key)).userId();
            case GROUP -> client().getGroupId(r -> r.identityStoreId(identityStoreId).alternateIdentifier(key)).groupId();
        });
    }

    /** The id of the user or group with this name; none fails the command, naming it. */
    public String id(Resource kind, String name) {
        return findId(kind, name).orElseThrow(() -> new CliException(
                kind.label + " '" + name + "' not found in identity store " + identityStoreId));
    }

    /** Every user, page by page as the stream is consumed. */
    public Stream<User> users() {
        return translated("list users", () -> client().listUsersPaginator(r -> r.identityStoreId(identityStoreId)).users().stream());
    }

    public Stream<Group> groups() {
        return translated("list groups", () -> client().listGroupsPaginator(r -> r.identityStoreId(identityStoreId)).groups().stream());
    }

    public Stream<GroupMembership> membersOf(String groupId) {
        return translated("list the members of group " + groupId, () -> client().listGroupMembershipsPaginator(
                r -> r.identityStoreId(identityStoreId).groupId(groupId)).groupMemberships().stream());
    }

    public Stream<GroupMembership> membershipsOf(String userId) {
        return translated("list the groups of user " + userId, () -> client().listGroupMembershipsForMemberPaginator(
                r -> r.identityStoreId(identityStoreId).memberId(MemberId.fromUserId(userId))).groupMemberships().stream());
    }

    private static Optional<String> find(String action, Supplier<String> lookup) {
        return SdkErrors.attempt(action, () -> {
            try {
                return Optional.of(lookup.get());
            } catch (ResourceNotFoundException absent) {
                return Optional.<String>empty();
            }
        });
    }

    /** Paginators call the API while the stream is consumed: failures there get the same one-line message. */
    private static <T> Stream<T> translated(String action, Supplier<Stream<T>> source) {
        Iterator<T> pages = SdkErrors.attempt(action, () -> source.get().iterator());
        Iterator<T> safe = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return SdkErrors.attempt(action, pages::hasNext);
            }

            @Override
            public T next() {
                return SdkErrors.attempt(action, pages::next);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(safe, Spliterator.ORDERED), false);
    }
}
