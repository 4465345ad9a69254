package io.github.jmlidentity.functions.support;

import io.github.jmlidentity.functions.application.port.out.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stories' clock: the system's, plus an offset a test moves forward, so that a lease lapses or a wait ends
 * without the test sleeping ({@link #advance}, or the {@link #sleeper()} that advances it instead of sleeping).
 */
public final class TestClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    public void advance(Duration duration) {
        offsetMillis.addAndGet(duration.toMillis());
    }

    /** Waits by moving this clock: a delivery waiting for a lease lets time pass at once. */
    public Sleeper sleeper() {
        return this::advance;
    }
}
