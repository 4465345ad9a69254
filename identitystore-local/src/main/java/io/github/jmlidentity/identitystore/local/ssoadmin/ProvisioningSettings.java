package io.github.jmlidentity.identitystore.local.ssoadmin;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How the emulator plays IAM Identity Center's asynchronous provisioning of account assignments.
 *
 * @param delayMillis       how long a CreateAccountAssignment or DeleteAccountAssignment stays IN_PROGRESS, measured
 *                          on the emulator's clock (0 = done by the next call)
 * @param failNextCreations the next N accepted creations end FAILED with {@code failureReason}
 * @param failNextDeletions the next N accepted deletions end FAILED with {@code failureReason}
 * @param failureReason     the FailureReason of an injected failure
 */
public record ProvisioningSettings(long delayMillis, int failNextCreations, int failNextDeletions, String failureReason) {
    public static final String DEFAULT_FAILURE_REASON =
            "Injected provisioning failure (identitystore-local): the account assignment was not provisioned";
    /** The service's shape for FailureReason: letters, marks, separators, symbols, numbers, punctuation. */
    private static final Pattern REASON = Pattern.compile("[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*");

    public ProvisioningSettings {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must be >= 0, was " + delayMillis);
        }
        if (failNextCreations < 0) {
            throw new IllegalArgumentException("failNextCreations must be >= 0, was " + failNextCreations);
        }
        if (failNextDeletions < 0) {
            throw new IllegalArgumentException("failNextDeletions must be >= 0, was " + failNextDeletions);
        }
        if (failureReason == null || failureReason.isBlank()) {
            failureReason = DEFAULT_FAILURE_REASON;
        }
        if (!REASON.matcher(failureReason).matches()) {
            throw new IllegalArgumentException("failureReason must be printable text without control characters");
        }
    }

    /** Provisioning completes by the next call and never fails by injection. */
    public static ProvisioningSettings immediate() {
        return new ProvisioningSettings(0, 0, 0, DEFAULT_FAILURE_REASON);
    }

    public ProvisioningSettings withDelay(Duration delay) {
        return new ProvisioningSettings(delay.toMillis(), failNextCreations, failNextDeletions, failureReason);
    }

    public ProvisioningSettings withFailNextCreations(int count) {
        return new ProvisioningSettings(delayMillis, count, failNextDeletions, failureReason);
    }

    public ProvisioningSettings withFailNextDeletions(int count) {
        return new ProvisioningSettings(delayMillis, failNextCreations, count, failureReason);
    }

    public ProvisioningSettings withFailureReason(String reason) {
        return new ProvisioningSettings(delayMillis, failNextCreations, failNextDeletions, reason);
    }

    public Duration delay() {
        return Duration.ofMillis(delayMillis);
    }
}
