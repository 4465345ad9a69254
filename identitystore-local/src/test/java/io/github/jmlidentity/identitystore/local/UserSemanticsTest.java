package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.model.Address;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.PhoneNumber;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.identitystore.model.ValidationException;

/** The user rules of the real Identity Store, through the real SDK client. */
class UserSemanticsTest extends SdkAgainstEmulatorTest {
    private static final String ENTERPRISE = "aws:identitystore:enterprise";


    @Test
    void anUnknownIdentityStoreIsResourceNotFound() {
        assertThatThrownBy(() -> client.listUsers(r -> r.identityStoreId("d-0000000000")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.resourceType()).isEqualTo(ResourceType.IDENTITY_STORE);
                    assertThat(e.resourceId()).isEqualTo("d-0000000000");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void userNamesAreUniqueIgnoringCase() {
        given.user("Jane.Doe");
        assertUniquenessConflict(() -> given.user("jane.doe"));
        assertThat(IDENTITY_STORE.server().data().users()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Administrator", "administrator", "AWSAdministrators"})
    void reservedUserNamesAreRefusedNamingTheField(String reserved) {
        assertThatThrownBy(() -> given.user(reserved))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("userName").hasMessageContaining("reserved");
    }

    @Test
    void userNameLongerThan128IsRefusedNamingTheFieldAnd128Fits() {
        given.user("u".repeat(128));
        assertThatThrownBy(() -> given.user("v".repeat(129)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'userName'").hasMessageContaining("128");
    }

    @Test
    void userNameWithWhitespaceOrControlCharactersIsRefused() {
        assertThatThrownBy(() -> given.user("jane doe")).isInstanceOf(ValidationException.class).hasMessageContaining("userName");
        assertThatThrownBy(() -> given.user("jane\u0007")).isInstanceOf(ValidationException.class).hasMessageContaining("userName");
    }

    @Test
    void missingDisplayNameOrGivenNameIsRefusedNamingTheField() {
        assertThatThrownBy(() -> client.createUser(given.userRequest("no.display").displayName(null).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("The attribute displayname is required");
        assertThatThrownBy(() -> client.createUser(given.userRequest("no.given").name(n -> n.familyName("X")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("The attribute givenname is required");
    }

    @Test
    void emailsAddressesAndPhoneNumbersHoldExactlyOneItem() {
        Email work = Email.builder().value("a@example.com").primary(true).build();
        Email home = Email.builder().value("b@example.com").build();
        assertThatThrownBy(() -> client.createUser(given.userRequest("two.emails").emails(work, home).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'emails'");
        Address address = Address.builder().locality("Paris").build();
        assertThatThrownBy(() -> client.createUser(given.userRequest("two.addresses").addresses(address, address).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'addresses'");
        PhoneNumber phone = PhoneNumber.builder().value("+33 1 23").build();
        assertThatThrownBy(() -> client.createUser(given.userRequest("two.phones").phoneNumbers(phone, phone).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'phoneNumbers'");
        assertThat(IDENTITY_STORE.server().stats().succeeded("CreateUser")).isZero();
    }

    @Test
    void updateUserChangesOnlyTheNamedPathsAndNullRemoves() {
        String userId = client.createUser(given.userRequest("mover").title("Engineer").preferredLanguage("en").build()).userId();
        client.updateUser(r -> r.identityStoreId(storeId).userId(userId).operations(
                op("displayName", Document.fromString("Moved Person")),
                op("name.givenName", Document.fromString("Morgan")),
                op("title", null),
                op("preferredLanguage", Document.fromString("fr")),
                op("emails", Document.fromList(List.of(Document.fromMap(Map.of(
                        "value", Document.fromString("moved@example.com"),
                        "type", Document.fromString("work"),
                        "primary", Document.fromBoolean(true))))))));
        DescribeUserResponse user = client.describeUser(r -> r.identityStoreId(storeId).userId(userId));
        assertThat(user.displayName()).isEqualTo("Moved Person");
        assertThat(user.name().givenName()).isEqualTo("Morgan");
        assertThat(user.name().familyName()).isEqualTo("mover");
        assertThat(user.title()).as("removed by a null value").isNull();
        assertThat(user.preferredLanguage()).isEqualTo("fr");
        assertThat(user.emails()).singleElement().satisfies(e -> {
            assertThat(e.value()).isEqualTo("moved@example.com");
            assertThat(e.primary()).isTrue();
        });
        assertThat(user.updatedAt()).isAfterOrEqualTo(user.createdAt());
        assertThat(client.getUserId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                u -> u.attributePath("emails.value").attributeValue(Document.fromString("moved@example.com"))))).userId())
                .as("the email index follows the update").isEqualTo(userId);
    }

    @Test
    void anUpdateThatWouldBreakARuleChangesNothing() {
        String userId = given.user("keeper");
        given.user("taken");
        assertThatThrownBy(() -> client.updateUser(r -> r.identityStoreId(storeId).userId(userId).operations(
                op("title", Document.fromString("Changed")), op("userName", Document.fromString("TAKEN")))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> client.updateUser(r -> r.identityStoreId(storeId).userId(userId).operations(
                op("title", Document.fromString("Changed")), op("displayName", null))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("displayname");
        assertThatThrownBy(() -> client.updateUser(r -> r.identityStoreId(storeId).userId(userId).operations(
                op("shoeSize", Document.fromString("42")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("shoeSize");
        assertThat(client.describeUser(r -> r.identityStoreId(storeId).userId(userId)).title()).isNull();
    }

    @Test
    void updateUserTakesAtMostOneHundredOperations() {
        String userId = given.user("many.ops");
        List<AttributeOperation> hundred = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> op("title", Document.fromString("T" + i))).toList();
        client.updateUser(r -> r.identityStoreId(storeId).userId(userId).operations(hundred));
        assertThat(client.describeUser(r -> r.identityStoreId(storeId).userId(userId)).title()).isEqualTo("T99");
        List<AttributeOperation> tooMany = new java.util.ArrayList<>(hundred);
        tooMany.add(op("title", Document.fromString("T100")));
        assertThatThrownBy(() -> client.updateUser(r -> r.identityStoreId(storeId).userId(userId).operations(tooMany)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("operations");
    }

    @Test
    void enterpriseExtensionIsStoredAndReturnedOnlyWhenAsked() {
        Document enterprise = Document.fromMap(Map.of(
                "employeeNumber", Document.fromString("E-1001"),
                "department", Document.fromString("Finance"),
                "costCenter", Document.fromString("CC-42"),
                "manager", Document.fromMap(Map.of("value", Document.fromString("E-0001")))));
        String userId = client.createUser(given.userRequest("with.extension")
                .extensions(Map.of(ENTERPRISE, enterprise)).build()).userId();

        DescribeUserResponse plain = client.describeUser(r -> r.identityStoreId(storeId).userId(userId));
        assertThat(plain.hasExtensions()).isFalse();
        DescribeUserResponse asked = client.describeUser(r -> r.identityStoreId(storeId).userId(userId).extensions(ENTERPRISE));
        Map<String, Document> stored = asked.extensions().get(ENTERPRISE).asMap();
        assertThat(stored.get("employeeNumber").asString()).isEqualTo("E-1001");
        assertThat(stored.get("manager").asMap().get("value").asString()).isEqualTo("E-0001");
        assertThat(client.listUsers(r -> r.identityStoreId(storeId).extensions(ENTERPRISE)).users())
                .singleElement().satisfies(u -> assertThat(u.extensions()).containsKey(ENTERPRISE));
        assertThat(client.listUsers(r -> r.identityStoreId(storeId)).users())
                .singleElement().satisfies(u -> assertThat(u.hasExtensions()).isFalse());

        client.updateUser(r -> r.identityStoreId(storeId).userId(userId).operations(
                op(ENTERPRISE + ".department", Document.fromString("Legal")),
                op(ENTERPRISE + ".costCenter", null)));
        Map<String, Document> updated = client.describeUser(r -> r.identityStoreId(storeId).userId(userId)
                .extensions(ENTERPRISE)).extensions().get(ENTERPRISE).asMap();
        assertThat(updated.get("department").asString()).isEqualTo("Legal");
        assertThat(updated).doesNotContainKey("costCenter").containsKey("employeeNumber");
    }

    @Test
    void anUnknownEnterpriseAttributeIsRefusedNamingIt() {
        Document enterprise = Document.fromMap(Map.of("shoeSize", Document.fromString("42")));
        assertThatThrownBy(() -> client.createUser(given.userRequest("bad.extension")
                .extensions(Map.of(ENTERPRISE, enterprise)).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("shoeSize");
    }

    @Test
    void getUserIdByUserNameIgnoresCaseAndUnknownIsNotFound() {
        String userId = given.user("Case.Person");
        assertThat(client.getUserId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                u -> u.attributePath("userName").attributeValue(Document.fromString("case.person"))))).userId())
                .isEqualTo(userId);
        assertThatThrownBy(() -> client.getUserId(r -> r.identityStoreId(storeId).alternateIdentifier(a -> a.uniqueAttribute(
                u -> u.attributePath("userName").attributeValue(Document.fromString("nobody"))))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo(ResourceType.USER));
    }

    private static AttributeOperation op(String path, Document value) {
        return AttributeOperation.builder().attributePath(path).attributeValue(value).build();
    }
}
