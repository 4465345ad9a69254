package io.github.jmlidentity.cli.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The time the story is told at: set by the story and its steps (the real clock until then), never by waiting. */
final class StoryTime extends Clock {
    private volatile Instant now;

    StoryTime(Instant start) {
        this.now = start;
    }

    void set(Instant value) {
        this.now = value;
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
