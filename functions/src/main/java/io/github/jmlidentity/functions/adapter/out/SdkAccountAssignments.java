package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.AccountAssignments;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.identitycenter.ResourceMissingException;
import io.github.jmlidentity.identitycenter.sdk.ExceptionTranslator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsForPrincipalResponse;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Account assignments through the sso-admin SDK client, in one IAM Identity Center instance. The client is built on
 * first use (once per container): only a leaver that removes direct assignments needs it, so the joiner's and the
 * mover's cold starts do not pay for it.
 */
public final class SdkAccountAssignments implements AccountAssignments {

    private final Supplier<SsoAdminClient> client;
    private final String instanceArn;
    private volatile SsoAdminClient built;

    /** @param client builds the client on first use (called once) */
    public SdkAccountAssignments(Supplier<SsoAdminClient> client, String instanceArn) {
        this.client = client;
        this.instanceArn = instanceArn;
    }

    public SdkAccountAssignments(SsoAdminClient client, String instanceArn) {
        this(() -> client, instanceArn);
    }

    @Override
    public List<DirectAssignment> directAssignments(String userId) {
        List<DirectAssignment> direct = new ArrayList<>();
        String nextToken = null;
        do {
            // Page by page, each page within the invocation's time left (as SdkIdentityDirectory.memberships).
            String token = nextToken;
            ListAccountAssignmentsForPrincipalResponse page = call("ListAccountAssignmentsForPrincipal USER " + userId,
                    () -> client().listAccountAssignmentsForPrincipal(r -> r.instanceArn(instanceArn)
                            .principalType(PrincipalType.USER).principalId(userId).maxResults(100).nextToken(token)
                            .overrideConfiguration(InvocationScope.requestOverrides())));
            for (AccountAssignmentForPrincipal a : page.accountAssignments()) {
                // Only the user's own: an assignment through a group is the group's, and deleting it would take the
                // access away from every member.
                if (a.principalType() == PrincipalType.USER && userId.equals(a.principalId())) {
                    direct.add(new DirectAssignment(a.accountId(), a.permissionSetArn()));
                }
            }
            nextToken = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (nextToken != null);
        return direct;
    }

    @Override
    public String requestDeletion(String userId, DirectAssignment assignment) {
        try {
            AccountAssignmentOperationStatus status = call("DeleteAccountAssignment USER " + userId + " "
                    + assignment.label(), () -> client().deleteAccountAssignment(r -> r.instanceArn(instanceArn)
                    .targetType(TargetType.AWS_ACCOUNT).targetId(assignment.accountId())
                    .permissionSetArn(assignment.permissionSetArn())
                    .principalType(PrincipalType.USER).principalId(userId)
                    .overrideConfiguration(InvocationScope.requestOverrides()))).accountAssignmentDeletionStatus();
            return status.requestId();
        } catch (ResourceMissingException alreadyGone) {
            // Deleted since it was listed (e.g. by an earlier attempt whose deletion completed meanwhile).
            return null;
        }
    }

    @Override
    public DeletionStatus deletionStatus(String requestId) {
        AccountAssignmentOperationStatus status = call("DescribeAccountAssignmentDeletionStatus " + requestId,
                () -> client().describeAccountAssignmentDeletionStatus(r -> r.instanceArn(instanceArn)
                        .accountAssignmentDeletionRequestId(requestId)
                        .overrideConfiguration(InvocationScope.requestOverrides())))
                .accountAssignmentDeletionStatus();
        return switch (status.statusAsString()) {
            case "SUCCEEDED" -> DeletionStatus.SUCCEEDED;
            case "FAILED" -> DeletionStatus.failed(status.failureReason());
            default -> DeletionStatus.IN_PROGRESS;
        };
    }

    private SsoAdminClient client() {
        SsoAdminClient current = built;
        if (current == null) {
            synchronized (this) {
                if (built == null) {
                    built = client.get();
                }
                current = built;
            }
        }
        return current;
    }

    private static <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw ExceptionTranslator.translate(e, action);
        }
    }
}
