package dev.callx.record;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Parsing of the platforms' timestamps and rendering of ours. */
public final class Timestamps {
    /** ISO 8601 with an optional zone/offset, 'T' or ' ' between date and time, optional fraction. */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
            .toFormatter()
            // STRICT: 2026-02-30 does not parse (SMART would read it as 2026-02-28) and is passed through
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter RENDER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private Timestamps() {
    }

    /**
     * Parses an ISO 8601 date-time. One without a zone is read in {@code assumeZone}.
     *
     * @return the instant, or null when the text is not such a timestamp
     */
    public static Instant parse(String text, ZoneId assumeZone) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            var parsed = LENIENT.parseBest(t, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            if (parsed instanceof OffsetDateTime o) {
                return o.toInstant();
            }
            return ((LocalDateTime) parsed).atZone(assumeZone).toInstant();
        } catch (DateTimeParseException | ClassCastException e) {
            return null;
        }
    }

    /**
     * Reads an epoch number: milliseconds when its magnitude is at least 1e11 (after 1973 in ms),
     * seconds otherwise.
     *
     * @return the instant, or null when it is out of range
     */
    public static Instant fromEpoch(BigDecimal epoch) {
        BigDecimal millis = epoch.abs().compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0
                ? epoch : epoch.movePointRight(3);
        try {
            BigDecimal[] secondsAndRest = millis.divideAndRemainder(BigDecimal.valueOf(1000));
            long seconds = secondsAndRest[0].longValueExact();
            long nanos = secondsAndRest[1].movePointRight(6).longValue();
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (ArithmeticException | DateTimeException e) {
            return null;
        }
    }

    /** Renders an instant as ISO 8601 in {@code zone}: {@code Z} for UTC, else the offset. */
    public static String render(Instant instant, ZoneId zone) {
        return RENDER.format(instant.atZone(zone).toOffsetDateTime());
    }

    /** Parses a date alone ({@code 2026-11-01}), or returns null. */
    public static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
