package io.github.jmlidentity.identitystore.local.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;

/** The deprecated Filters member of ListUsers/ListGroups: at most one equality filter on the unique name. */
final class ListFilters {
    private ListFilters() {
    }

    /** The value to match, or null when the request has no filter. */
    static String read(Request request, String supportedPath) {
        JsonNode filters = request.member("Filters");
        if (filters == null || (filters.isArray() && filters.isEmpty())) {
            return null;
        }
        if (!filters.isArray() || filters.size() > 1) {
            throw ApiError.invalidMember("filters", "Member must have length less than or equal to 1");
        }
        JsonNode filter = filters.get(0);
        String path = filter.path("AttributePath").asText("");
        if (!path.equalsIgnoreCase(supportedPath)) {
            throw ApiError.invalidMember("filters.1.member.attributePath", "Member must be " + supportedPath);
        }
        JsonNode value = filter.get("AttributeValue");
        if (value == null || !value.isTextual()) {
            throw ApiError.invalidMember("filters.1.member.attributeValue", "Member must not be null");
        }
        return StringConstraint.SENSITIVE.check("filters.1.member.attributeValue", value.asText());
    }
}
