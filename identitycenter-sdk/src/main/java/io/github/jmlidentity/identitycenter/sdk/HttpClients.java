package io.github.jmlidentity.identitycenter.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The HTTP client of every SDK client in the project (the functions and `jml`): the JDK's URL connection, which keeps
 * the Lambda jar small and starts fast, with the same timeouts everywhere.
 */
public final class HttpClients {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private HttpClients() {
    }

    /**
     * For AWS (https): the SDK's URL connection client, with its TLS set-up and proxy settings. One per process: the
     * client builds an SSL context when it is built, and a Lambda container's Identity Store, sso-admin, DynamoDB and
     * SQS clients would otherwise each pay for one at init. It holds no connections of its own (its close() does
     * nothing), so it is safe to share between SDK clients, which never close an HTTP client they were given.
     */
    public static SdkHttpClient forAws() {
        return SharedForAws.CLIENT;
    }

    /** Built on first use, so that a run against a plain http endpoint never sets up TLS. */
    private static final class SharedForAws {
        static final SdkHttpClient CLIENT = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT).build();
    }

    /**
     * For this endpoint: a plain {@code http://} one (Identity Store Local) gets a client that sets up no TLS, so a
     * one-shot `jml` command against it loads none of the JDK's TLS and certificate classes nor its trust store
     * (the SDK's client builds an SSL context up front, whatever the endpoint); anything else, {@link #forAws()}.
     *
     * @param endpoint the endpoint override, or null for AWS
     */
    public static SdkHttpClient forEndpoint(URI endpoint) {
        if (endpoint == null || !"http".equals(String.valueOf(endpoint.getScheme()).toLowerCase(Locale.ROOT))) {
            return forAws();
        }
        return UrlConnectionHttpClient.create(HttpClients::plainConnection);
    }

    /** What the SDK's own connection factory does for http: the JDK's proxy settings apply, as they do there. */
    private static HttpURLConnection plainConnection(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("this client speaks plain http only, not " + uri.getScheme());
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + uri, e);
        }
    }
}
