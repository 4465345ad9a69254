package io.github.jmlidentity.identitycenter.sdk;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.internal.retry.SdkDefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.internal.DefaultAwareRetryStrategy;

/** SDK client settings the functions and the command line share for the Identity Store. */
public final class SdkClientSettings {

    private SdkClientSettings() {
    }

    /**
     * Adaptive retry: it slows the client down when the Identity Store throttles (about 20 requests/s per account),
     * and it also retries a CONCURRENT_MODIFICATION conflict (another writer changed the resource; the write did not
     * happen). A throttled request waits at least the RetryAfterSeconds the Identity Store names. One instance per
     * client: a strategy carries its throttling state, so clients must never share one.
     */
    public static RetryStrategy adaptiveRetry(int maxAttempts) {
        RetryStrategy adaptive = AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .retryOnException(ExceptionTranslator::isConcurrentModification)
                .build();
        // What an AWS client does to a strategy that asks for the client's defaults (AwsDefaultClientBuilder, SDK
        // 2.54): add the AWS and SDK retry conditions. Done here because the client does not do it to the wrapper.
        if (adaptive.useClientDefaults() && adaptive instanceof DefaultAwareRetryStrategy aware) {
            adaptive = (RetryStrategy) aware.addDefaults(AwsRetryStrategy.retryStrategyDefaults())
                    .addDefaults(SdkDefaultRetryStrategy.retryStrategyDefaults());
        }
        return new RetryAfterHonouringStrategy(adaptive);
    }
}
