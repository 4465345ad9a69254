package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.identitystore.model.ValidationException;

/** Error messages exactly as the real service writes them: clients and their tests match on these. */
class ServiceMessagesTest extends SdkAgainstEmulatorTest {
    private static final String MISSING_ID = "1234567890-00000000-0000-0000-0000-000000000000";

    @Test
    void aMissingUserGroupOrMembershipIsNamedByItsTypeOnly() {
        assertThatThrownBy(() -> client.describeUser(r -> r.identityStoreId(storeId).userId(MISSING_ID)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(message(e)).isEqualTo("USER not found.");
                    assertThat(e.resourceId()).isEqualTo(MISSING_ID);
                });
        assertThatThrownBy(() -> client.describeGroup(r -> r.identityStoreId(storeId).groupId(MISSING_ID)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(message(e)).isEqualTo("GROUP not found."));
        assertThatThrownBy(() -> client.describeGroupMembership(r -> r.identityStoreId(storeId).membershipId(MISSING_ID)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(message(e)).isEqualTo("GROUP_MEMBERSHIP not found."));
    }

    @Test
    void aLookupThatFindsNothingHasNoIdAndNeverPrintsNull() {
        String groupId = given.group("Team");
        String userId = given.user("loner");
        assertThatThrownBy(() -> client.getUserId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                u -> u.attributePath("userName").attributeValue(Document.fromString("nobody"))))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(message(e)).isEqualTo("USER not found.");
                    assertThat(e.resourceType()).isEqualTo(ResourceType.USER);
                    assertThat(e.resourceId()).isNull();
                });
        assertThatThrownBy(() -> client.getGroupId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                u -> u.attributePath("displayName").attributeValue(Document.fromString("Nobody's Group"))))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(message(e)).isEqualTo("GROUP not found."));
        assertThatThrownBy(() -> client.getGroupMembershipId(r -> r.identityStoreId(storeId).groupId(groupId)
                .memberId(MemberId.fromUserId(userId))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(message(e)).isEqualTo("GROUP_MEMBERSHIP not found.");
                    assertThat(e.getMessage()).doesNotContain("null");
                });
    }

    @Test
    void aUniquenessConflictNamesOnlyTheAttribute() {
        given.user("taken");
        String other = given.user("other");
        assertThatThrownBy(() -> given.user("TAKEN"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(message(e)).isEqualTo("Duplicate UserName"));
        assertThatThrownBy(() -> client.updateUser(r -> r.identityStoreId(storeId).userId(other).operations(
                op("userName", Document.fromString("taken")))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(message(e)).isEqualTo("Duplicate UserName"));
        given.group("Engineering");
        assertThatThrownBy(() -> given.group("engineering"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(message(e)).isEqualTo("Duplicate GroupDisplayName"));
    }

    @Test
    void everyMissingRequiredAttributeOfCreateUserIsListedInOneError() {
        assertThatThrownBy(() -> client.createUser(r -> r.identityStoreId(storeId).userName("username")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(message(e))
                        .isEqualTo("displayname: The attribute displayname is required, name: The attribute name is required"));
        assertThatThrownBy(() -> client.createUser(r -> r.identityStoreId(storeId).userName("username")
                .displayName("Display").name(n -> n.givenName("Given"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(message(e)).isEqualTo("familyname: The attribute familyname is required"));
        assertThatThrownBy(() -> client.createUser(r -> r.identityStoreId(storeId).displayName("Display")
                .name(n -> n.formatted("Only Formatted"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(message(e)).isEqualTo(
                        "familyname: The attribute familyname is required, givenname: The attribute givenname is required, "
                                + "username: The attribute username is required"));
        assertThat(IDENTITY_STORE.server().data().users()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName", "emails.value"})
    void getUserIdWithAnEmptyValueIsAValidationException(String attributePath) {
        given.user("someone");
        assertThatThrownBy(() -> client.getUserId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                u -> u.attributePath(attributePath).attributeValue(Document.fromString(""))))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("attributeValue").hasMessageContaining("greater than or equal to 1");
    }

    @Test
    void getGroupIdWithAnEmptyValueIsAValidationException() {
        given.group("Somebody's Group");
        assertThatThrownBy(() -> client.getGroupId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                u -> u.attributePath("displayName").attributeValue(Document.fromString(""))))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("attributeValue").hasMessageContaining("greater than or equal to 1");
    }

    private static String message(AwsServiceException e) {
        return e.awsErrorDetails().errorMessage();
    }

    private static AttributeOperation op(String path, Document value) {
        return AttributeOperation.builder().attributePath(path).attributeValue(value).build();
    }
}
