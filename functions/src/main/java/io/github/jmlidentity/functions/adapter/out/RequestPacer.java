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
    private final long intervalNanos;
    private long nextSlotNanos = System.nanoTime();

    RequestPacer(double requestsPerSecond) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be > 0, was " + requestsPerSecond);
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / requestsPerSecond);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        long waitNanos = reserveSlot();
        if (waitNanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Takes the next free slot and returns how long to wait for it. */
    synchronized long reserveSlot() {
        long now = System.nanoTime();
        long slot = Math.max(now, nextSlotNanos);
        nextSlotNanos = slot + intervalNanos;
        return slot - now;
    }
}
