package io.github.jmlidentity.cli;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * How `jml` reaches the Identity Store: the standard AWS settings, plus what a local run needs and a developer
 * should not have to type (a region and dummy credentials when the endpoint is this machine).
 *
 * @param endpoint the --endpoint-url option, or null (the SDK then reads AWS_ENDPOINT_URL* itself)
 * @param isLocal  requests go to this machine (a loopback address)
 * @param target   where requests go: the option, else AWS_ENDPOINT_URL_IDENTITYSTORE / AWS_ENDPOINT_URL, else null (AWS)
 */
public record LocalAws(URI endpoint, boolean isLocal, URI target) {

    /** Identity Store Local's default store id. */
    public static final String LOCAL_STORE_ID = "d-1234567890";

    public static LocalAws resolve(URI option) {
        URI endpoint = option;
        if (endpoint == null) {
            String fromEnv = firstSet(System.getenv("AWS_ENDPOINT_URL_IDENTITYSTORE"), System.getenv("AWS_ENDPOINT_URL"));
            endpoint = fromEnv == null ? null : URI.create(fromEnv);
        }
        return new LocalAws(option, endpoint != null && isLoopback(endpoint), endpoint);
    }

    /** Where requests go, for messages: the endpoint, or AWS itself. */
    public String where() {
        return target == null ? "AWS (no --endpoint-url or AWS_ENDPOINT_URL)" : target.toString();
    }

    /**
     * Endpoint, region and credentials for any SDK client: {@code region} when given, else the default chain; for a
     * local endpoint, us-east-1 and dummy credentials when none are configured.
     */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region) {
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (isLocal) {
            if (region == null && firstSet(System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION"),
                    System.getProperty("aws.region")) == null) {
                builder.region(Region.US_EAST_1);
            }
            if (firstSet(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_PROFILE"),
                    System.getProperty("aws.accessKeyId")) == null) {
                // Identity Store Local accepts any signature; real credentials are never needed locally.
                builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            }
        }
        return builder;
    }

    private static boolean isLoopback(URI endpoint) {
        try {
            return endpoint.getHost() != null && InetAddress.getByName(endpoint.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
