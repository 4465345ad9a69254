package io.github.jmlidentity.identitystore.local.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Pages;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;
import io.github.jmlidentity.identitystore.local.store.IdentityStoreData;
import io.github.jmlidentity.identitystore.local.store.Membership;
import io.github.jmlidentity.identitystore.local.store.Stores;
import java.util.LinkedHashSet;
import java.util.NavigableMap;
import java.util.Set;

/** The seven group-membership operations. */
final class MembershipOperations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MembershipOperations() {
    }

    static ObjectNode createGroupMembership(IdentityStoreData store, Request request) {
        String groupId = request.requiredString("GroupId", StringConstraint.RESOURCE_ID);
        String userId = memberUserId(request);
        return store.write(() -> {
            store.requireGroup(groupId);
            store.requireUser(userId);
            if (store.membershipId(groupId, userId) != null) {
                throw ApiError.uniqueness("Member " + userId + " already belongs to group " + groupId + ".");
            }
            Membership membership = new Membership(store.newResourceId(), groupId, userId, Stores.now());
            store.putMembership(membership);
            return NODES.objectNode().put("MembershipId", membership.membershipId())
                    .put("IdentityStoreId", store.identityStoreId());
        });
    }

    static ObjectNode describeGroupMembership(IdentityStoreData store, Request request) {
        String membershipId = request.requiredString("MembershipId", StringConstraint.RESOURCE_ID);
        return store.read(() -> render(store, store.requireMembership(membershipId)));
    }

    static ObjectNode deleteGroupMembership(IdentityStoreData store, Request request) {
        String membershipId = request.requiredString("MembershipId", StringConstraint.RESOURCE_ID);
        return store.write(() -> {
            store.removeMembership(store.requireMembership(membershipId));
            return NODES.objectNode();
        });
    }

    static ObjectNode listGroupMemberships(IdentityStoreData store, Request request) {
        String groupId = request.requiredString("GroupId", StringConstraint.RESOURCE_ID);
        return store.read(() -> {
            store.requireGroup(groupId);
            return membershipsPage(store, request, "ListGroupMemberships", groupId, store.membershipsOfGroup(groupId));
        });
    }

    static ObjectNode listGroupMembershipsForMember(IdentityStoreData store, Request request) {
        String userId = memberUserId(request);
        return store.read(() -> {
            store.requireUser(userId);
            return membershipsPage(store, request, "ListGroupMembershipsForMember", userId,
                    store.membershipsOfUser(userId));
        });
    }

    /** One page of a group's or a member's memberships; {@code owner} (its id) scopes the NextToken. */
    private static ObjectNode membershipsPage(IdentityStoreData store, Request request, String operation,
                                              String owner, NavigableMap<String, Membership> memberships) {
        return Pages.page(request, StringConstraint.NEXT_TOKEN, operation, owner, memberships, "GroupMemberships",
                membership -> render(store, membership));
    }

    static ObjectNode getGroupMembershipId(IdentityStoreData store, Request request) {
        String groupId = request.requiredString("GroupId", StringConstraint.RESOURCE_ID);
        String userId = memberUserId(request);
        return store.read(() -> {
            String membershipId = store.membershipId(groupId, userId);
            if (membershipId == null) {
                throw ApiError.notFound("GROUP_MEMBERSHIP", null);
            }
            return NODES.objectNode().put("MembershipId", membershipId).put("IdentityStoreId", store.identityStoreId());
        });
    }

    static ObjectNode isMemberInGroups(IdentityStoreData store, Request request) {
        String userId = memberUserId(request);
        Set<String> groupIds = groupIds(request);
        return store.read(() -> {
            store.requireUser(userId);
            ObjectNode response = NODES.objectNode();
            ArrayNode results = response.putArray("Results");
            for (String groupId : groupIds) {
                ObjectNode result = results.addObject().put("GroupId", groupId);
                result.putObject("MemberId").put("UserId", userId);
                result.put("MembershipExists", store.membershipId(groupId, userId) != null);
            }
            return response;
        });
    }

    private static Set<String> groupIds(Request request) {
        JsonNode ids = request.member("GroupIds");
        if (ids == null) {
            throw ApiError.invalidMember("groupIds", "Member must not be null");
        }
        if (!ids.isArray() || ids.isEmpty()) {
            throw ApiError.invalidMember("groupIds", "Member must have length greater than or equal to 1");
        }
        if (ids.size() > 100) {
            throw ApiError.invalidMember("groupIds", "Member must have length less than or equal to 100");
        }
        return new LinkedHashSet<>(StringConstraint.RESOURCE_ID.checkEach("groupIds", ids));
    }

    /** MemberId is a union whose only member today is UserId. */
    private static String memberUserId(Request request) {
        ObjectNode memberId = request.requiredObject("MemberId");
        JsonNode userId = memberId.get("UserId");
        if (userId == null || userId.isNull()) {
            throw ApiError.invalidMember("memberId.userId", "Member must not be null");
        }
        if (!userId.isTextual()) {
            throw ApiError.invalidMember("memberId.userId", "Member must be a string");
        }
        return StringConstraint.RESOURCE_ID.check("memberId.userId", userId.asText());
    }

    private static ObjectNode render(IdentityStoreData store, Membership membership) {
        ObjectNode rendered = NODES.objectNode()
                .put("IdentityStoreId", store.identityStoreId())
                .put("MembershipId", membership.membershipId())
                .put("GroupId", membership.groupId());
        rendered.putObject("MemberId").put("UserId", membership.userId());
        rendered.put("CreatedAt", membership.createdAt()).put("UpdatedAt", membership.createdAt());
        return rendered;
    }
}
