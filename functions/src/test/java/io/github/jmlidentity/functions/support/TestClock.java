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
 * without the test sleeping ({@link #advance}, or the {@link #sleeper()} that advances it instead of sleeping), or
 * sets to the date a story is told at ({@link #set}: effective dating).
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

    /** Moves this clock to {@code when} (it goes on from there at the system's pace): a story told at a date. */
    public TestClock set(Instant when) {
        offsetMillis.set(when.toEpochMilli() - Instant.now().toEpochMilli());
        return this;
    }

    /** Waits by moving this clock: a delivery waiting for a lease lets time pass at once. */
    public Sleeper sleeper() {
        return this::advance;
    }
}
