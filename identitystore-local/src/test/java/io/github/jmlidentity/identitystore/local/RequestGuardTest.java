package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jmlidentity.identitystore.local.http.RequestGuard;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

/**
 * A web page the user visits can neither drive the emulator (CSRF) nor read it (DNS rebinding), and no request can
 * exhaust its memory.
 */
class RequestGuardTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final String LIST_USERS = "AWSIdentityStore.ListUsers";

    private int port() {
        return IDENTITY_STORE.server().port();
    }

    private String listUsersBody() {
        return "{\"IdentityStoreId\":\"" + IDENTITY_STORE.server().identityStoreId() + "\"}";
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.send("POST / HTTP/1.1\nHost: 127.0.0.1:" + port()
                    + "\nContent-Type: " + JSON_1_1 + "\nX-Amz-Target: " + LIST_USERS
                    + "\nContent-Length: 2147483648", "{\"IdentityStoreId\":".getBytes(StandardCharsets.UTF_8))
                    .response();
            assertThat(response.status()).as("answered within %d ms, the 2 GB never sent", RawHttp.READ_TIMEOUT_MILLIS)
                    .isEqualTo(413);
            assertThat(response.header("x-amzn-ErrorType")).isEqualTo("RequestEntityTooLargeException");
            assertThat(response.body()).contains("1048576");
        }
        try (RawHttp http = new RawHttp(port())) {
            assertThat(http.send("POST /_local/faults HTTP/1.1\nHost: localhost\nContent-Type: application/json"
                    + "\nContent-Length: 5000000000", new byte[0]).response().status()).isEqualTo(413);
        }
        assertServesCalls();
    }

    @Test
    void aChunkedBodyIsReadNoFurtherThanTheLimit() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        try (RawHttp http = new RawHttp(port())) {
            http.send("POST / HTTP/1.1\nHost: 127.0.0.1:" + port() + "\nContent-Type: " + JSON_1_1
                    + "\nX-Amz-Target: " + LIST_USERS + "\nTransfer-Encoding: chunked", null);
            int sent = 0;
            while (sent <= RequestGuard.MAX_BODY_BYTES) {
                int size = Math.min(chunk.length, RequestGuard.MAX_BODY_BYTES + 1000 - sent);
                http.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1))
                        .write(Arrays.copyOf(chunk, size)).write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                sent += size;
            }
            http.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(http.response().status()).isEqualTo(413);
        }
        HttpResponse<String> small = HttpClient.newHttpClient().send(HttpRequest.newBuilder(IDENTITY_STORE.server().endpoint())
                .header("Content-Type", JSON_1_1).header("X-Amz-Target", LIST_USERS)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(listUsersBody().getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).as("a chunked body under the limit is served: " + small.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json"})
    void anApiCallWithoutTheAwsJsonContentTypeIsRefusedAndChangesNothing(String contentType) throws Exception {
        RawHttp.Response response = RawHttp.request(port(), "POST", "/", "127.0.0.1:" + port(), contentType,
                "AWSIdentityStore.CreateGroup",
                "{\"IdentityStoreId\":\"" + IDENTITY_STORE.server().identityStoreId() + "\",\"DisplayName\":\"Forged\"}");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.body()).contains("application/x-amz-json-1.1");
        assertThat(IDENTITY_STORE.server().data().groups()).isEmpty();
    }

    @Test
    void aCrossSiteResetOfTheAdminEndpointsIsRefused() throws Exception {
        createGroup("Survivor");
        for (String contentType : new String[] {"text/plain", null}) {
            RawHttp.Response response = RawHttp.request(port(), "POST", "/_local/reset", "127.0.0.1:" + port(),
                    contentType, null, "{}");
            assertThat(response.status()).isEqualTo(415);
            assertThat(response.body()).contains("application/json");
        }
        assertThat(RawHttp.request(port(), "DELETE", "/_local/stats", "localhost", "text/plain", null, null).status())
                .isEqualTo(415);
        assertThat(IDENTITY_STORE.server().data().groups()).hasSize(1);
        assertThat(RawHttp.request(port(), "POST", "/_local/reset", "localhost:" + port(),
                "application/json; charset=utf-8", null, null).status()).isEqualTo(200);
        assertThat(IDENTITY_STORE.server().data().groups()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:%d", "localhost.evil.example:%d", "127.0.0.1.nip.io:%d", "10.0.0.7:%d"})
    void aHostThatIsNotThisServerIsRefused(String host) throws Exception {
        String header = host.formatted(port());
        RawHttp.Response api = RawHttp.request(port(), "POST", "/", header, JSON_1_1, LIST_USERS, listUsersBody());
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.body()).contains("--allow-host");
        assertThat(RawHttp.request(port(), "GET", "/_local/health", header, null, null, null).status()).isEqualTo(403);
        assertThat(RawHttp.request(port(), "GET", "/", header, null, null, null).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:%d", "localhost:%d", "LOCALHOST", "[::1]:%d", "127.0.0.1"})
    void theLoopbackNamesAreServed(String host) throws Exception {
        RawHttp.Response response = RawHttp.request(port(), "POST", "/", host.formatted(port()), JSON_1_1, LIST_USERS,
                listUsersBody());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void anAllowedHostNameIsServed() throws Exception {
        try (IdentityStoreLocal server = IdentityStoreLocal.builder().allowHost("identitystore").build().start()) {
            String body = "{\"IdentityStoreId\":\"" + server.identityStoreId() + "\"}";
            assertThat(RawHttp.request(server.port(), "POST", "/", "identitystore:8190", JSON_1_1, LIST_USERS, body)
                    .status()).isEqualTo(200);
            assertThat(RawHttp.request(server.port(), "POST", "/", "other:8190", JSON_1_1, LIST_USERS, body)
                    .status()).isEqualTo(403);
        }
    }

    private void createGroup(String name) {
        try (IdentitystoreClient client = EmulatorClients.identityStore(IDENTITY_STORE.server())) {
            new DirectoryFixtures(client, IDENTITY_STORE.server().identityStoreId()).group(name);
        }
    }

    private void assertServesCalls() {
        try (IdentitystoreClient client = EmulatorClients.identityStore(IDENTITY_STORE.server())) {
            assertThat(client.listUsers(r -> r.identityStoreId(IDENTITY_STORE.server().identityStoreId())).users()).isEmpty();
        }
    }
}
