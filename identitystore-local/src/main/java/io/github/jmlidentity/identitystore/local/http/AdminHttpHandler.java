package io.github.jmlidentity.identitystore.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.jmlidentity.identitystore.local.FaultSettings;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.ssoadmin.ProvisioningSettings;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The admin surface beside the AWS API, for tests, benchmarks and demos:
 * <pre>
 *   GET    /_local/health   store id, instance ARN
 *   POST   /_local/reset    empty store, seed re-applied, stats zeroed, faults off
 *   GET    /_local/stats    calls per operation, faults injected
 *   DELETE /_local/stats    zero the counters
 *   GET    /_local/faults   the fault settings
 *   POST   /_local/faults   change some of them: {"tps":20,"burst":20,"internalErrorRate":0.2,"latencyMillis":100,
 *                            "randomSeed":7,"concurrentModificationRate":0.1}
 *   GET    /_local/provisioning   the account-assignment provisioning settings
 *   POST   /_local/provisioning   change some of them: {"delayMillis":30000,"failNextCreations":0,
 *                                 "failNextDeletions":1,"failureReason":"..."}
 *   POST   /_local/save     write the --data file now
 * </pre>
 * Requests other than GET must carry {@code Content-Type: application/json}, so that a web page cannot drive these
 * endpoints with a cross-site form (see {@link RequestGuard}).
 */
public record AdminHttpHandler(ObjectMapper mapper, LocalAdmin admin, RequestGuard guard) implements HttpHandler {

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try {
                guard.checkHost(exchange);
                if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    guard.checkContentType(exchange, "application/json");
                }
                body = guard.readBody(exchange);
            } catch (ApiError refused) {
                write(exchange, refused.status(), error(refused.getMessage()));
                return;
            }
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().replaceAll("/+$", "");
            try {
                switch (route) {
                    case "GET /_local/health" -> write(exchange, 200, admin.describe());
                    case "POST /_local/reset" -> {
                        admin.reset();
                        write(exchange, 200, mapper.createObjectNode().put("reset", true));
                    }
                    case "GET /_local/stats" -> write(exchange, 200, mapper.valueToTree(admin.stats()));
                    case "DELETE /_local/stats" -> {
                        admin.resetStats();
                        write(exchange, 200, mapper.createObjectNode().put("reset", true));
                    }
                    case "GET /_local/faults" -> write(exchange, 200, mapper.valueToTree(admin.faults()));
                    case "POST /_local/faults", "PUT /_local/faults" -> {
                        admin.faults(merge(admin.faults(), body));
                        write(exchange, 200, mapper.valueToTree(admin.faults()));
                    }
                    case "GET /_local/provisioning" -> write(exchange, 200, mapper.valueToTree(admin.provisioning()));
                    case "POST /_local/provisioning", "PUT /_local/provisioning" -> {
                        admin.provisioning(merge(admin.provisioning(), body));
                        write(exchange, 200, mapper.valueToTree(admin.provisioning()));
                    }
                    case "POST /_local/save" -> write(exchange, 200, mapper.createObjectNode().put("saved", admin.save()));
                    default -> write(exchange, 404, error("No admin route " + route
                            + "; try GET /_local/stats, GET|POST /_local/faults, POST /_local/reset"));
                }
            } catch (IllegalArgumentException badRequest) {
                write(exchange, 400, error(badRequest.getMessage()));
            }
        }
    }

    /** Only the members present in the body change. */
    private FaultSettings merge(FaultSettings current, byte[] body) {
        return FaultChanges.apply(current, body.length == 0 ? mapper.createObjectNode() : readObject(body));
    }

    /** Only the members present in the body change. */
    private ProvisioningSettings merge(ProvisioningSettings current, byte[] body) {
        JsonNode changes = body.length == 0 ? mapper.createObjectNode() : readObject(body);
        return new ProvisioningSettings(
                changes.path("delayMillis").asLong(current.delayMillis()),
                changes.path("failNextCreations").asInt(current.failNextCreations()),
                changes.path("failNextDeletions").asInt(current.failNextDeletions()),
                changes.path("failureReason").asText(current.failureReason()));
    }

    private JsonNode readObject(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("The body must be a JSON object");
            }
            return node;
        } catch (IOException malformed) {
            throw new IllegalArgumentException("The body is not valid JSON: " + malformed.getMessage(), malformed);
        }
    }

    private ObjectNode error(String message) {
        return mapper.createObjectNode().put("error", message);
    }

    private void write(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
