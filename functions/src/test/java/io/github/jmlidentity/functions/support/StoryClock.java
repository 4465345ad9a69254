package io.github.jmlidentity.functions.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time a story is told at: the real clock until the story sets it, then fixed at what it was set to, and moved
 * only by the story (effective dating is tested by moving the clock, never by sleeping).
 */
public final class StoryClock extends Clock {

    private volatile Instant now;

    /** The real time, until {@link #set} fixes it. */
    public StoryClock() {
    }

    public StoryClock set(Instant value) {
        this.now = value;
        return this;
    }

    public StoryClock advance(Duration by) {
        return set(instant().plus(by));
    }

    @Override
    public Instant instant() {
        Instant fixed = now;
        return fixed != null ? fixed : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
