package io.github.jmlidentity.identitycenter.sdk;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.services.identitystore.model.InternalServerException;
import software.amazon.awssdk.services.identitystore.model.ThrottlingException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 item 12: a ThrottlingException's RetryAfterSeconds is honoured: the next attempt waits at least that
 * long (computed, not slept: the strategy only says how long the SDK is to wait).
 */
class RetryAfterHonouringStrategyTest {

    @Test
    void a_throttled_request_waits_at_least_the_retry_after_the_identity_store_names() {
        RetryStrategy strategy = SdkClientSettings.adaptiveRetry(6);
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("identitystore")).token();

        ThrottlingException throttled = (ThrottlingException) ThrottlingException.builder().message("Rate exceeded")
                .retryAfterSeconds(7).statusCode(400).build();
        Duration delay = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token)
                .failure(throttled).build()).delay();

        assertThat(delay).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void other_failures_keep_the_adaptive_backoff() {
        RetryStrategy strategy = SdkClientSettings.adaptiveRetry(6);
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("identitystore")).token();

        Duration delay = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token)
                .failure(InternalServerException.builder().message("boom").statusCode(500).build()).build()).delay();

        assertThat(delay).isLessThan(Duration.ofSeconds(7));
    }
}
