package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.domain.AttributeChange;
import io.github.jmlidentity.functions.domain.UserAttribute;
import io.github.jmlidentity.functions.domain.UserProfile;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.CreateUserRequest;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.Name;
import software.amazon.awssdk.services.identitystore.model.User;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping between the Identity Store's SDK model and the functions' domain: a described user to a
 * {@link UserProfile}, a profile to a CreateUser request, attribute changes to UpdateUser operations. The enterprise
 * extension carries employeeNumber, department, costCenter, division, organization and manager ({"value": ...}).
 */
final class IdentityStoreTranslator {

    /** The extensions DescribeUser must be asked for. */
    static final List<String> EXTENSIONS = List.of(UserAttribute.Enterprise.NAME);

    private IdentityStoreTranslator() {
    }

    static UserProfile profileOf(DescribeUserResponse user) {
        return profileOf(user.userName(), user.displayName(), user.name(), user.hasEmails() ? user.emails() : List.of(),
                user.title(), user.locale(), user.timezone(), user.preferredLanguage(), user.userType(),
                user.hasExtensions() ? user.extensions() : Map.of());
    }

    /** A user as ListUsers returns it (with the enterprise extension when it was asked for). */
    static UserProfile profileOf(User user) {
        return profileOf(user.userName(), user.displayName(), user.name(), user.hasEmails() ? user.emails() : List.of(),
                user.title(), user.locale(), user.timezone(), user.preferredLanguage(), user.userType(),
                user.hasExtensions() ? user.extensions() : Map.of());
    }

    private static UserProfile profileOf(String userName, String displayName, Name name, List<Email> emails,
                                         String title, String locale, String timezone, String preferredLanguage,
                                         String userType, Map<String, Document> extensions) {
        Map<UserAttribute, String> values = new EnumMap<>(UserAttribute.class);
        values.put(UserAttribute.USER_NAME, userName);
        values.put(UserAttribute.DISPLAY_NAME, displayName);
        if (name != null) {
            values.put(UserAttribute.GIVEN_NAME, name.givenName());
            values.put(UserAttribute.FAMILY_NAME, name.familyName());
        }
        if (!emails.isEmpty()) {
            values.put(UserAttribute.EMAIL, emails.get(0).value());
        }
        values.put(UserAttribute.TITLE, title);
        values.put(UserAttribute.LOCALE, locale);
        values.put(UserAttribute.TIMEZONE, timezone);
        values.put(UserAttribute.PREFERRED_LANGUAGE, preferredLanguage);
        values.put(UserAttribute.USER_TYPE, userType);
        Document enterprise = extensions.get(UserAttribute.Enterprise.NAME);
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


    /** The CreateUser request for {@code profile} (the caller adds the store id and the call's time limit). */
    static CreateUserRequest.Builder createUser(UserProfile profile) {
        CreateUserRequest.Builder request = CreateUserRequest.builder()
                .userName(profile.userName())
                .displayName(profile.get(UserAttribute.DISPLAY_NAME))
                .name(n -> n.givenName(profile.get(UserAttribute.GIVEN_NAME))
                        .familyName(profile.get(UserAttribute.FAMILY_NAME)))
                .title(profile.get(UserAttribute.TITLE))
                .locale(profile.get(UserAttribute.LOCALE))
                .timezone(profile.get(UserAttribute.TIMEZONE))
                .preferredLanguage(profile.get(UserAttribute.PREFERRED_LANGUAGE))
                .userType(profile.get(UserAttribute.USER_TYPE));
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
        return request;
    }

    /** One UpdateUser operation per change; a null value removes the attribute. */
    static List<AttributeOperation> operations(List<AttributeChange> changes) {
        List<AttributeOperation> operations = new ArrayList<>();
        for (AttributeChange change : changes) {
            operations.add(AttributeOperation.builder()
                    .attributePath(change.attribute().path())
                    .attributeValue(documentOf(change))
                    .build());
        }
        return operations;
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
}
