package io.github.jmlidentity.identitycenter.sdk;

import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.identitystore.model.ThrottlingException;

import java.time.Duration;
import java.util.Optional;

/**
 * A retry strategy that waits at least as long as the Identity Store asks: a ThrottlingException carries
 * {@code RetryAfterSeconds}, which the SDK's own strategies do not read. The hint goes to the wrapped strategy as the
 * request's suggested delay, which the SDK's strategies take as a floor for their backoff (BaseRetryStrategy:
 * the greater of the computed backoff and the suggested delay); everything else is the wrapped strategy's.
 */
final class RetryAfterHonouringStrategy implements RetryStrategy {

    private final RetryStrategy delegate;

    RetryAfterHonouringStrategy(RetryStrategy delegate) {
        this.delegate = delegate;
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        return delegate.acquireInitialToken(request);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Optional<Duration> asked = retryAfter(request.failure());
        if (asked.isEmpty()) {
            return delegate.refreshRetryToken(request);
        }
        Duration suggested = request.suggestedDelay().filter(d -> d.compareTo(asked.get()) > 0).orElse(asked.get());
        return delegate.refreshRetryToken(request.toBuilder().suggestedDelay(suggested).build());
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        return delegate.recordSuccess(request);
    }

    @Override
    public int maxAttempts() {
        return delegate.maxAttempts();
    }

    /** The wrapped strategy already has the AWS retry conditions; the client must not rebuild it from defaults. */
    @Override
    public boolean useClientDefaults() {
        return false;
    }

    /** A builder of the wrapped strategy: what it builds no longer reads RetryAfterSeconds. */
    @Override
    public Builder<?, ?> toBuilder() {
        return delegate.toBuilder();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** RetryAfterSeconds of a ThrottlingException, anywhere in the cause chain. */
    static Optional<Duration> retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ThrottlingException throttled && throttled.retryAfterSeconds() != null
                    && throttled.retryAfterSeconds() > 0) {
                return Optional.of(Duration.ofSeconds(throttled.retryAfterSeconds()));
            }
        }
        return Optional.empty();
    }
}
