package io.github.jmlidentity.identitycenter.sdk;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/** SDK client settings the functions and the command line share for the Identity Store. */
public final class SdkClientSettings {

    private SdkClientSettings() {
    }

    /**
     * Adaptive retry: it slows the client down when the Identity Store throttles (about 20 requests/s per account),
     * and it also retries a CONCURRENT_MODIFICATION conflict (another writer changed the resource; the write did not
     * happen). One instance per client: a strategy carries its throttling state, so clients must never share one.
     */
    public static RetryStrategy adaptiveRetry(int maxAttempts) {
        return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .retryOnException(ExceptionTranslator::isConcurrentModification)
                .build();
    }
}
