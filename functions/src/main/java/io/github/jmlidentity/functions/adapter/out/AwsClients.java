package io.github.jmlidentity.functions.adapter.out;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;

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

    public static IdentitystoreClient identityStore() {
        return identityStore(0);
    }

    /**
     * @param maxRequestsPerSecond this container's share of the account's Identity Store quota; 0 = unpaced
     *                             (local runs, where Identity Store Local has no quota unless asked)
     */
    public static IdentitystoreClient identityStore(double maxRequestsPerSecond) {
        ClientOverrideConfiguration.Builder overrides = overrides().toBuilder();
        if (maxRequestsPerSecond > 0) {
            overrides.addExecutionInterceptor(new RequestPacer(maxRequestsPerSecond));
        }
        return IdentitystoreClient.builder()
                .httpClient(httpClient())
                .overrideConfiguration(overrides.build())
                .build();
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .httpClient(httpClient())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(MAX_ATTEMPTS).build()))
                .build();
    }

    /** For the processing failure queue (FAILURE_QUEUE_URL; AWS_ENDPOINT_URL_SQS for local runs). */
    public static SqsClient sqs() {
        return SqsClient.builder()
                .httpClient(httpClient())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(MAX_ATTEMPTS).build()))
                .build();
    }

    /** The client configuration the functions use, for callers that build their own client (tests, the CLI). */
    public static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy())
                .addExecutionInterceptor(new ApiCallInterceptor())
                .build();
    }

    static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .retryOnException(ExceptionTranslator::isConcurrentModification)
                .build();
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }
}
