package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jmlidentity.identitystore.local.junit.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The test aid other modules share: time moves only as the test says, with or without the system's time under it. */
class ManualClockTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aClockStartedAtAnInstantStandsStillUntilAdvanced() {
        ManualClock clock = new ManualClock(START);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.instant()).as("no time passes by itself").isEqualTo(START);

        clock.advance(Duration.ofSeconds(30));
        clock.advance(Duration.ofNanos(1));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(30).plusNanos(1));
        assertThat(clock.millis()).isEqualTo(START.plusSeconds(30).toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aClockOnSystemTimeRunsWithTheSystemPlusEveryAdvance() {
        ManualClock clock = ManualClock.onSystemTime();
        clock.advance(Duration.ofHours(2));

        Instant before = Instant.now();
        Instant read = clock.instant();
        Instant after = Instant.now();

        assertThat(read).isBetween(before.plus(Duration.ofHours(2)), after.plus(Duration.ofHours(2)));
    }

    @Test
    void aClockInAnotherZoneSharesTheAdvances() {
        ManualClock clock = new ManualClock(START);
        ZoneId paris = ZoneId.of("Europe/Paris");
        Clock inParis = clock.withZone(paris);

        clock.advance(Duration.ofMinutes(5));

        assertThat(inParis.getZone()).isEqualTo(paris);
        assertThat(inParis.instant()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }
}
