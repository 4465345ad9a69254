package io.github.jmlidentity.identitystore.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pagination over an id-ordered index. The NextToken is opaque to clients; inside it names the operation,
 * its scope (e.g. the group id) and the last key served, so the next page is a {@code tailMap} seek, O(log n),
 * and stays correct when items are added or removed between pages. An HMAC under a key drawn when the process
 * starts makes tokens unforgeable: a hand-made or altered token is a ValidationException. Like the service's,
 * tokens are short-lived: they do not survive a restart of the standalone server, even with {@code --data}.
 */
public final class Pages {
    private static final String VERSION = "v1";
    private static final char SEPARATOR = '\u001f';
    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final SecretKeySpec KEY = newKey();
    /** One keyed Mac per server thread (a Mac is not thread-safe; doFinal resets it), not one per page. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(Pages::newMac);

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

    /** The whole answer on one page, without a NextToken: {@code item} under {@code listMember}; no item when null. */
    public static ObjectNode single(String listMember, JsonNode item) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode items = response.putArray(listMember);
        if (item != null) {
            items.add(item);
        }
        return response;
    }

    static String encode(String operation, String scope, String lastKey) {
        byte[] plain = (VERSION + SEPARATOR + operation + SEPARATOR + scope + SEPARATOR + lastKey)
                .getBytes(StandardCharsets.UTF_8);
        byte[] token = new byte[MAC_BYTES + plain.length];
        System.arraycopy(mac(plain), 0, token, 0, MAC_BYTES);
        System.arraycopy(plain, 0, token, MAC_BYTES, plain.length);
        return Base64.getEncoder().encodeToString(token);
    }

    static String lastKey(String token, String operation, String scope) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            throw invalidToken();
        }
        if (bytes.length <= MAC_BYTES) {
            throw invalidToken();
        }
        byte[] plain = Arrays.copyOfRange(bytes, MAC_BYTES, bytes.length);
        if (!MessageDigest.isEqual(Arrays.copyOf(mac(plain), MAC_BYTES), Arrays.copyOf(bytes, MAC_BYTES))) {
            throw invalidToken();
        }
        String[] parts = new String(plain, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(operation) || !parts[2].equals(scope)) {
            throw invalidToken();
        }
        return parts[3];
    }

    private static byte[] mac(byte[] plain) {
        return MAC.get().doFinal(plain);
    }

    private static Mac newMac() {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(KEY);
            return mac;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(MAC_ALGORITHM + " is part of every Java runtime", unavailable);
        }
    }

    private static SecretKeySpec newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, MAC_ALGORITHM);
    }

    private static ApiError invalidToken() {
        return ApiError.validation("The NextToken is invalid or belongs to a different request: start the listing again without it.");
    }
}
