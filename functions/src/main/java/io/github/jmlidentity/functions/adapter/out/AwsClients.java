package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.identitycenter.sdk.SdkClientSettings;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClientBuilder;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Builds the SDK clients, once per container. Region, credentials and endpoints come from the standard AWS
 * settings (AWS_REGION, the default credentials chain, AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_IDENTITYSTORE /
 * AWS_ENDPOINT_URL_DYNAMODB, which the SDK reads itself). The JDK's URL connection client keeps the jar small
 * and starts fast.
 */
public final class AwsClients {

    /**
     * Adaptive retry slows the client down when the Identity Store throttles (about 20 requests/s per account).
     * Bounded attempts; the invocation's remaining time bounds the total (see InvocationScope).
     */
    public static final int MAX_ATTEMPTS = 6;

    private AwsClients() {
    }

    /**
     * @param maxRequestsPerSecond this container's share of the account's Identity Store quota; 0 = unpaced
     *                             (local runs, where Identity Store Local has no quota unless asked)
     */
    public static IdentitystoreClient identityStore(double maxRequestsPerSecond) {
        return identityStore(maxRequestsPerSecond, connection -> { });
    }

    /**
     * The functions' Identity Store client (retry strategy, call recording for the audit record, HTTP client) with
     * the caller's endpoint, region and credentials: what `jml`, the benchmarks and the tests run the functions with.
     */
    public static IdentitystoreClient identityStore(Consumer<? super IdentitystoreClientBuilder> connection) {
        return identityStore(0, connection);
    }

    private static IdentitystoreClient identityStore(double maxRequestsPerSecond,
                                                     Consumer<? super IdentitystoreClientBuilder> connection) {
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(SdkClientSettings.adaptiveRetry(MAX_ATTEMPTS))
                .addExecutionInterceptor(new ApiCallInterceptor());
        if (maxRequestsPerSecond > 0) {
            overrides.addExecutionInterceptor(new RequestPacer(maxRequestsPerSecond));
        }
        IdentitystoreClientBuilder builder = IdentitystoreClient.builder()
                .httpClient(httpClient())
                .overrideConfiguration(overrides.build());
        connection.accept(builder);
        return builder.build();
    }

    /**
     * For the leaver's direct account assignments (AWS_ENDPOINT_URL_SSO_ADMIN for local runs). sso-admin has quotas
     * of its own, apart from the Identity Store's, so this client is not paced; it is recorded for the audit record.
     */
    public static SsoAdminClient ssoAdmin() {
        return ssoAdmin(connection -> { });
    }

    /** The functions' sso-admin client with the caller's endpoint, region and credentials. The caller closes it. */
    public static SsoAdminClient ssoAdmin(Consumer<? super SsoAdminClientBuilder> connection) {
        SsoAdminClientBuilder builder = SsoAdminClient.builder()
                .httpClient(httpClient())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(SdkClientSettings.adaptiveRetry(MAX_ATTEMPTS))
                        .addExecutionInterceptor(new ApiCallInterceptor())
                        .build());
        connection.accept(builder);
        return builder.build();
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .httpClient(httpClient())
                .overrideConfiguration(c -> c.retryStrategy(standardRetry()))
                .build();
    }

    /** For the processing failure queue (FAILURE_QUEUE_URL; AWS_ENDPOINT_URL_SQS for local runs). */
    public static SqsClient sqs() {
        return SqsClient.builder()
                .httpClient(httpClient())
                .overrideConfiguration(c -> c.retryStrategy(standardRetry()))
                .build();
    }

    private static RetryStrategy standardRetry() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build();
    }

    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }
}
