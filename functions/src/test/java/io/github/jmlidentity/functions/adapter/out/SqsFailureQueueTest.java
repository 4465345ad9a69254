package io.github.jmlidentity.functions.adapter.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.jmlidentity.functions.adapter.json.PermanentFailureMessage;
import io.github.jmlidentity.functions.support.SampleAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SQS adapter through the real SDK client against a minimal SendMessage endpoint on loopback (no SQS emulator
 * is needed for one call): the request reaches the configured queue URL with the message as its body, and a
 * refused send surfaces as an exception (the handler then throws, so the on-failure destination gets the event).
 */
class SqsFailureQueueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private HttpServer server;
    private SqsClient client;

    @BeforeEach
    void startEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(JSON.createObjectNode().put("target", exchange.getRequestHeaders().getFirst("X-Amz-Target"))
                    .set("body", request));
            byte[] response = status == 200
                    ? JSON.createObjectNode().put("MessageId", "m-1")
                            .put("MD5OfMessageBody", md5(request.path("MessageBody").asText())).toString()
                            .getBytes(StandardCharsets.UTF_8)
                    : "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"no such queue\"}"
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
        client = SqsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stopEndpoint() {
        client.close();
        server.stop(0);
    }

    @Test
    void a_failure_message_is_sent_to_the_configured_queue() {
        String queueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/jml-processing-failures";

        byte[] envelope = "{\"detail\":{}}".getBytes(StandardCharsets.UTF_8);

        new SqsFailureQueue(client, queueUrl).send(SampleAudit.rejected(), envelope);

        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.path("target").asText()).isEqualTo("AmazonSQS.SendMessage");
            assertThat(r.path("body").path("QueueUrl").asText()).isEqualTo(queueUrl);
            assertThat(r.path("body").path("MessageBody").asText())
                    .isEqualTo(PermanentFailureMessage.toJson(envelope, SampleAudit.rejected()))
                    .contains("\"source\":\"jml-identity\"", "\"errorType\":\"INVALID_EVENT\"");
        });
    }

    @Test
    void a_refused_send_throws() {
        status = 400;

        assertThatThrownBy(() -> new SqsFailureQueue(client, "https://sqs.us-east-1.amazonaws.com/1/q")
                .send(SampleAudit.rejected(), new byte[0]))
                .isInstanceOf(RuntimeException.class);
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
