package io.github.jmlidentity.identitystore.local.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;
import java.util.ArrayList;
import java.util.List;

/** The Operations member of UpdateUser and UpdateGroup: 1 to 100 path/value pairs. */
final class AttributeOperations {

    record Change(String path, JsonNode value) {
    }

    private AttributeOperations() {
    }

    static List<Change> read(Request request) {
        JsonNode operations = request.member("Operations");
        if (operations == null) {
            throw ApiError.invalidMember("operations", "Member must not be null");
        }
        if (!operations.isArray()) {
            throw ApiError.invalidMember("operations", "Member must be a list");
        }
        if (operations.isEmpty()) {
            throw ApiError.invalidMember("operations", "Member must have length greater than or equal to 1");
        }
        if (operations.size() > 100) {
            throw ApiError.invalidMember("operations", "Member must have length less than or equal to 100");
        }
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            JsonNode path = operation.get("AttributePath");
            String label = "operations." + (i + 1) + ".member.attributePath";
            if (path == null || !path.isTextual()) {
                throw ApiError.invalidMember(label, "Member must not be null");
            }
            changes.add(new Change(StringConstraint.ATTRIBUTE_PATH.check(label, path.asText()), operation.get("AttributeValue")));
        }
        return changes;
    }
}
