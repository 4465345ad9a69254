package io.github.jmlidentity.identitystore.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;

/**
 * Pagination over an id-ordered index. The NextToken is opaque to clients; inside it names the operation,
 * its scope (e.g. the group id) and the last key served, so the next page is a {@code tailMap} seek, O(log n),
 * and stays correct when items are added or removed between pages.
 */
public final class Pages {
    private static final String VERSION = "v1";
    private static final char SEPARATOR = '\u001f';

    private Pages() {
    }

    /**
     * Writes one page of {@code index} into {@code response}, under {@code listMember}, plus NextToken when more
     * items follow.
     */
    public static <V> ObjectNode page(Request request, StringConstraint tokenShape, String operation, String scope,
                                      NavigableMap<String, V> index, String listMember, Function<V, JsonNode> render) {
        int pageSize = request.maxResults();
        String token = request.optionalString("NextToken", tokenShape);
        NavigableMap<String, V> remaining = token == null ? index : index.tailMap(lastKey(token, operation, scope), false);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray(listMember);
        Iterator<Map.Entry<String, V>> iterator = remaining.entrySet().iterator();
        String last = null;
        while (iterator.hasNext() && items.size() < pageSize) {
            Map.Entry<String, V> entry = iterator.next();
            items.add(render.apply(entry.getValue()));
            last = entry.getKey();
        }
        if (iterator.hasNext()) {
            response.put("NextToken", encode(operation, scope, last));
        }
        return response;
    }

    static String encode(String operation, String scope, String lastKey) {
        String plain = VERSION + SEPARATOR + operation + SEPARATOR + scope + SEPARATOR + lastKey;
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static String lastKey(String token, String operation, String scope) {
        String plain;
        try {
            plain = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalidToken();
        }
        String[] parts = plain.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(operation) || !parts[2].equals(scope)) {
            throw invalidToken();
        }
        return parts[3];
    }

    private static ApiError invalidToken() {
        return ApiError.validation("The NextToken is invalid or belongs to a different request: start the listing again without it.");
    }
}
