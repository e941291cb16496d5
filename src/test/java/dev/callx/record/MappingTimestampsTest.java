package dev.callx.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue item 4: the platforms' timestamps in, ISO 8601 out (dev.callx.record.Timestamps). */
class MappingTimestampsTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-06-11T09:30:00Z                 | 2026-06-11T09:30:00Z",
        "2026-06-11t09:30:00z                 | 2026-06-11T09:30:00Z",
        "2026-06-11T09:30:00+00:00            | 2026-06-11T09:30:00Z",
        "2026-06-11T15:00:00+05:30            | 2026-06-11T09:30:00Z",
        "2026-06-11T15:00:00+0530             | 2026-06-11T09:30:00Z",
        "2026-06-11T04:30:00-05               | 2026-06-11T09:30:00Z",
        "2026-06-11T09:30:00.123456789Z       | 2026-06-11T09:30:00.123456789Z",
        "2026-06-11T11:30:00+02:00[Europe/Paris] | 2026-06-11T09:30:00Z",
        "' 2026-06-11T09:30:00Z '             | 2026-06-11T09:30:00Z",
    })
    void parsesIso8601WithAZoneWhateverTheAssumedZone(String text, String expected) {
        assertThat(Timestamps.parse(text, KOLKATA)).isEqualTo(Instant.parse(expected));
        assertThat(Timestamps.parse(text, ZoneOffset.UTC)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // no seconds; a space for the T; a lower-case t and z; one to nine fraction digits
        "2026-06-11T09:30Z                    | 2026-06-11T09:30:00Z",
        "2026-06-11 09:30:00Z                 | 2026-06-11T09:30:00Z",
        "2026-06-11 09:30:00.5z               | 2026-06-11T09:30:00.500Z",
        "2026-06-11T09:30:00.000000001Z       | 2026-06-11T09:30:00.000000001Z",
        // offsets at the ends of their range, negative zero, hours alone, without a colon
        "2026-06-11T09:30:00+18:00            | 2026-06-10T15:30:00Z",
        "2026-06-11T09:30:00-18:00            | 2026-06-12T03:30:00Z",
        "2026-06-11T09:30:00-00:00            | 2026-06-11T09:30:00Z",
        "2026-06-11T09:30:00+05               | 2026-06-11T04:30:00Z",
        "2026-06-11T09:30:00-0930             | 2026-06-11T19:00:00Z",
        // an offset given in seconds (+HH:MM:ss)
        "2026-06-11T09:30:00+05:30:15         | 2026-06-11T03:59:45Z",
        // the first and the last day of the years a platform may send, a leap day of a century year
        "0000-01-01T00:00:00Z                 | 0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z       | 9999-12-31T23:59:59.999999999Z",
        "2000-02-29T00:00:00Z                 | 2000-02-29T00:00:00Z",
        // a year of more than four digits carries a sign
        "+10000-01-01T00:00:00Z               | +10000-01-01T00:00:00Z",
        // quirks of the formatter kept as they are: a point without digits, the zone written twice
        "2026-06-11T09:30:00.Z                | 2026-06-11T09:30:00Z",
        "2026-06-11T09:30:00ZZ                | 2026-06-11T09:30:00Z",
    })
    void readsTheLessCommonShapesAsTheFormatterDoes(String text, String expected) {
        assertThat(Timestamps.parse(text, KOLKATA)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-06-11T09:30:00.1234567891Z", // ten fraction digits
        "2026-06-11T24:00:00Z", "2026-06-11T23:60:00Z", "2026-06-11T23:59:60Z",
        "2026-06-11T09:30:00+18:01", "2026-06-11T09:30:00+19:00", "2026-06-11T09:30:00+24:00",
        "2026-06-11T09:30:00+05:3", "2026-06-11T09:30:00+5:30", "2026-06-11T09:30:00Z+01:00",
        "2026-06-11T09:30:00 Z", "2026-6-11T09:30:00Z", "2026-06-11T9:30:00Z",
        "1900-02-29T00:00:00Z", "10000-01-01T00:00:00Z", "+2026-06-11T09:30:00Z", "2026-06-11T09:30:00[Nowhere/Land]",
        "2026-06-11", "2026-06-11T", "2026-06-11T09", "2026-06-11x09:30:00Z"})
    void otherShapesAreNotTimestamps(String text) {
        assertThat(Timestamps.parse(text, ZoneOffset.UTC)).as(text).isNull();
        assertThat(Timestamps.parse(text, KOLKATA)).as(text).isNull();
    }

    @Test
    void aZonelessTimestampInADaylightSavingGapOrOverlapIsReadAsJavaTimeDoes() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 02:30 does not exist on 2026-03-08 (clocks go 02:00 -> 03:00): moved forward by the gap
        assertThat(Timestamps.parse("2026-03-08T02:30:00", newYork)).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        // 01:30 happens twice on 2026-11-01: the earlier offset (-04:00) wins
        assertThat(Timestamps.parse("2026-11-01T01:30:00", newYork)).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void rendersFractionsWithTheDigitsTheyNeedAndOddOffsetsAsTheFormatterDoes() {
        assertThat(Timestamps.render(Instant.parse("2026-04-21T12:27:23.500Z"), ZoneOffset.UTC))
                .isEqualTo("2026-04-21T12:27:23.5Z");
        assertThat(Timestamps.render(Instant.parse("2026-04-21T12:27:23.000000010Z"), ZoneOffset.UTC))
                .isEqualTo("2026-04-21T12:27:23.00000001Z");
        assertThat(Timestamps.render(Instant.parse("2026-04-21T12:27:23Z"), ZoneOffset.ofHoursMinutes(-9, -30)))
                .isEqualTo("2026-04-21T02:57:23-09:30");
        // Madras time of 1900 was +05:21:10: the seconds of an offset are not written
        assertThat(Timestamps.render(Instant.parse("1900-01-01T00:00:00Z"), KOLKATA))
                .isEqualTo("1900-01-01T05:21:10+05:21");
        assertThat(Timestamps.render(Instant.parse("+10000-01-01T00:00:00Z"), ZoneOffset.UTC))
                .isEqualTo("+10000-01-01T00:00:00Z");
        assertThat(Timestamps.render(Instant.parse("-0001-12-31T23:59:59Z"), ZoneOffset.UTC))
                .isEqualTo("-0001-12-31T23:59:59Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-02-29T10:00:00Z", "2026-04-31T12:00:00"})
    void aDateThatDoesNotExistIsNotMovedToOneThatDoes(String text) {
        // passed through as received (SPEC section 4), not silently read as Feb 28 or Apr 30
        assertThat(Timestamps.parse(text, ZoneOffset.UTC)).isNull();
    }

    @Test
    void aLeapDayIsRead() {
        assertThat(Timestamps.parse("2028-02-29T10:00:00Z", ZoneOffset.UTC)).isEqualTo(Instant.parse("2028-02-29T10:00:00Z"));
    }

    @Test
    void readsAZonelessTimestampInTheAssumedZone() {
        // Vaani: 2026-04-21T12:27:23.335803, no zone
        assertThat(Timestamps.parse("2026-04-21T12:27:23.335803", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-04-21T12:27:23.335803Z"));
        assertThat(Timestamps.parse("2026-04-21T12:27:23.335803", KOLKATA))
                .isEqualTo(Instant.parse("2026-04-21T06:57:23.335803Z"));
        assertThat(Timestamps.parse("2026-04-21 12:27:23", KOLKATA))
                .isEqualTo(Instant.parse("2026-04-21T06:57:23Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<string>", "yesterday", "21/04/2026 12:27", "2026-13-01T00:00:00Z",
        "1703097600000", "2026-06-11T09:30:00Zjunk", "", "   "})
    void textThatIsNotATimestampIsNull(String text) {
        assertThat(Timestamps.parse(text, ZoneOffset.UTC)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1703097600000,     2023-12-20T18:40:00Z",
        "1703097600,        2023-12-20T18:40:00Z",
        "1703097600123,     2023-12-20T18:40:00.123Z",
        "1703097600.5,      2023-12-20T18:40:00.500Z",
        "1703098200000,     2023-12-20T18:50:00Z",
        "0,                 1970-01-01T00:00:00Z",
        // the switch: a magnitude of 1e11 and more is milliseconds (1e11 s would be the year 5138)
        "100000000000,      1973-03-03T09:46:40Z",
        "99999999999,       5138-11-16T09:46:39Z",
        "-100000000000,     1966-10-31T14:13:20Z",
        "100000000000.5,    1973-03-03T09:46:40.000500Z",
    })
    void readsEpochMillisecondsAndSeconds(String epoch, String expected) {
        assertThat(Timestamps.fromEpoch(new BigDecimal(epoch))).isEqualTo(Instant.parse(expected));
    }

    @Test
    void anEpochOutOfRangeIsNull() {
        assertThat(Timestamps.fromEpoch(new BigDecimal("1e30"))).isNull();
    }

    @Test
    void rendersUtcWithZAndOtherZonesWithTheirOffset() {
        Instant t = Instant.parse("2023-12-20T18:40:00Z");
        assertThat(Timestamps.render(t, ZoneOffset.UTC)).isEqualTo("2023-12-20T18:40:00Z");
        assertThat(Timestamps.render(t, ZoneId.of("UTC"))).isEqualTo("2023-12-20T18:40:00Z");
        assertThat(Timestamps.render(t, KOLKATA)).isEqualTo("2023-12-21T00:10:00+05:30");
        assertThat(Timestamps.render(t, ZoneId.of("America/New_York"))).isEqualTo("2023-12-20T13:40:00-05:00");
        assertThat(Timestamps.render(Instant.parse("2026-04-21T12:27:23.335803Z"), ZoneOffset.UTC))
                .isEqualTo("2026-04-21T12:27:23.335803Z");
    }

    @Test
    void renderedTextParsesBackToTheSameInstant() {
        Instant t = Instant.parse("2026-04-21T06:57:23.335803Z");
        for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, KOLKATA, ZoneId.of("Pacific/Chatham")}) {
            assertThat(Timestamps.parse(Timestamps.render(t, zone), ZoneOffset.UTC)).as(zone.toString()).isEqualTo(t);
        }
    }
}
