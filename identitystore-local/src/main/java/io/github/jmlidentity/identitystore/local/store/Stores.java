package io.github.jmlidentity.identitystore.local.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.identitystore.local.IdStyle;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/** The identity stores the emulator serves, by id. */
public final class Stores {
    private final ConcurrentMap<String, IdentityStoreData> byId = new ConcurrentHashMap<>();
    private final IdStyle idStyle;
    private volatile ChangeListener changes = ChangeListener.NONE;

    public Stores(IdStyle idStyle) {
        this.idStyle = idStyle;
    }

    /** From now on every change to every store (existing or created later) is told to {@code listener}. */
    public void listen(ChangeListener listener) {
        this.changes = listener;
    }

    /**
     * Runs {@code action} while no store can change (every store's write lock held, in id order): what a snapshot
     * that truncates the journal needs, so no change falls between the two.
     */
    public <T> T exclusive(Supplier<T> action) {
        return exclusive(new ArrayList<>(new TreeMap<>(byId).values()), action);
    }

    private static <T> T exclusive(List<IdentityStoreData> remaining, Supplier<T> action) {
        if (remaining.isEmpty()) {
            return action.get();
        }
        return remaining.get(0).write(() -> exclusive(remaining.subList(1, remaining.size()), action));
    }

    public IdentityStoreData create(String identityStoreId) {
        StringConstraint.IDENTITY_STORE_ID.check("identityStoreId", identityStoreId);
        return byId.computeIfAbsent(identityStoreId, id -> new IdentityStoreData(id, idStyle, new ChangeListener() {
            @Override
            public void changed(String store, Kind kind, String itemId, JsonNode value) {
                changes.changed(store, kind, itemId, value);
            }

            @Override
            public boolean isListening() {
                return changes.isListening();
            }
        }));
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
