package io.github.jmlidentity.cli.options;

import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** What time it is for the functions (effective dating, ordering, audit times): the real clock, or --now. */
public final class ClockOption {

    @Option(names = "--now", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Run as of this time (RFC 3339 with a zone, e.g. 2026-07-31T17:00:00Z): events due later are "
                    + "SCHEDULED, changes due by then are applied. Default: the real clock.")
    Instant now;

    /** The wiring with the fixed clock when --now is given. */
    public LifecycleFunctions.Builder configure(LifecycleFunctions.Builder wiring) {
        return now == null ? wiring : wiring.clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** --now, or null for the real clock. */
    public Instant now() {
        return now;
    }

    /** RFC 3339, with a zone, as HR events carry effectiveAt. */
    public static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an RFC 3339 time with a zone, e.g. "
                        + "2026-07-31T17:00:00Z");
            }
        }
    }
}
