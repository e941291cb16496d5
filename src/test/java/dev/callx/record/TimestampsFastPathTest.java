package dev.callx.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link Timestamps} against the formatter-based reference, on many random and
 * tricky inputs: the same accepted set, the same instants, the same text.
 */
class TimestampsFastPathTest {
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("America/New_York"), ZoneId.of("Europe/Amsterdam"), ZoneOffset.ofHoursMinutes(-9, -30),
            ZoneId.of("Pacific/Chatham"), ZoneId.of("Australia/Lord_Howe"));
    private static final int CASES = 20_000;
    /** Fewer: the reference parser throws up to 7 exceptions per call. */
    private static final int PARSE_CASES = 12_000;

    /**
     * The fast path is what makes a timestamp cheap (the reference throws up to 7 exceptions per
     * call): every common shape at the edge of each of its ranges is read by it, not left to the
     * reference, and read as the reference reads it.
     */
    @Test
    void theFastPathReadsEveryCommonShapeAtTheEdgesOfItsRanges() {
        List<String> edges = List.of("2024-12-31T23:59:59.999999999Z", "2024-02-29 00:00", "2023-02-28T12:00",
                "2024-01-31T00:00:00.1Z", "2024-04-30T00:00:09", "0001-01-01T00:00Z", "9999-12-31T23:59:59Z",
                "2024-06-01T10:00:00+18:00", "2024-06-01T10:00:00-18:00", "2024-06-01T10:00:00+1800",
                "2024-06-01T10:00:00+18", "2024-06-01T10:00:00-17:59", "2024-06-01T10:00:00+05:45",
                "2024-06-01T10:00:00-0930", "2024-06-01T10:00:00+00", "2024-06-01T10:00:00.123456789-00:01");
        List<String> wrong = new ArrayList<>();
        for (String t : edges) {
            for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Asia/Kathmandu"), ZoneOffset.ofHoursMinutes(13, 45))) {
                Instant common = Timestamps.parseCommon(t, zone);
                Instant reference = Timestamps.parseReference(t, zone);
                if (common == null || !common.equals(reference)) {
                    wrong.add(t + " in " + zone + ": fast path " + common + ", reference " + reference);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void parseAcceptsWhatTheReferenceAcceptsAndReadsItTheSameWay() {
        SplittableRandom random = new SplittableRandom(7);
        int fast = 0;
        int referenceOnly = 0;
        int rejected = 0;
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < PARSE_CASES; k++) {
            String text = randomTimestamp(random);
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            String t = text.trim();
            Instant expected = t.isEmpty() ? null : Timestamps.parseReference(t, zone);
            Instant got = Timestamps.parse(text, zone);
            Instant common = t.isEmpty() ? null : Timestamps.parseCommon(t, zone);
            if (!Objects.equals(got, expected) || (common != null && !common.equals(expected))) {
                wrong.add("'" + text + "' in " + zone + ": " + got + " (fast path " + common + "), reference "
                        + expected);
            }
            if (common != null) {
                fast++;
            } else if (expected != null) {
                referenceOnly++;
            } else {
                rejected++;
            }
        }
        assertThat(wrong).isEmpty();
        // the generator reaches all three kinds of input, each often
        assertThat(fast).isGreaterThan(PARSE_CASES / 10);
        assertThat(referenceOnly).isGreaterThan(PARSE_CASES / 50);
        assertThat(rejected).isGreaterThan(PARSE_CASES / 10);
    }

    @Test
    void renderWritesWhatTheFormatterWrites() {
        SplittableRandom random = new SplittableRandom(11);
        List<String> wrong = new ArrayList<>();
        int inBytes = 0;
        int inText = 0;
        for (int k = 0; k < CASES; k++) {
            long seconds = switch (random.nextInt(5)) {
                case 0 -> random.nextLong(-62_167_219_200L - 86_400L * 800, 253_402_300_800L + 86_400L * 800);
                case 1 -> random.nextLong(-5_000_000_000L, 5_000_000_000L); // the LMT offsets of the 1800s
                case 2 -> random.nextLong(Instant.MIN.getEpochSecond() / 2, Instant.MAX.getEpochSecond() / 2);
                default -> 1_700_000_000L + random.nextLong(400_000_000L);
            };
            int nano = switch (random.nextInt(5)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                case 3 -> random.nextInt(10) * 100_000_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            String expected = Timestamps.renderReference(instant, zone);
            String got = Timestamps.render(instant, zone);
            if (!got.equals(expected)) {
                wrong.add(instant + " in " + zone + ": " + got + ", reference " + expected);
            }
            // the bytes form (a csv row): the same text in place, from a digit on; or nothing written
            byte[] row = "ab,".repeat(20).getBytes(StandardCharsets.US_ASCII);
            int end = Timestamps.render(instant, zone, row, 3);
            // outside its room nothing changed (inside, past the end, are the fraction's trailing zeros)
            int roomEnd = 3 + Timestamps.RENDERED_MAX;
            String around = new String(row, 0, 3, StandardCharsets.US_ASCII)
                    + new String(row, roomEnd, row.length - roomEnd, StandardCharsets.US_ASCII);
            if (end < 0) {
                inText++;
                if (!new String(row, StandardCharsets.US_ASCII).equals("ab,".repeat(20))
                        || Character.isDigit(expected.charAt(0)) && zone.getRules().getOffset(instant).getTotalSeconds() % 60 == 0) {
                    wrong.add(instant + " in " + zone + ": the bytes form declined " + expected);
                }
            } else {
                inBytes++;
                String text = new String(row, 3, end - 3, StandardCharsets.US_ASCII);
                if (!text.equals(expected) || !Character.isDigit(text.charAt(0))
                        || !around.equals("ab," + "ab,".repeat(20).substring(roomEnd))) {
                    wrong.add(instant + " in " + zone + ": bytes " + text + " in " + new String(row, StandardCharsets.US_ASCII)
                            + ", reference " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(inBytes).isGreaterThan(CASES / 2);
        assertThat(inText).isGreaterThan(CASES / 50);
    }

    @Test
    void renderEdges() {
        assertThat(Timestamps.render(Instant.parse("0000-01-01T00:00:00.000000001Z"), ZoneOffset.UTC))
                .isEqualTo("0000-01-01T00:00:00.000000001Z");
        assertThat(Timestamps.render(Instant.parse("9999-12-31T23:59:59.999999999Z"), ZoneOffset.UTC))
                .isEqualTo("9999-12-31T23:59:59.999999999Z");
        assertThat(Timestamps.render(Instant.parse("2024-02-29T12:34:56.100Z"), ZoneOffset.ofHoursMinutes(5, 45)))
                .isEqualTo("2024-02-29T18:19:56.1+05:45");
        assertThat(Timestamps.render(Instant.parse("2026-03-01T00:00:00.000000010Z"), ZoneOffset.ofHours(-12)))
                .isEqualTo("2026-02-28T12:00:00.00000001-12:00");
    }

    @Test
    void anIntegralEpochReadsAsItsDecimal() {
        SplittableRandom random = new SplittableRandom(13);
        long[] edges = {0, 1, -1, 99_999_999_999L, 100_000_000_000L, -99_999_999_999L, -100_000_000_000L,
            Long.MAX_VALUE, Long.MIN_VALUE, 1_703_097_600_000L, 1_703_097_600L};
        for (long e : edges) {
            assertThat(Timestamps.fromEpoch(e)).as("%d", e).isEqualTo(Timestamps.fromEpoch(BigDecimal.valueOf(e)));
        }
        List<Long> wrong = new ArrayList<>();
        for (int k = 0; k < CASES; k++) {
            long e = random.nextBoolean() ? random.nextLong() : random.nextLong(-300_000_000_000L, 300_000_000_000L);
            if (!Timestamps.fromEpoch(e).equals(Timestamps.fromEpoch(BigDecimal.valueOf(e)))) {
                wrong.add(e);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Mostly plausible timestamps, each part now and then out of range or of another shape. */
    static String randomTimestamp(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(20) == 0) {
            sb.append(pick(r, " ", "\t", "\n", "  "));
        }
        switch (r.nextInt(30)) {
            case 0 -> sb.append(pick(r, "0000", "9999", "+10000", "-0001", "+2026", "-2026", "10000", "202", "0001"));
            case 1 -> sb.append(r.nextInt(100_000));
            default -> sb.append(1900 + r.nextInt(200));
        }
        sb.append(r.nextInt(40) == 0 ? pick(r, "/", "", "--") : "-");
        sb.append(r.nextInt(15) == 0 ? Integer.toString(r.nextInt(14)) : two(1 + r.nextInt(r.nextInt(10) == 0 ? 14 : 12)));
        sb.append(r.nextInt(40) == 0 ? pick(r, "/", "") : "-");
        sb.append(r.nextInt(15) == 0 ? Integer.toString(r.nextInt(33)) : two(r.nextInt(10) == 0 ? r.nextInt(33) : 1 + r.nextInt(28)));
        if (r.nextInt(40) == 0) {
            return sb.toString(); // a date alone
        }
        sb.append(r.nextInt(8) == 0 ? pick(r, " ", "t", "", "T ", "x", "  ", "_") : "T");
        sb.append(r.nextInt(15) == 0 ? Integer.toString(r.nextInt(26)) : two(r.nextInt(r.nextInt(10) == 0 ? 26 : 24)));
        sb.append(r.nextInt(40) == 0 ? pick(r, "", ".", "::") : ":");
        sb.append(two(r.nextInt(r.nextInt(10) == 0 ? 61 : 60)));
        if (r.nextInt(6) != 0) {
            sb.append(r.nextInt(40) == 0 ? pick(r, "", ".", "::") : ":");
            sb.append(r.nextInt(20) == 0 ? Integer.toString(r.nextInt(62)) : two(r.nextInt(r.nextInt(10) == 0 ? 62 : 60)));
            if (r.nextInt(3) != 0) {
                sb.append(r.nextInt(30) == 0 ? pick(r, ",", "..") : ".");
                int digits = r.nextInt(12);
                for (int d = 0; d < digits; d++) {
                    sb.append((char) ('0' + r.nextInt(10)));
                }
            }
        }
        switch (r.nextInt(12)) {
            case 0, 1, 2 -> { } // no zone
            case 3 -> sb.append(pick(r, "Z", "z", "ZZ", "UTC", " Z", "GMT"));
            case 4 -> sb.append(sign(r)).append(two(r.nextInt(26)));
            case 5 -> sb.append(sign(r)).append(two(r.nextInt(26))).append(two(r.nextInt(62)));
            case 6 -> sb.append(sign(r)).append(two(r.nextInt(26))).append(':').append(two(r.nextInt(62)))
                    .append(r.nextInt(5) == 0 ? ":" + two(r.nextInt(62)) : "");
            case 7 -> sb.append(sign(r)).append(r.nextInt(10)).append(r.nextInt(4) == 0 ? ":30" : "");
            case 8 -> sb.append(pick(r, "+05:30", "-08:00", "+18:00", "-18:00", "+18:01", "+19:00", "+00:00",
                    "-00:00", "+14:00", "+05:3", "+05:", "+5:30", "+0530", "-0800"));
            case 9 -> sb.append(pick(r, "[Europe/Paris]", "+02:00[Europe/Paris]", "Z[UTC]", "+05:30[Asia/Kolkata]",
                    "[Nowhere/Land]", "Z[Europe/Paris]"));
            case 10 -> sb.append(pick(r, "junk", "Z junk", "+05:30Z", "Z+01:00", " ", "+", "-", "."));
            default -> sb.append('Z');
        }
        if (r.nextInt(20) == 0) {
            sb.append(pick(r, " ", "\t", "\r\n"));
        }
        if (r.nextInt(25) == 0 && sb.length() > 0) {
            int at = r.nextInt(sb.length());
            sb.setCharAt(at, "0123456789-:T Z+.tz".charAt(r.nextInt(19)));
        }
        return sb.toString();
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String sign(SplittableRandom r) {
        return r.nextBoolean() ? "+" : "-";
    }

    private static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
