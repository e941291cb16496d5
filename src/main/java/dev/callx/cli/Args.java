package dev.callx.cli;

import dev.callx.error.CallxException;
import dev.callx.record.Timestamps;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of option values that picocli has no converter for; bad input is a usage error. */
final class Args {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d|w)?");

    private Args() {
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, {@code 1w}; a bare number is seconds. */
    static Duration duration(String option, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw CallxException.usage(option + " '" + text + "' is not a duration: use e.g. 500ms, 30s, 5m, 2h, 7d");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    static ZoneId zone(String option, String text) {
        try {
            String t = text.trim();
            return ZoneId.of(t.equalsIgnoreCase("utc") || t.equalsIgnoreCase("z") ? "Z" : t);
        } catch (DateTimeException e) {
            throw CallxException.usage(option + " '" + text + "' is not a time zone: use e.g. UTC, Europe/Paris, "
                    + "Asia/Kolkata, +05:30");
        }
    }

    /**
     * A point in time for --since/--until: a duration back from now ({@code 90m}, {@code 24h},
     * {@code 7d}), a date ({@code 2026-11-01}, its first instant in {@code zone}), or a date-time
     * (one without a zone is read in {@code zone}).
     */
    static Instant pointInTime(String option, String text, Instant now, ZoneId zone) {
        String t = text.trim();
        if (DURATION.matcher(t.toLowerCase(Locale.ROOT)).matches() && !t.matches("\\d+")) {
            return now.minus(duration(option, t));
        }
        LocalDate date = Timestamps.parseDate(t);
        if (date != null) {
            return date.atStartOfDay(zone).toInstant();
        }
        Instant instant = Timestamps.parse(t, zone);
        if (instant != null) {
            return instant;
        }
        throw CallxException.usage(option + " '" + text + "' is not a date, a date-time or a duration: use e.g. "
                + "2026-11-01, 2026-11-01T08:00:00Z, 90m, 24h, 7d");
    }
}
