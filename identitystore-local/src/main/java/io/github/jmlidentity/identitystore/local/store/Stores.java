package io.github.jmlidentity.identitystore.local.store;

import io.github.jmlidentity.identitystore.local.IdStyle;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The identity stores the emulator serves, by id. */
public final class Stores {
    private final ConcurrentMap<String, IdentityStoreData> byId = new ConcurrentHashMap<>();
    private final IdStyle idStyle;

    public Stores(IdStyle idStyle) {
        this.idStyle = idStyle;
    }

    public IdentityStoreData create(String identityStoreId) {
        StringConstraint.IDENTITY_STORE_ID.check("identityStoreId", identityStoreId);
        return byId.computeIfAbsent(identityStoreId, id -> new IdentityStoreData(id, idStyle));
    }

    /** The store a request names; an unknown id is a ResourceNotFoundException, as in the real service. */
    public IdentityStoreData require(Request request) {
        String identityStoreId = request.requiredString("IdentityStoreId", StringConstraint.IDENTITY_STORE_ID);
        IdentityStoreData store = byId.get(identityStoreId);
        if (store == null) {
            throw ApiError.notFound("IDENTITY_STORE", identityStoreId);
        }
        return store;
    }

    public IdentityStoreData get(String identityStoreId) {
        return byId.get(identityStoreId);
    }

    public Collection<IdentityStoreData> all() {
        return List.copyOf(byId.values());
    }

    public void clear() {
        byId.clear();
    }

    /** Timestamps travel as epoch seconds in the AWS JSON protocol. */
    public static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
