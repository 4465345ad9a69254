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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"tps\": \"abc\"}                        | tps",
            "{\"tps\": -1}                           | tps",
            "{\"burst\": 1.5}                        | burst",
            "{\"burst\": 3000000000}                 | burst",
            "{\"internalErrorRate\": \"0.2\"}          | internalErrorRate",
            "{\"latencyMillis\": true}               | latencyMillis",
            "{\"latencyMillis\": 86400000}           | latencyMillis",
            "{\"randomSeed\": \"7\"}                   | randomSeed",
            "{\"concurrentModificationRate\": null}  | concurrentModificationRate",
            "{\"tsp\": 20}                           | tsp"})
    void aFaultSettingOfTheWrongTypeOrRangeIsRefusedWithItsNameAndChangesNothing(String body, String field) throws Exception {
        FaultSettings before = IDENTITY_STORE.server().faults();
        HttpResponse<String> response = send("POST", "/_local/faults", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(field);
        assertThat(IDENTITY_STORE.server().faults()).isEqualTo(before);
    }

    @Test
    void unknownTargetsAreCountedUnderOneKey() throws Exception {
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(IDENTITY_STORE.server().endpoint())
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "AWSIdentityStore.NoSuchOperation" + i)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
        }
        JsonNode operations = call("GET", "/_local/stats", null).get("operations");
        assertThat(operations.size()).isEqualTo(1);
        assertThat(operations.at("/(unknown)/calls").asLong()).isEqualTo(30);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!method.equals("GET")) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
