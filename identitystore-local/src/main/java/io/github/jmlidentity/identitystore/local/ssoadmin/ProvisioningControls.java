package io.github.jmlidentity.identitystore.local.ssoadmin;

import java.time.Duration;

/**
 * The live {@link ProvisioningSettings} of a running emulator: the delay, and the countdown of injected failures,
 * which each accepted operation of the matching kind consumes.
 */
public final class ProvisioningControls {
    private ProvisioningSettings settings;

    public ProvisioningControls(ProvisioningSettings initial) {
        this.settings = initial;
    }

    public synchronized ProvisioningSettings settings() {
        return settings;
    }

    public synchronized void configure(ProvisioningSettings newSettings) {
        this.settings = newSettings;
    }

    synchronized Duration delay() {
        return settings.delay();
    }

    /** The injected FailureReason for this operation, or null when it is not to fail; counts the failure down. */
    synchronized String takeInjectedFailure(AssignmentOperation.Kind kind) {
        if (kind == AssignmentOperation.Kind.CREATION && settings.failNextCreations() > 0) {
            settings = settings.withFailNextCreations(settings.failNextCreations() - 1);
            return settings.failureReason();
        }
        if (kind == AssignmentOperation.Kind.DELETION && settings.failNextDeletions() > 0) {
            settings = settings.withFailNextDeletions(settings.failNextDeletions() - 1);
            return settings.failureReason();
        }
        return null;
    }
}
