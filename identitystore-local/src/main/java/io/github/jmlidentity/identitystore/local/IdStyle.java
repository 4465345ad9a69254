package io.github.jmlidentity.identitystore.local;

import java.util.Locale;

/**
 * How the emulator mints user, group and membership ids. Real identity stores hand out both forms: stores created
 * in IAM Identity Center use {@code <10 hex digits>-<UUID>}, stores migrated from the legacy AWS SSO directory use a
 * bare UUID. Code that stores or parses ids should be tested against both.
 */
public enum IdStyle {
    /** {@code 1234567890-8a2f...}: ten hex digits tied to the store, then a UUID (the default). */
    PREFIXED,
    /** {@code 8a2f...}: a bare UUID. */
    UUID;

    /** A new id; {@code storePrefix} is the ten hex digits of the store. */
    public String newId(String storePrefix) {
        String uuid = java.util.UUID.randomUUID().toString();
        return this == PREFIXED ? storePrefix + "-" + uuid : uuid;
    }

    /** Parses the command-line spelling, {@code prefixed} or {@code uuid}. */
    public static IdStyle parse(String value) {
        for (IdStyle style : values()) {
            if (style.name().toLowerCase(Locale.ROOT).equals(value)) {
                return style;
            }
        }
        throw new IllegalArgumentException("--id-style takes prefixed or uuid, got '" + value + "'");
    }
}
