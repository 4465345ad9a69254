package io.github.jmlidentity.identitystore.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request body with typed, validating accessors; every failure names the member as the service does. */
public final class Request {
    private static final int DEFAULT_PAGE_SIZE = 100;

    private final ObjectNode body;

    public Request(ObjectNode body) {
        this.body = body;
    }

    public ObjectNode body() {
        return body;
    }

    public JsonNode member(String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value;
    }

    public String requiredString(String name, StringConstraint constraint) {
        String value = optionalString(name, constraint);
        if (value == null) {
            throw ApiError.invalidMember(memberLabel(name), "Member must not be null");
        }
        return value;
    }

    public String optionalString(String name, StringConstraint constraint) {
        JsonNode value = member(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.invalidMember(memberLabel(name), "Member must be a string");
        }
        return constraint.check(memberLabel(name), value.asText());
    }

    public ObjectNode requiredObject(String name) {
        JsonNode value = member(name);
        if (value == null) {
            throw ApiError.invalidMember(memberLabel(name), "Member must not be null");
        }
        if (!value.isObject()) {
            throw ApiError.invalidMember(memberLabel(name), "Member must be a structure");
        }
        return (ObjectNode) value;
    }

    /** MaxResults of a List operation: 1 to 100, default 100. */
    public int maxResults() {
        JsonNode value = member("MaxResults");
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw ApiError.invalidMember("maxResults", "Member must be an integer");
        }
        int pageSize = value.intValue();
        if (pageSize < 1) {
            throw ApiError.invalidMember("maxResults", "Member must have value greater than or equal to 1");
        }
        if (pageSize > 100) {
            throw ApiError.invalidMember("maxResults", "Member must have value less than or equal to 100");
        }
        return pageSize;
    }

    /** The service names members in lower camel case in its messages ("userName", "identityStoreId"). */
    public static String memberLabel(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
