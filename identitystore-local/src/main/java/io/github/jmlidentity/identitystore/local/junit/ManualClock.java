package io.github.jmlidentity.identitystore.local.junit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test aid: a clock the test moves, so that no test sleeps to let time pass. Time moves only by
 * {@link #advance} ({@link #ManualClock(Instant)}), or with the system's clock plus every advance
 * ({@link #onSystemTime}).
 * Hand it to the emulator ({@link IdentityStoreLocalExtension#withClock}) and to the code under test; where that
 * code waits through a sleep function ({@code Duration -> void}), {@code clock::advance} lets the wait end at once.
 * Clocks derived with {@link #withZone} share the advances of the clock they came from. Safe across threads.
 */
public final class ManualClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> advanced;

    /** Stands at {@code start} (in UTC) until the test advances it. */
    public ManualClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO));
    }

    private ManualClock(Clock base, AtomicReference<Duration> advanced) {
        this.base = base;
        this.advanced = advanced;
    }

    /** The system's time (in UTC) plus every advance: for code that also compares with the real time. */
    public static ManualClock onSystemTime() {
        return new ManualClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    /** Moves this clock forward (or back, for a negative duration) at once. */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        advanced.accumulateAndGet(duration, Duration::plus);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(advanced.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new ManualClock(base.withZone(zone), advanced);
    }
}
