package io.github.jmlidentity.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.LifecycleStage;

import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.IConstruct;

/**
 * The IAM Identity Center (sso-admin) permissions a leaver needs to remove a user's direct account assignments,
 * granted only under {@code directAssignments: remove}: the sso: actions listed for the function in
 * identitystore-actions.json (IdentityStoreActionsStoryTest checks them against the calls the leaver makes), each on
 * the resource types the Service Authorization Reference for AWS IAM Identity Center gives it, scoped to the one
 * instance:
 * <ul>
 * <li>ListAccountAssignmentsForPrincipal and DescribeAccountAssignmentDeletionStatus: Instance only;</li>
 * <li>DeleteAccountAssignment: Instance, PermissionSet and Account, all three required. Permission sets are those of
 * this instance ({@code permissionSet/ssoins-.../*}); accounts are any ({@code account/*}): a direct assignment may
 * be in any account of the organization, and the account ARN carries nothing else to narrow it by.</li>
 * </ul>
 * The reference lists kms:Decrypt as a dependent action of all three, needed only when the instance is encrypted
 * with a customer managed KMS key (not granted here; see the README), and no iam: or organizations: dependency.
 */
public final class SsoAdminAccess {

    static final String PREFIX = "sso:";

    /** The resource types an sso action takes, from the Service Authorization Reference. */
    enum ResourceType { INSTANCE, PERMISSION_SET, ACCOUNT }

    private static final Map<String, List<ResourceType>> RESOURCE_TYPES = Map.of(
            "sso:ListAccountAssignmentsForPrincipal", List.of(ResourceType.INSTANCE),
            "sso:DescribeAccountAssignmentDeletionStatus", List.of(ResourceType.INSTANCE),
            "sso:DeleteAccountAssignment",
                    List.of(ResourceType.INSTANCE, ResourceType.PERMISSION_SET, ResourceType.ACCOUNT));

    private SsoAdminAccess() {
    }

    /** The sso actions {@code stage}'s function may call under {@code policy} (none under keep). */
    public static List<String> actions(LifecycleStage stage, DirectAssignmentPolicy policy) {
        return actions(stage.functionName(), policy);
    }

    /** The sso actions the function named {@code function} (joiner, ..., reconcile) may call under {@code policy}. */
    public static List<String> actions(String function, DirectAssignmentPolicy policy) {
        List<String> actions = IdentityStoreAccess.listed(function,
                DirectAssignmentPolicy.KEY + "=" + policy.name().toLowerCase(Locale.ROOT));
        for (String action : actions) {
            if (!action.startsWith(PREFIX) || !RESOURCE_TYPES.containsKey(action)) {
                throw new IllegalStateException(IdentityStoreAccess.ACTIONS_RESOURCE + ": '" + action + "' under "
                        + DirectAssignmentPolicy.KEY + " has no resource types in SsoAdminAccess: add them from the"
                        + " Service Authorization Reference for AWS IAM Identity Center");
            }
        }
        return actions;
    }

    /**
     * The statements granting {@code stage}'s function its sso actions in the instance, one per set of resource types
     * (none when the function has none under {@code policy}).
     */
    public static List<PolicyStatement> statementsFor(LifecycleStage stage, DirectAssignmentPolicy policy,
            Optional<String> instanceArn) {
        return statementsFor(stage.functionName(), LifecycleFunction.title(stage), policy, instanceArn);
    }

    /** The same for the function named {@code function}; {@code title} names its statements (Leaver, Reconcile). */
    public static List<PolicyStatement> statementsFor(String function, String title, DirectAssignmentPolicy policy,
            Optional<String> instanceArn) {
        List<String> actions = actions(function, policy);
        if (actions.isEmpty()) {
            return List.of();
        }
        String instance = instanceArn.orElseThrow(() -> new IllegalStateException(
                "the sso actions of " + function + " need the instance ARN"));
        Map<List<ResourceType>, List<String>> byResources = new LinkedHashMap<>();
        actions.forEach(action -> byResources.computeIfAbsent(RESOURCE_TYPES.get(action), t -> new ArrayList<>()).add(action));
        List<PolicyStatement> statements = new ArrayList<>();
        byResources.forEach((types, grouped) -> statements.add(PolicyStatement.Builder.create()
                .sid("SsoAdmin" + title + (types.size() == 1 ? "Instance" : "Assignments"))
                .effect(Effect.ALLOW)
                .actions(grouped)
                .resources(resources(instance, types))
                .build()));
        return statements;
    }

    /** The ARNs of {@code types} in the instance: the instance, its permission sets, any account. */
    static List<String> resources(String instanceArn, List<ResourceType> types) {
        String partition = instanceArn.split(":")[1];
        String instanceId = instanceArn.substring(instanceArn.indexOf("instance/") + "instance/".length());
        List<String> resources = new ArrayList<>();
        for (ResourceType type : types) {
            resources.add(switch (type) {
                case INSTANCE -> instanceArn;
                case PERMISSION_SET -> "arn:" + partition + ":sso:::permissionSet/" + instanceId + "/*";
                case ACCOUNT -> "arn:" + partition + ":sso:::account/*";
            });
        }
        return resources;
    }

    /** cdk-nag IAM5: the two wildcards DeleteAccountAssignment needs, each with why it cannot be narrower. */
    static void suppressWildcards(IConstruct role, String instanceArn) {
        List<String> wildcards = resources(instanceArn, List.of(ResourceType.PERMISSION_SET, ResourceType.ACCOUNT));
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("sso:DeleteAccountAssignment requires a PermissionSet and an Account resource besides the"
                        + " Instance: the permission sets are those of the one configured instance, and the account is"
                        + " any, because a user may have been assigned access directly in any account of the"
                        + " organization and the leaver must remove every such assignment.")
                .appliesTo(wildcards.stream().map(arn -> "Resource::" + arn).toList())
                .build()), true);
    }
}
