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

    /** The wait asked for, never negative, or null when the header is absent or unreadable. */
    static Duration parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        if (h.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(h));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), when.toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
