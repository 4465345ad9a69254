package io.github.jmlidentity.identitystore.local;

/**
 * Faults injected into Identity Store operations, for testing clients.
 *
 * @param tps               request quota in requests per second across all Identity Store operations (0 = no quota;
 *                          20 reproduces the real service's limit); calls over it get ThrottlingException
 * @param burst             token-bucket capacity (0 = one second's worth of {@code tps})
 * @param internalErrorRate probability 0..1 that a call fails with InternalServerException (after the quota check)
 * @param latencyMillis     added to every call before it is served
 * @param randomSeed        seed of the random draws, so a failing run can be reproduced
 * @param concurrentModificationRate probability 0..1 that a write (Create*, Update*, Delete*) fails with
 *                          ConflictException reason CONCURRENT_MODIFICATION, which clients should retry
 */
public record FaultSettings(double tps, int burst, double internalErrorRate, long latencyMillis, long randomSeed,
                            double concurrentModificationRate) {
    /** Longer than any client timeout worth testing; a larger value would only park server threads. */
    public static final long MAX_LATENCY_MILLIS = 300_000;

    public FaultSettings {
        if (tps < 0) {
            throw new IllegalArgumentException("tps must be >= 0, was " + tps);
        }
        if (burst < 0) {
            throw new IllegalArgumentException("burst must be >= 0, was " + burst);
        }
        if (internalErrorRate < 0 || internalErrorRate > 1) {
            throw new IllegalArgumentException("internalErrorRate must be between 0 and 1, was " + internalErrorRate);
        }
        if (concurrentModificationRate < 0 || concurrentModificationRate > 1) {
            throw new IllegalArgumentException("concurrentModificationRate must be between 0 and 1, was " + concurrentModificationRate);
        }
        if (latencyMillis < 0 || latencyMillis > MAX_LATENCY_MILLIS) {
            throw new IllegalArgumentException("latencyMillis must be between 0 and " + MAX_LATENCY_MILLIS
                    + " (5 minutes), was " + latencyMillis);
        }
        if (!Double.isFinite(tps)) {
            throw new IllegalArgumentException("tps must be a finite number, was " + tps);
        }
    }

    public static FaultSettings none() {
        return new FaultSettings(0, 0, 0, 0, 1, 0);
    }

    public FaultSettings withTps(double newTps) {
        return new FaultSettings(newTps, burst, internalErrorRate, latencyMillis, randomSeed, concurrentModificationRate);
    }

    public FaultSettings withBurst(int newBurst) {
        return new FaultSettings(tps, newBurst, internalErrorRate, latencyMillis, randomSeed, concurrentModificationRate);
    }

    public FaultSettings withInternalErrorRate(double rate) {
        return new FaultSettings(tps, burst, rate, latencyMillis, randomSeed, concurrentModificationRate);
    }

    public FaultSettings withLatencyMillis(long millis) {
        return new FaultSettings(tps, burst, internalErrorRate, millis, randomSeed, concurrentModificationRate);
    }

    public FaultSettings withRandomSeed(long seed) {
        return new FaultSettings(tps, burst, internalErrorRate, latencyMillis, seed, concurrentModificationRate);
    }

    public FaultSettings withConcurrentModificationRate(double rate) {
        return new FaultSettings(tps, burst, internalErrorRate, latencyMillis, randomSeed, rate);
    }

    /** The bucket's capacity in effect. */
    public int effectiveBurst() {
        return burst > 0 ? burst : (int) Math.max(1, Math.ceil(tps));
    }
}
