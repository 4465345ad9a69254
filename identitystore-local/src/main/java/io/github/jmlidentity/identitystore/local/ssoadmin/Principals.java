package io.github.jmlidentity.identitystore.local.ssoadmin;

/** Whether a user or group exists in the instance's identity store: what provisioning an assignment looks up. */
@FunctionalInterface
public interface Principals {
    /** {@code principalType} is USER or GROUP. */
    boolean exists(String principalType, String principalId);
}
