package dev.callx.record;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

    /** Larger than any {@link Instant} in milliseconds (about 3.2e19). */
    private static final BigDecimal BEYOND_ANY_EPOCH = new BigDecimal("1e20");

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
        Instant fast = parseCommon(t, assumeZone);
        return fast != null ? fast : parseReference(t, assumeZone);
    }

    /**
     * The accepted set and the results are those of {@link #LENIENT}; only a shape it surely reads
     * the same way takes {@link #parseCommon}'s way, everything else this one.
     */
    static Instant parseReference(String t, ZoneId assumeZone) {
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
     * The shapes the platforms send, read without a formatter and without exceptions:
     * {@code yyyy-MM-dd('T'|' ')HH:mm[:ss[.f{1,9}]][Z|±HH:MM|±HHMM|±HH]}, upper-case T and Z, every value
     * within its plain range (a real date, hour 0-23, an offset within ±18:00).
     *
     * @return the instant, or null when the text is not of these shapes: then {@link #parseReference}
     *         decides, so that null says nothing about validity
     */
    static Instant parseCommon(String t, ZoneId assumeZone) {
        int n = t.length();
        if (n < 16 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':') {
            return null;
        }
        char sep = t.charAt(10);
        if (sep != 'T' && sep != ' ') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        if ((year | month | day | hour | minute) < 0 || month < 1 || month > 12 || day < 1
                || day > CivilDays.monthLength(year, month) || hour > 23 || minute > 59) {
            return null;
        }
        int i = 16;
        int second = 0;
        int nano = 0;
        if (i < n && t.charAt(i) == ':') {
            second = digits(t, i + 1, 2);
            if (second < 0 || second > 59) {
                return null;
            }
            i += 3;
            if (i < n && t.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 10 && isDigit(t.charAt(i))) {
                    nano = nano * 10 + (t.charAt(i) - '0');
                    i++;
                }
                int count = i - start;
                if (count == 0 || count > 9) {
                    return null;
                }
                for (int k = count; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        long localSeconds = CivilDays.epochDay(year, month, day) * 86_400L
                + hour * 3_600L + minute * 60L + second;
        if (i == n) {
            if (assumeZone instanceof ZoneOffset offset) {
                return Instant.ofEpochSecond(localSeconds - offset.getTotalSeconds(), nano);
            }
            return LocalDateTime.of(year, month, day, hour, minute, second, nano).atZone(assumeZone).toInstant();
        }
        int offsetSeconds = offset(t, i);
        return offsetSeconds == NO_OFFSET ? null : Instant.ofEpochSecond(localSeconds - offsetSeconds, nano);
    }

    private static final int NO_OFFSET = Integer.MIN_VALUE;

    /** {@code Z}, {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH} up to the end, in seconds; else NO_OFFSET. */
    private static int offset(String t, int i) {
        int rest = t.length() - i;
        char c = t.charAt(i);
        if (c == 'Z') {
            return rest == 1 ? 0 : NO_OFFSET;
        }
        if ((c != '+' && c != '-') || (rest != 3 && rest != 5 && rest != 6)) {
            return NO_OFFSET;
        }
        int hours = digits(t, i + 1, 2);
        int minutes = 0;
        if (rest == 5) {
            minutes = digits(t, i + 3, 2);
        } else if (rest == 6) {
            minutes = t.charAt(i + 3) == ':' ? digits(t, i + 4, 2) : -1;
        }
        if (hours < 0 || minutes < 0 || minutes > 59 || hours > 18 || (hours == 18 && minutes > 0)) {
            return NO_OFFSET;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return c == '-' ? -seconds : seconds;
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int count) {
        if (from + count > t.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = t.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Reads an epoch number: milliseconds when its magnitude is at least 1e11 (after 1973 in ms),
     * seconds otherwise.
     *
     * @return the instant, or null when it is out of range
     */
    public static Instant fromEpoch(BigDecimal epoch) {
        // beyond any instant even in ms, or with an exponent that would take a billion digits to work out
        if (!Json.plain(epoch) || epoch.abs().compareTo(BEYOND_ANY_EPOCH) > 0) {
            return null;
        }
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

    /** Reads an integral epoch number as {@link #fromEpoch(BigDecimal)} does, without BigDecimal. */
    public static Instant fromEpoch(long epoch) {
        return epoch >= 100_000_000_000L || epoch <= -100_000_000_000L
                ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
    }

    /**
     * Renders an instant as ISO 8601 in {@code zone}: {@code Z} for UTC, else the offset; the
     * fraction, when not zero, with as many digits as it needs (up to 9).
     */
    public static String render(Instant instant, ZoneId zone) {
        byte[] b = new byte[RENDERED_MAX];
        int n = render(instant, zone, b, 0);
        return n < 0 ? renderReference(instant, zone) : new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** The most bytes {@link #render(Instant, ZoneId, byte[], int)} writes. */
    public static final int RENDERED_MAX = 35;

    /**
     * Renders as {@link #render(Instant, ZoneId)} does, in ASCII into {@code b} from {@code at} (room
     * for {@link #RENDERED_MAX} bytes, which it may use past the end it returns), always starting
     * with a digit; returns where it ended, or -1
     * when the text is not of that plain shape (a year beyond 9999 or before 0, an offset of seconds):
     * then nothing was written and {@link #render(Instant, ZoneId)} has it.
     */
    public static int render(Instant instant, ZoneId zone, byte[] b, int at) {
        ZoneOffset offset = zone instanceof ZoneOffset o ? o : zone.getRules().getOffset(instant);
        int offsetSeconds = offset.getTotalSeconds();
        long local = instant.getEpochSecond() + offsetSeconds;
        // years 0000-9999 and offsets in whole minutes; the formatter does the rest (+10000, LMT offsets)
        if (local < MIN_RENDERED || local >= MAX_RENDERED || offsetSeconds % 60 != 0) {
            return -1;
        }
        long day = Math.floorDiv(local, 86_400L);
        int secondOfDay = (int) Math.floorMod(local, 86_400L);
        int date = CivilDays.date(day);
        int i = at;
        i = pad2(b, i, date / 1_000_000);
        i = pad2(b, i, date / 10_000 % 100);
        b[i++] = '-';
        i = pad2(b, i, date / 100 % 100);
        b[i++] = '-';
        i = pad2(b, i, date % 100);
        b[i++] = 'T';
        i = pad2(b, i, secondOfDay / 3_600);
        b[i++] = ':';
        i = pad2(b, i, secondOfDay / 60 % 60);
        b[i++] = ':';
        i = pad2(b, i, secondOfDay % 60);
        int nano = instant.getNano();
        if (nano != 0) {
            b[i++] = '.';
            // nine digits, less the trailing zeros
            i = pad2(b, i, nano / 10_000_000);
            i = pad2(b, i, nano / 100_000 % 100);
            i = pad2(b, i, nano / 1_000 % 100);
            i = pad2(b, i, nano / 10 % 100);
            b[i++] = (byte) ('0' + nano % 10);
            while (b[i - 1] == '0') {
                i--;
            }
        }
        if (offsetSeconds == 0) {
            b[i++] = 'Z';
        } else {
            int abs = Math.abs(offsetSeconds);
            b[i++] = (byte) (offsetSeconds < 0 ? '-' : '+');
            i = pad2(b, i, abs / 3_600);
            b[i++] = ':';
            i = pad2(b, i, abs / 60 % 60);
        }
        return i;
    }

    private static final long MIN_RENDERED = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long MAX_RENDERED = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400L;

    /**
     * {@code value} (0 to 99) as two decimal digits, without a loop: a loop whose bound varies made C2
     * throw compiled code away at its first new bound (see {@link CivilDays}).
     */
    private static int pad2(byte[] b, int at, int value) {
        b[at] = (byte) ('0' + value / 10);
        b[at + 1] = (byte) ('0' + value % 10);
        return at + 2;
    }

    /** What {@link #render} writes, through the formatter: the reference for its fast path. */
    static String renderReference(Instant instant, ZoneId zone) {
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
