package io.github.jmlidentity.identitystore.local.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A user's membership of a group; timestamps in epoch seconds as the JSON protocol carries them. */
public record Membership(String membershipId, String groupId, String userId, double createdAt) {

    /** The form the data file and the journal keep. */
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("MembershipId", membershipId).put("GroupId", groupId)
                .put("UserId", userId).put("CreatedAt", createdAt);
    }

    public static Membership fromJson(JsonNode node) {
        return new Membership(node.path("MembershipId").asText(), node.path("GroupId").asText(),
                node.path("UserId").asText(), node.path("CreatedAt").asDouble());
    }
}
