package io.github.jmlidentity.functions.adapter.out;

import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Spaces this container's Identity Store requests (retries included) at most {@code requestsPerSecond} apart.
 * The quota (about 20 requests/s) is per account and shared with everything else that calls the Identity Store
 * (SCIM sync, the console, other tools): the CDK app gives each container its share, quota / all reserved
 * executions, so the functions together stay under it instead of relying on throttles and retries.
 */
final class RequestPacer implements ExecutionInterceptor {

    /** Monotonic time and waiting for it to pass: the system's, or a test's that passes only when waited for. */
    interface Ticker {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    private final long intervalNanos;
    private final Ticker ticker;
    private long nextSlotNanos;

    RequestPacer(double requestsPerSecond) {
        this(requestsPerSecond, SYSTEM);
    }

    RequestPacer(double requestsPerSecond, Ticker ticker) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0, was " + requestsPerSecond);
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / requestsPerSecond);
        this.ticker = ticker;
        this.nextSlotNanos = ticker.nanoTime();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        long waitNanos = reserveSlot();
        if (waitNanos > 0) {
            try {
                ticker.sleepNanos(waitNanos);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Takes the next free slot and returns how long to wait for it. */
    synchronized long reserveSlot() {
        long now = ticker.nanoTime();
        long slot = Math.max(now, nextSlotNanos);
        nextSlotNanos = slot + intervalNanos;
        return slot - now;
    }
}
