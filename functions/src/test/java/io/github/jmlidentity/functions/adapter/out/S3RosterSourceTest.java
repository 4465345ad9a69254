package io.github.jmlidentity.functions.adapter.out;

import com.sun.net.httpserver.HttpServer;
import io.github.jmlidentity.functions.application.port.out.RosterSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reconcile function's own GetObject: against a local HTTP server standing in for S3 (path style, as with
 * AWS_ENDPOINT_URL_S3), which checks the SigV4 signature the way S3 does, computed here independently of the SDK.
 */
class S3RosterSourceTest {

    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private HttpServer server;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private volatile String asOf;

    @BeforeEach
    void startFakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.put("path", exchange.getRequestURI().getRawPath());
            seen.put("signatureValid", Boolean.toString(signatureValid(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestHeaders().getFirst("x-amz-content-sha256"),
                    exchange.getRequestHeaders().getFirst("x-amz-date"),
                    exchange.getRequestHeaders().getFirst("Authorization"))));
            byte[] body = status == 200 ? "employeeId,userName\nE1,a\n".getBytes(StandardCharsets.UTF_8)
                    : "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Last-Modified", "Sun, 01 Mar 2026 06:00:00 GMT");
            if (asOf != null) {
                exchange.getResponseHeaders().add("x-amz-meta-as-of", asOf);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void reads_the_object_with_a_valid_sigv4_signature_dated_by_its_last_modified_time() {
        RosterSource.Document roster = source().read("s3://jml-rosters/rosters/2026 03/hr+export.csv");

        assertThat(new String(roster.content(), StandardCharsets.UTF_8)).startsWith("employeeId,userName");
        assertThat(roster.takenAt()).isEqualTo(Instant.parse("2026-03-01T06:00:00Z"));
        assertThat(seen.get("path")).isEqualTo("/jml-rosters/rosters/2026%2003/hr%2Bexport.csv");
        assertThat(seen.get("signatureValid")).isEqualTo("true");
    }

    @Test
    void the_as_of_metadata_wins_over_the_object_time() {
        asOf = "2026-02-28T23:00:00+01:00";

        assertThat(source().read("s3://jml-rosters/hr.csv").takenAt()).isEqualTo(Instant.parse("2026-02-28T22:00:00Z"));
    }

    @Test
    void a_missing_object_or_a_location_that_is_not_s3_is_named() {
        status = 404;
        assertThatThrownBy(() -> source().read("s3://jml-rosters/none.csv"))
                .isInstanceOf(RosterSource.RosterUnavailableException.class)
                .hasMessage("cannot read s3://jml-rosters/none.csv: HTTP 404 NoSuchKey");
        assertThatThrownBy(() -> source().read("/tmp/hr.csv")).hasMessageContaining("is not an S3 location");
    }

    private S3RosterSource source() {
        return new S3RosterSource(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)), "eu-west-1",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    /** SigV4 as S3 checks it (header auth, no query string), from the AWS documentation, not from the SDK. */
    private static boolean signatureValid(String method, String path, String host, String payloadHash, String amzDate,
                                          String authorization) {
        try {
            String date = amzDate.substring(0, 8);
            String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
            String canonical = method + "\n" + path + "\n\n" + "host:" + host + "\n" + "x-amz-content-sha256:"
                    + payloadHash + "\n" + "x-amz-date:" + amzDate + "\n\n" + signedHeaders + "\n" + payloadHash;
            String scope = date + "/eu-west-1/s3/aws4_request";
            String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
            byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), date);
            key = hmac(key, "eu-west-1");
            key = hmac(key, "s3");
            key = hmac(key, "aws4_request");
            String signature = HexFormat.of().formatHex(hmac(key, toSign));
            return authorization.equals("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/" + scope
                    + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
