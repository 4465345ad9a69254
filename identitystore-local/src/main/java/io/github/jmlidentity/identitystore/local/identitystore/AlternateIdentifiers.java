package io.github.jmlidentity.identitystore.local.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;

/** Reads the AlternateIdentifier union of GetUserId and GetGroupId. */
final class AlternateIdentifiers {

    /** Exactly one of the union's members is set. */
    record Identifier(String issuer, String externalId, String attributePath, String attributeValue) {
        boolean isExternal() {
            return issuer != null;
        }
    }

    private AlternateIdentifiers() {
    }

    static Identifier read(Request request) {
        var union = request.requiredObject("AlternateIdentifier");
        JsonNode external = union.get("ExternalId");
        JsonNode unique = union.get("UniqueAttribute");
        boolean hasExternal = external != null && !external.isNull();
        boolean hasUnique = unique != null && !unique.isNull();
        if (hasExternal == hasUnique) {
            throw ApiError.invalidMember("alternateIdentifier", "Exactly one of ExternalId or UniqueAttribute must be set");
        }
        if (hasExternal) {
            return new Identifier(
                    StringConstraint.EXTERNAL_ID_PART.check("alternateIdentifier.externalId.issuer", textOf(external, "Issuer", "externalId.issuer")),
                    StringConstraint.EXTERNAL_ID_PART.check("alternateIdentifier.externalId.id", textOf(external, "Id", "externalId.id")),
                    null, null);
        }
        String path = StringConstraint.ATTRIBUTE_PATH.check("alternateIdentifier.uniqueAttribute.attributePath",
                textOf(unique, "AttributePath", "uniqueAttribute.attributePath"));
        String value = textOf(unique, "AttributeValue", "uniqueAttribute.attributeValue");
        if (value.isEmpty()) {
            // A document in the model, but every attribute it can name (userName, emails.value, displayName) is a
            // string of at least one character: an empty value is invalid, not merely absent from the store.
            throw ApiError.invalidMember("alternateIdentifier.uniqueAttribute.attributeValue",
                    "Member must have length greater than or equal to 1");
        }
        return new Identifier(null, null, path, value);
    }

    private static String textOf(JsonNode parent, String member, String label) {
        JsonNode value = parent.get(member);
        if (value == null || value.isNull()) {
            throw ApiError.invalidMember("alternateIdentifier." + label, "Member must not be null");
        }
        if (!value.isTextual()) {
            throw ApiError.invalidMember("alternateIdentifier." + label, "Member must be a string");
        }
        return value.asText();
    }
}
