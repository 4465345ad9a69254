package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.AccountAssignments;
import io.github.jmlidentity.functions.domain.DirectAssignment;
import io.github.jmlidentity.identitycenter.ResourceMissingException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsForPrincipalResponse;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.github.jmlidentity.functions.adapter.out.SdkCalls.call;

/**
 * Account assignments through the sso-admin SDK client, in one IAM Identity Center instance. The client (and the
 * instance ARN, when it is discovered) is resolved on first use, once per container: only a leaver that removes
 * direct assignments needs it, so the joiner's and the mover's cold starts do not pay for it.
 */
public final class SdkAccountAssignments implements AccountAssignments {

    private final Once<SsoAdminClient> client;
    private final Once<String> instanceArn;

    /**
     * @param client      builds the client on first use (called once)
     * @param instanceArn the instance, asked for on first use (called once; e.g. a discovery with ListInstances)
     */
    public SdkAccountAssignments(Supplier<SsoAdminClient> client, Supplier<String> instanceArn) {
        this.client = new Once<>(client);
        this.instanceArn = new Once<>(instanceArn);
    }

    public SdkAccountAssignments(Supplier<SsoAdminClient> client, String instanceArn) {
        this(client, () -> instanceArn);
    }

    public SdkAccountAssignments(SsoAdminClient client, String instanceArn) {
        this(() -> client, () -> instanceArn);
    }

    @Override
    public List<DirectAssignment> directAssignments(String userId) {
        List<DirectAssignment> direct = new ArrayList<>();
        TokenPages.each(token -> call("ListAccountAssignmentsForPrincipal USER " + userId,
                () -> client().listAccountAssignmentsForPrincipal(r -> r.instanceArn(instanceArn())
                        .principalType(PrincipalType.USER).principalId(userId).maxResults(100).nextToken(token)
                        .overrideConfiguration(InvocationScope.requestOverrides()))),
                ListAccountAssignmentsForPrincipalResponse::nextToken, page -> {
                    for (AccountAssignmentForPrincipal a : page.accountAssignments()) {
                        // Only the user's own: an assignment through a group is the group's, and deleting it would
                        // take the access away from every member.
                        if (a.principalType() == PrincipalType.USER && userId.equals(a.principalId())) {
                            direct.add(new DirectAssignment(a.accountId(), a.permissionSetArn()));
                        }
                    }
                });
        return direct;
    }

    @Override
    public String requestDeletion(String userId, DirectAssignment assignment) {
        try {
            AccountAssignmentOperationStatus status = call("DeleteAccountAssignment USER " + userId + " "
                    + assignment.label(), () -> client().deleteAccountAssignment(r -> r.instanceArn(instanceArn())
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
                () -> client().describeAccountAssignmentDeletionStatus(r -> r.instanceArn(instanceArn())
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
        return client.get();
    }

    private String instanceArn() {
        return instanceArn.get();
    }

    /** A value computed on first use, once (a failed computation is tried again next time). */
    private static final class Once<T> {
        private final Supplier<T> compute;
        private volatile T value;

        Once(Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            T current = value;
            if (current == null) {
                synchronized (this) {
                    if (value == null) {
                        value = compute.get();
                    }
                    current = value;
                }
            }
            return current;
        }
    }
}
