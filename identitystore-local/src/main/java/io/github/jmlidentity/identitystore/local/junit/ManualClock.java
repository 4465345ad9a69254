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
 * {@link #advance} or {@link #set} ({@link #ManualClock(Instant)}), or with the system's clock plus every move
 * ({@link #onSystemTime}, or from {@link #runFrom} on).
 * Hand it to the emulator ({@link IdentityStoreLocalExtension#withClock}) and to the code under test; where that
 * code waits through a sleep function ({@code Duration -> void}), {@code clock::advance} lets the wait end at once.
 * Clocks derived with {@link #withZone} share the moves of the clock they came from. Safe across threads.
 */
public final class ManualClock extends Clock {
    private static final Clock SYSTEM = Clock.systemUTC();

    private final ZoneId zone;
    private final AtomicReference<Reading> reading;

    /** Stands at {@code start} (in UTC) until the test moves it. */
    public ManualClock(Instant start) {
        this(ZoneOffset.UTC, new AtomicReference<>(new Reading(Objects.requireNonNull(start, "start"), Duration.ZERO)));
    }

    private ManualClock(ZoneId zone, AtomicReference<Reading> reading) {
        this.zone = zone;
        this.reading = reading;
    }

    /** The system's time (in UTC) plus every move: for code that also compares with the real time. */
    public static ManualClock onSystemTime() {
        return new ManualClock(ZoneOffset.UTC, new AtomicReference<>(new Reading(null, Duration.ZERO)));
    }

    /** Moves this clock forward (or back, for a negative duration) at once. */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        reading.updateAndGet(r -> r.standing() != null ? new Reading(r.standing().plus(duration), r.offset())
                : new Reading(null, r.offset().plus(duration)));
    }

    /**
     * Moves this clock to {@code when} at once: a clock that stands stands there, one on the system's time goes on
     * from there at the system's pace.
     */
    public ManualClock set(Instant when) {
        Objects.requireNonNull(when, "when");
        reading.updateAndGet(r -> r.standing() != null ? new Reading(when, r.offset())
                : new Reading(null, Duration.between(SYSTEM.instant(), when)));
        return this;
    }

    /** From now on this clock runs with the system's time, reading {@code start} now (whether it stood or ran). */
    public ManualClock runFrom(Instant start) {
        Objects.requireNonNull(start, "start");
        reading.set(new Reading(null, Duration.between(SYSTEM.instant(), start)));
        return this;
    }

    @Override
    public Instant instant() {
        Reading r = reading.get();
        return r.standing() != null ? r.standing() : SYSTEM.instant().plus(r.offset());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new ManualClock(zone, reading);
    }

    /** Where the clock stands ({@code standing}), or, when that is null, how far it runs from the system's time. */
    private record Reading(Instant standing, Duration offset) {
    }
}
