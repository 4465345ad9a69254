package io.github.jmlidentity.functions.application.port.out;

import io.github.jmlidentity.functions.domain.DirectAssignment;

import java.util.List;

/**
 * IAM Identity Center account assignments (sso-admin), as a leaver needs them: the assignments made to a user
 * directly, and their asynchronous deletion. Implementations throw {@code DirectoryFailure}s only.
 */
public interface AccountAssignments {

    /**
     * An instance where no user has a direct assignment: for functions whose rules keep direct assignments (they make
     * no sso-admin call), and for tests of other concerns. Never a stand-in where assignments must be removed.
     */
    AccountAssignments NONE = new AccountAssignments() {
        @Override
        public List<DirectAssignment> directAssignments(String userId) {
            return List.of();
        }

        @Override
        public String requestDeletion(String userId, DirectAssignment assignment) {
            throw new IllegalStateException("no account assignments here to delete");
        }

        @Override
        public DeletionStatus deletionStatus(String requestId) {
            throw new IllegalStateException("no account-assignment deletion here to follow");
        }
    };

    /**
     * Every account assignment whose principal is the user itself (PrincipalType USER), all pages. Assignments the
     * user has through a group are the group's and are not listed.
     */
    List<DirectAssignment> directAssignments(String userId);

    /**
     * Asks for the assignment to be deleted (DeleteAccountAssignment). IAM Identity Center deletes asynchronously:
     * the answer is a request to follow with {@link #deletionStatus}.
     *
     * @return the deletion request's id, or null when the assignment no longer exists (already deleted)
     */
    String requestDeletion(String userId, DirectAssignment assignment);

    /** Where a deletion request stands (DescribeAccountAssignmentDeletionStatus). */
    DeletionStatus deletionStatus(String requestId);

    /** A deletion request's status, with the service's reason when it FAILED. */
    record DeletionStatus(State state, String failureReason) {

        public static final DeletionStatus SUCCEEDED = new DeletionStatus(State.SUCCEEDED, null);
        public static final DeletionStatus IN_PROGRESS = new DeletionStatus(State.IN_PROGRESS, null);

        public static DeletionStatus failed(String reason) {
            return new DeletionStatus(State.FAILED, reason);
        }
    }

    /** sso-admin's StatusValues. */
    enum State {
        IN_PROGRESS, SUCCEEDED, FAILED
    }
}
