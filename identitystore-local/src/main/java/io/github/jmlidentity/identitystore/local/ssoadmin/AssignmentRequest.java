package io.github.jmlidentity.identitystore.local.ssoadmin;

import java.time.Instant;

/**
 * What a CreateAccountAssignment or DeleteAccountAssignment request asked for, and how it ends: all fixed when the
 * request is accepted.
 *
 * @param completesAt   when, on the emulator's clock, it stops being IN_PROGRESS
 * @param outcome       SUCCEEDED or FAILED, shown from {@code completesAt} on
 * @param failureReason the FailureReason when the outcome is FAILED, else null
 */
record AssignmentRequest(String requestId, AssignmentOperation.Kind kind, AccountAssignment assignment,
                         Instant createdAt, Instant completesAt, String outcome, String failureReason) {
}
