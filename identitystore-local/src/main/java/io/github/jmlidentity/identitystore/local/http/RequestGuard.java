package io.github.jmlidentity.identitystore.local.http;

import com.sun.net.httpserver.HttpExchange;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What every request must pass before a handler acts on it, so that a web page the user visits can neither drive
 * the emulator nor read it, and no request can exhaust its memory:
 * <ul>
 *   <li>the Host header names this server (a DNS-rebinding page sends its own domain name);</li>
 *   <li>a state-changing request declares the JSON content type its clients send (a cross-site form or a
 *       {@code text/plain} fetch cannot, without a CORS preflight the emulator never grants);</li>
 *   <li>the body is at most {@link #MAX_BODY_BYTES}: a larger declared length is refused before a byte of the
 *       body is read, and a chunked body is read no further than the limit.</li>
 * </ul>
 * A refusal is an {@link ApiError#refused}: the HTTP status, an error type and a message that says what to change.
 */
public final class RequestGuard {
    /** 1 MiB, far above any Identity Store request and in line with the service's own limits. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> allowedHosts = new TreeSet<>();
    private final boolean anyAddressLiteral;

    /**
     * @param boundTo      the address the server listens on
     * @param extraHosts   further names clients use to reach it (e.g. a container's service name)
     */
    public RequestGuard(InetSocketAddress boundTo, Collection<String> extraHosts) {
        allowedHosts.addAll(Set.of("localhost", "127.0.0.1", "::1"));
        InetAddress address = boundTo.getAddress();
        allowedHosts.add(normalized(address.getHostAddress()));
        if (boundTo.getHostString() != null) {
            allowedHosts.add(normalized(boundTo.getHostString()));
        }
        extraHosts.forEach(host -> allowedHosts.add(normalized(host)));
        // Bound to every interface, clients may use any of the machine's addresses; a rebinding page still
        // cannot, as it only ever sends a domain name.
        this.anyAddressLiteral = address.isAnyLocalAddress();
    }

    /** Refuses a Host header that names neither this server nor one of the allowed names. */
    public void checkHost(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Host");
        if (header == null) {
            return; // HTTP/1.0 clients; every browser sends Host
        }
        String host = hostPart(header.trim());
        if (allowedHosts.contains(host) || anyAddressLiteral && isAddressLiteral(host)) {
            return;
        }
        throw ApiError.refused(403, "ForbiddenHostException", "Host '" + header + "' is not this server's name: it answers to "
                + String.join(", ", allowedHosts) + (anyAddressLiteral ? " and any address of this machine" : "")
                + ". To reach it under another name, start it with --allow-host NAME.");
    }

    /** Refuses a request without {@code Content-Type: <required>} (parameters such as charset aside). */
    public void checkContentType(HttpExchange exchange, String required) {
        String header = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = header == null ? "" : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(required)) {
            throw ApiError.refused(415, "UnsupportedMediaTypeException", exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + " needs Content-Type: " + required
                    + (header == null ? " (none was sent)" : " (got '" + header + "')"));
        }
    }

    /** The body, refused with 413 when it is, or declares to be, larger than {@link #MAX_BODY_BYTES}. */
    public byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
            throw tooLarge(declared.trim() + " bytes declared");
        }
        // Chunked bodies declare no length: read one byte past the limit at most.
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge("more than " + MAX_BODY_BYTES + " bytes sent");
        }
        return body;
    }

    private static ApiError tooLarge(String what) {
        return ApiError.refused(413, "RequestEntityTooLargeException",
                "The request body is larger than the limit of " + MAX_BODY_BYTES + " bytes (" + what + ")");
    }

    private static String hostPart(String header) {
        if (header.startsWith("[")) {
            int end = header.indexOf(']');
            return end < 0 ? header : normalized(header.substring(1, end));
        }
        int colon = header.indexOf(':');
        return normalized(colon < 0 ? header : header.substring(0, colon));
    }

    private static boolean isAddressLiteral(String host) {
        return IPV4_LITERAL.matcher(host).matches() || host.contains(":");
    }

    /** Lower case; IPv6 literals without brackets and in their compressed form, so "::1" matches "0:0:0:0:0:0:0:1". */
    private static String normalized(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (lower.equals("0:0:0:0:0:0:0:1")) {
            return "::1";
        }
        if (lower.equals("0:0:0:0:0:0:0:0")) {
            return "::";
        }
        return lower;
    }
}
