package io.github.jmlidentity.identitystore.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Operation;
import io.github.jmlidentity.identitystore.local.api.Request;
import io.github.jmlidentity.identitystore.local.faults.FaultInjector;
import io.github.jmlidentity.identitystore.local.identitystore.IdentityStoreApi;
import io.github.jmlidentity.identitystore.local.ssoadmin.SsoAdminApi;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AWS JSON 1.1 endpoint: {@code POST /} with {@code X-Amz-Target: <Service>.<Operation>}. Errors are written
 * the way the SDKs parse them: status, {@code x-amzn-ErrorType}, and a body with {@code __type}, {@code Message}
 * and the exception's members. SigV4 headers are accepted and not verified. Every request passes the
 * {@link RequestGuard} first (Host, {@code Content-Type: application/x-amz-json-1.1} on POST, body size).
 */
public record ApiHttpHandler(ObjectMapper mapper, Map<String, Operation> identityStoreOperations,
                             Map<String, Operation> ssoAdminOperations, FaultInjector faults, CallCounters counters,
                             RequestGuard guard) implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(ApiHttpHandler.class.getName());
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** The stats key of every request whose X-Amz-Target names no operation (or is missing). */
    public static final String UNKNOWN_OPERATION = "(unknown)";

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            boolean post = "POST".equals(exchange.getRequestMethod());
            byte[] body;
            try {
                guard.checkHost(exchange);
                if (post) {
                    guard.checkContentType(exchange, CONTENT_TYPE);
                }
                body = guard.readBody(exchange);
            } catch (ApiError refused) {
                writeError(exchange, requestId, refused);
                return;
            }
            if (!post) {
                writeBanner(exchange, requestId);
                return;
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Operation operation = resolve(target);
            // Unknown targets share one counter: a client cannot make /_local/stats grow without bound.
            String operationName = operation == null ? UNKNOWN_OPERATION : operationName(target);
            counters.called(operationName);
            try {
                if (operation == null) {
                    throw ApiError.unknownOperation(target == null ? "(missing X-Amz-Target header)" : abbreviated(target));
                }
                if (target.startsWith(IdentityStoreApi.TARGET_PREFIX + ".")) {
                    // The quota and the injected faults model the Identity Store's limits, not sso-admin's.
                    faults.beforeCall(IdentityStoreApi.isWrite(operationName));
                }
                ObjectNode response = operation.handle(new Request(parse(body)));
                counters.succeeded(operationName);
                write(exchange, 200, requestId, mapper.writeValueAsBytes(response));
            } catch (ApiError error) {
                counters.failed(operationName, error.type());
                writeError(exchange, requestId, error);
            } catch (RuntimeException bug) {
                LOG.log(Level.SEVERE, "Unexpected failure in " + operationName + " (request " + requestId + ")", bug);
                ApiError error = ApiError.internal("identitystore-local failed to serve the request: " + bug);
                counters.failed(operationName, error.type());
                writeError(exchange, requestId, error);
            }
        }
    }

    /** The operation {@code target} names, or null. */
    private Operation resolve(String target) {
        if (target == null) {
            return null;
        }
        int dot = target.indexOf('.');
        String prefix = dot < 0 ? target : target.substring(0, dot);
        String name = dot < 0 ? "" : target.substring(dot + 1);
        Map<String, Operation> operations = switch (prefix) {
            case IdentityStoreApi.TARGET_PREFIX -> identityStoreOperations;
            case SsoAdminApi.TARGET_PREFIX -> ssoAdminOperations;
            default -> Map.of();
        };
        return operations.get(name);
    }

    private static String abbreviated(String target) {
        return target.length() <= 200 ? target : target.substring(0, 200) + "...";
    }

    private static String operationName(String target) {
        int dot = target.indexOf('.');
        return dot < 0 ? target : target.substring(dot + 1);
    }

    private ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (IOException malformed) {
            throw ApiError.serialization("The request body is not valid JSON: " + malformed.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiError.serialization("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private void writeError(HttpExchange exchange, String requestId, ApiError error) throws IOException {
        ObjectNode body = mapper.createObjectNode().put("__type", error.type()).put("Message", error.getMessage());
        error.members().forEach((name, value) -> body.set(name, mapper.valueToTree(value)));
        body.put("RequestId", requestId);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type());
        Object retryAfter = error.members().get("RetryAfterSeconds");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter.toString());
        }
        write(exchange, error.status(), requestId, mapper.writeValueAsBytes(body));
    }

    private void writeBanner(HttpExchange exchange, String requestId) throws IOException {
        ObjectNode banner = mapper.createObjectNode()
                .put("service", "identitystore-local")
                .put("usage", "POST AWS JSON 1.1 requests to / with X-Amz-Target: AWSIdentityStore.<Operation>"
                        + " or SWBExternalService.<Operation>; admin endpoints under /_local/ (stats, faults, reset)");
        write(exchange, 200, requestId, mapper.writeValueAsBytes(banner));
    }

    private static void write(HttpExchange exchange, int status, String requestId, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
