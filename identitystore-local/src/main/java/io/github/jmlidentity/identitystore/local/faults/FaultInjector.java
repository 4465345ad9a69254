package io.github.jmlidentity.identitystore.local.faults;

import io.github.jmlidentity.identitystore.local.FaultSettings;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import java.util.Random;

/**
 * Applies {@link FaultSettings} to each call: latency first (as a slow service would), then the quota (a token
 * bucket refilled at {@code tps}), then the random InternalServerException draw, then, for writes, the random
 * CONCURRENT_MODIFICATION conflict draw.
 */
public final class FaultInjector {
    private volatile FaultSettings settings = FaultSettings.none();
    private final Object bucketLock = new Object();
    private double tokens;
    private long lastRefillNanos;
    private Random random = new Random(1);

    public FaultSettings settings() {
        return settings;
    }

    public void configure(FaultSettings newSettings) {
        synchronized (bucketLock) {
            settings = newSettings;
            tokens = newSettings.effectiveBurst();
            lastRefillNanos = System.nanoTime();
            random = new Random(newSettings.randomSeed());
        }
    }

    /** Waits the configured latency, then throws the injected fault, if any. */
    public void beforeCall(boolean write) {
        FaultSettings current = settings;
        if (current.latencyMillis() > 0) {
            try {
                Thread.sleep(current.latencyMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw ApiError.internal("Interrupted while injecting latency");
            }
        }
        if (current.tps() > 0) {
            takeToken(current);
        }
        if (current.internalErrorRate() > 0 && draw() < current.internalErrorRate()) {
            throw ApiError.internal("Injected InternalServerException (identitystore-local fault injection)");
        }
        if (write && current.concurrentModificationRate() > 0 && draw() < current.concurrentModificationRate()) {
            throw ApiError.concurrentModification("Injected concurrent modification (identitystore-local fault injection): retry the request");
        }
    }

    private void takeToken(FaultSettings current) {
        synchronized (bucketLock) {
            long now = System.nanoTime();
            tokens = Math.min(current.effectiveBurst(), tokens + (now - lastRefillNanos) / 1e9 * current.tps());
            lastRefillNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return;
            }
            double secondsUntilToken = (1 - tokens) / current.tps();
            throw ApiError.throttling((int) Math.max(1, Math.ceil(secondsUntilToken)));
        }
    }

    private double draw() {
        synchronized (bucketLock) {
            return random.nextDouble();
        }
    }
}
