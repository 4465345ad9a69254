package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;

/** The /_local/ admin surface that benchmarks and demos drive over HTTP. */
class AdminEndpointsTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void statsCountCallsPerOperationAndErrorsByType() throws Exception {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        try (IdentitystoreClient client = EmulatorClients.identityStore(server)) {
            new DirectoryFixtures(client, server.identityStoreId()).user("counted");
            try {
                client.describeUser(r -> r.identityStoreId(server.identityStoreId())
                        .userId("1234567890-00000000-0000-0000-0000-000000000000"));
            } catch (ResourceNotFoundException expected) {
                // counted below
            }
        }
        JsonNode stats = call("GET", "/_local/stats", null);
        assertThat(stats.at("/operations/CreateUser/calls").asLong()).isEqualTo(1);
        assertThat(stats.at("/operations/CreateUser/succeeded").asLong()).isEqualTo(1);
        assertThat(stats.at("/operations/DescribeUser/errors/ResourceNotFoundException").asLong()).isEqualTo(1);

        call("DELETE", "/_local/stats", null);
        assertThat(server.stats().totalCalls()).isZero();
    }

    @Test
    void faultsCanBeChangedAtRunTimeOneFieldAtATime() throws Exception {
        JsonNode faults = call("POST", "/_local/faults", "{\"tps\": 20, \"latencyMillis\": 5}");
        assertThat(faults.get("tps").asDouble()).isEqualTo(20);
        assertThat(faults.get("latencyMillis").asLong()).isEqualTo(5);
        assertThat(IDENTITY_STORE.server().faults().tps()).isEqualTo(20);
        call("POST", "/_local/faults", "{\"internalErrorRate\": 0.5}");
        assertThat(IDENTITY_STORE.server().faults()).isEqualTo(new FaultSettings(20, 0, 0.5, 5, 1, 0));
    }

    @Test
    void aBadFaultValueIsRefusedWithItsName() throws Exception {
        HttpResponse<String> response = send("POST", "/_local/faults", "{\"internalErrorRate\": 3}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("internalErrorRate");
    }

    @Test
    void resetEmptiesTheStore() throws Exception {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        try (IdentitystoreClient client = EmulatorClients.identityStore(server)) {
            new DirectoryFixtures(client, server.identityStoreId()).group("Temporary");
        }
        assertThat(call("GET", "/_local/health", null).get("groups").asInt()).isEqualTo(1);
        call("POST", "/_local/reset", null);
        assertThat(server.data().groups()).isEmpty();
    }

    private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        URI uri = IDENTITY_STORE.server().endpoint().resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
