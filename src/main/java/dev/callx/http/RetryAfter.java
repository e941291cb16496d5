package dev.callx.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a Retry-After header: delay-seconds or an HTTP date (RFC 9110 section 10.2.3). */
final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * The wait asked for, or null when the header is absent, unreadable, zero, or a date already
     * past: then the caller's own backoff applies (a past date must not mean "retry at once", six
     * times in a fraction of a second).
     */
    static Duration parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        if (h.matches("\\d{1,9}")) {
            long seconds = Long.parseLong(h);
            return seconds == 0 ? null : Duration.ofSeconds(seconds);
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), when.toInstant());
            return d.isNegative() || d.isZero() ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
