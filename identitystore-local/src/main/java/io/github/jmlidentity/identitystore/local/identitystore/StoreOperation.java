package io.github.jmlidentity.identitystore.local.identitystore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.store.IdentityStoreData;

/** An Identity Store operation, handed the store its request names (IdentityStoreId, checked before any other member). */
@FunctionalInterface
interface StoreOperation {
    ObjectNode handle(IdentityStoreData store, Request request);
}
