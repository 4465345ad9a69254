package io.github.jmlidentity.identitystore.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/** Real SDK v2 clients pointed at an emulator, with throwaway credentials. */
final class EmulatorClients {
    private static final StaticCredentialsProvider TEST_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private EmulatorClients() {
    }

    /** No retries: a test sees each answer of the emulator as it is. */
    static IdentitystoreClient identityStore(IdentityStoreLocal server) {
        return identityStore(server.endpoint());
    }

    static IdentitystoreClient identityStore(URI endpoint) {
        return IdentitystoreClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(TEST_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The SDK's adaptive retry strategy (client-side rate limiting on throttles), with room for a long burst. */
    static IdentitystoreClient identityStoreWithAdaptiveRetry(IdentityStoreLocal server, int maxAttempts) {
        return IdentitystoreClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(TEST_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(
                        AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(maxAttempts).build()))
                .build();
    }

    /** No retries either: injected faults on the assignment operations reach the test as they are. */
    static SsoAdminClient ssoAdmin(IdentityStoreLocal server) {
        return SsoAdminClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(TEST_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
