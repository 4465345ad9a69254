package io.github.jmlidentity.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * What the leaver function does with a departed employee's user. The functions follow the access rules'
 * {@value #KEY}; the CDK app gives the leaver role DeleteUser only under the policies that delete.
 */
public enum LeaverPolicy {
    /** Delete the user (its memberships go with it). */
    DELETE,
    /** Remove every managed membership and keep the user. */
    SUSPEND,
    /**
     * At the leave: remove every managed membership and keep the user; {@code deleteAfterDays} later, delete it. The
     * delete is itself a scheduled change, which a rehire cancels.
     */
    SUSPEND_THEN_DELETE;

    /** The setting's name in access-rules.json and in the CDK context. */
    public static final String KEY = "leaverPolicy";

    /** How the setting is written in access-rules.json and the CDK context: delete, suspend, suspend-then-delete. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the leaver (at the leave, or later) deletes the user: its role needs DeleteUser. */
    public boolean deletesUsers() {
        return this != SUSPEND;
    }

    /** Whether the leave itself removes memberships one by one (and keeps the user): its role needs DeleteGroupMembership. */
    public boolean suspends() {
        return this != DELETE;
    }

    /** The policy its {@link #configName()} names, ignoring case; also accepts the enum's own name (SUSPEND_THEN_DELETE). */
    public static Optional<LeaverPolicy> fromConfigName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (LeaverPolicy policy : values()) {
            if (policy.configName().equals(wanted)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
