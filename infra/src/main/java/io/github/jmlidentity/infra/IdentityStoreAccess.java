package io.github.jmlidentity.infra;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The Identity Store permissions of each function: the one place to adjust when a function starts or
 * stops calling an Identity Store API (functions/ SdkIdentityDirectory makes every call). Each list is the
 * operations that function's code path reaches, nothing broader, and never a wildcard action; a call
 * missing here fails with AccessDeniedException and the event lands in the failure queue.
 *
 * <p>Resources: the one identity store being managed, plus the global user, group and membership
 * resource types (Identity Store ARNs for them carry no account or store, so they cannot be narrowed
 * further; the store ARN in the same statement is what scopes the call to this store).
 */
public final class IdentityStoreAccess {

    /** Joiner: find or create the user, converge its profile, add the granted memberships. */
    static final List<String> JOINER_ACTIONS = List.of(
            "identitystore:CreateUser",
            "identitystore:GetUserId",          // converge on duplicate delivery: find by userName
            "identitystore:DescribeUser",       // adopt an existing user only when its employeeNumber matches
            "identitystore:UpdateUser",         // half-applied joiner converges on retry
            "identitystore:GetGroupId",         // resolve granted group names
            "identitystore:CreateGroupMembership",
            "identitystore:GetGroupMembershipId", // find the membership after a conflicting duplicate add
            "identitystore:ListGroupMembershipsForMember",
            // Converging on an existing user (duplicate delivery, adoption, rehire of a kept user) reads its
            // memberships' group names and removes managed groups the rules no longer grant
            // (functions: ProvisioningService.planFor → IdentityDirectory.memberships / removeMembership).
            "identitystore:DescribeGroup",
            "identitystore:DeleteGroupMembership");

    /**
     * Only with missingGroupPolicy=create: joiner and mover (both grant groups through GroupResolver)
     * create granted groups that do not exist yet.
     */
    static final String CREATE_GROUP_ACTION = "identitystore:CreateGroup";

    /** Mover: update changed attributes, add granted groups, remove managed groups no longer granted. */
    static final List<String> MOVER_ACTIONS = List.of(
            "identitystore:GetUserId",
            "identitystore:DescribeUser",
            "identitystore:UpdateUser",
            "identitystore:CreateUser",         // a mover for an unknown employee provisions them
            "identitystore:ListGroupMembershipsForMember",
            "identitystore:CreateGroupMembership",
            "identitystore:DeleteGroupMembership",
            "identitystore:GetGroupId",
            "identitystore:DescribeGroup");     // names of current memberships, to tell managed from unmanaged

    /** Leaver: record the memberships, then delete the user (delete) or remove its managed memberships (suspend). */
    static final List<String> LEAVER_ACTIONS = List.of(
            "identitystore:GetUserId",
            "identitystore:DescribeUser",
            "identitystore:ListGroupMembershipsForMember",
            "identitystore:DeleteGroupMembership",
            "identitystore:DescribeGroup");

    /** Only with leaverPolicy=delete. */
    static final String DELETE_USER_ACTION = "identitystore:DeleteUser";

    private IdentityStoreAccess() {
    }

    /** The Identity Store actions {@code stage}'s function may call under the given policies. */
    public static List<String> actions(LifecycleStage stage, LeaverPolicy leaverPolicy, MissingGroupPolicy missingGroupPolicy) {
        List<String> actions = new ArrayList<>();
        switch (stage) {
            case JOINER -> {
                actions.addAll(JOINER_ACTIONS);
                if (missingGroupPolicy == MissingGroupPolicy.CREATE) {
                    actions.add(CREATE_GROUP_ACTION);
                }
            }
            case MOVER -> {
                actions.addAll(MOVER_ACTIONS);
                if (missingGroupPolicy == MissingGroupPolicy.CREATE) {
                    actions.add(CREATE_GROUP_ACTION);
                }
            }
            case LEAVER -> {
                actions.addAll(LEAVER_ACTIONS);
                if (leaverPolicy == LeaverPolicy.DELETE) {
                    actions.add(DELETE_USER_ACTION);
                }
            }
        }
        return List.copyOf(actions);
    }

    /** ARNs the statements are scoped to: the managed store and the user/group/membership resource types. */
    public static List<String> resources(String identityStoreId) {
        String prefix = "arn:" + Aws.PARTITION + ":identitystore:";
        return List.of(
                prefix + ":" + Aws.ACCOUNT_ID + ":identitystore/" + identityStoreId,
                prefix + "::user/*",
                prefix + "::group/*",
                prefix + "::membership/*");
    }

    /** The policy statement granting {@code stage}'s function its Identity Store operations on one store. */
    public static PolicyStatement statementFor(LifecycleStage stage, String identityStoreId,
            LeaverPolicy leaverPolicy, MissingGroupPolicy missingGroupPolicy) {
        return PolicyStatement.Builder.create()
                .sid("IdentityStore" + stage.title())
                .effect(Effect.ALLOW)
                .actions(actions(stage, leaverPolicy, missingGroupPolicy))
                .resources(resources(identityStoreId))
                .build();
    }
}
