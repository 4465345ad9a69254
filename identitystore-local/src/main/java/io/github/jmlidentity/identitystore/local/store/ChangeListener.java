package io.github.jmlidentity.identitystore.local.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Told of every change to an identity store's users, groups and memberships, in order, while the store's write
 * lock is held and before the change is made (so a listener that fails leaves the store unchanged): the
 * {@code --data} journal.
 */
@FunctionalInterface
public interface ChangeListener {
    ChangeListener NONE = (identityStoreId, kind, id, value) -> { };

    enum Kind { USER, GROUP, MEMBERSHIP }

    /** {@code value} is the item's new state (memberships as {@link Membership#toJson()}), or null when removed. */
    void changed(String identityStoreId, Kind kind, String id, JsonNode value);
}
