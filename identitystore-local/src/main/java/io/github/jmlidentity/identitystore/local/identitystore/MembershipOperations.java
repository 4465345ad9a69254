package io.github.jmlidentity.identitystore.local.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Operation;
import io.github.jmlidentity.identitystore.local.api.Pages;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;
import io.github.jmlidentity.identitystore.local.store.IdentityStoreData;
import io.github.jmlidentity.identitystore.local.store.Membership;
import io.github.jmlidentity.identitystore.local.store.Stores;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The seven group-membership operations. */
final class MembershipOperations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Stores stores;

    MembershipOperations(Stores stores) {
        this.stores = stores;
    }

    void register(Map<String, Operation> operations) {
        operations.put("CreateGroupMembership", this::createGroupMembership);
        operations.put("DescribeGroupMembership", this::describeGroupMembership);
        operations.put("DeleteGroupMembership", this::deleteGroupMembership);
        operations.put("ListGroupMemberships", this::listGroupMemberships);
        operations.put("ListGroupMembershipsForMember", this::listGroupMembershipsForMember);
        operations.put("GetGroupMembershipId", this::getGroupMembershipId);
        operations.put("IsMemberInGroups", this::isMemberInGroups);
    }

    private ObjectNode createGroupMembership(Request request) {
        IdentityStoreData store = stores.require(request);
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

    private ObjectNode describeGroupMembership(Request request) {
        IdentityStoreData store = stores.require(request);
        String membershipId = request.requiredString("MembershipId", StringConstraint.RESOURCE_ID);
        return store.read(() -> render(store, store.requireMembership(membershipId)));
    }

    private ObjectNode deleteGroupMembership(Request request) {
        IdentityStoreData store = stores.require(request);
        String membershipId = request.requiredString("MembershipId", StringConstraint.RESOURCE_ID);
        return store.write(() -> {
            store.removeMembership(store.requireMembership(membershipId));
            return NODES.objectNode();
        });
    }

    private ObjectNode listGroupMemberships(Request request) {
        IdentityStoreData store = stores.require(request);
        String groupId = request.requiredString("GroupId", StringConstraint.RESOURCE_ID);
        return store.read(() -> {
            store.requireGroup(groupId);
            return Pages.page(request, StringConstraint.NEXT_TOKEN, "ListGroupMemberships", groupId,
                    store.membershipsOfGroup(groupId), "GroupMemberships", membership -> render(store, membership));
        });
    }

    private ObjectNode listGroupMembershipsForMember(Request request) {
        IdentityStoreData store = stores.require(request);
        String userId = memberUserId(request);
        return store.read(() -> {
            store.requireUser(userId);
            return Pages.page(request, StringConstraint.NEXT_TOKEN, "ListGroupMembershipsForMember", userId,
                    store.membershipsOfUser(userId), "GroupMemberships", membership -> render(store, membership));
        });
    }

    private ObjectNode getGroupMembershipId(Request request) {
        IdentityStoreData store = stores.require(request);
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

    private ObjectNode isMemberInGroups(Request request) {
        IdentityStoreData store = stores.require(request);
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
        Set<String> result = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw ApiError.invalidMember("groupIds", "Member must be a list of strings");
            }
            result.add(StringConstraint.RESOURCE_ID.check("groupIds", id.asText()));
        }
        return result;
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
