package io.github.jmlidentity.identitystore.local.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Told of every change to an identity store's users, groups and memberships, in order, while the store's write
 * lock is held and before the change is made (so a listener that fails leaves the store unchanged): the
 * {@code --data} journal.
 */
@FunctionalInterface
public interface ChangeListener {
    ChangeListener NONE = new ChangeListener() {
        @Override
        public void changed(String identityStoreId, Kind kind, String id, JsonNode value) {
        }

        @Override
        public boolean isListening() {
            return false;
        }
    };

    enum Kind { USER, GROUP, MEMBERSHIP }

    /** {@code value} is the item's new state (memberships as {@link Membership#toJson()}), or null when removed. */
    void changed(String identityStoreId, Kind kind, String id, JsonNode value);

    /** False when changes go nowhere, so that a caller can skip rendering them. */
    default boolean isListening() {
        return true;
    }
}
