package dev.callx.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The row's own appends: what the csv writer puts in without a text of its own first. */
class Utf8RowTest {
    @Test
    void aTimestampOfThePlainShapeIsWrittenInPlaceAndAnyOtherLeftToItsText() throws Exception {
        Utf8Row row = new Utf8Row();
        row.ascii("a,");
        assertThat(row.timestamp(Instant.parse("2026-11-20T09:15:30.120Z"), ZoneOffset.ofHours(-5))).isTrue();
        row.ascii(',');
        assertThat(row.timestamp(Instant.parse("+10000-01-01T00:00:00Z"), ZoneOffset.UTC)).isFalse();
        assertThat(row.timestamp(Instant.parse("1853-04-21T06:43:26Z"), ZoneId.of("Australia/Lord_Howe"))).isFalse();
        assertThat(row.length()).isEqualTo("a,2026-11-20T04:15:30.12-05:00,".length());
        StringWriter out = new StringWriter();
        row.writeTo(out, null);
        assertThat(out.toString()).isEqualTo("a,2026-11-20T04:15:30.12-05:00,");
        assertThat(row.length()).isZero();
    }

    @Test
    void aRowGrowsForWhatItIsGivenAndIsEmptyAfterEachWrite() throws Exception {
        Utf8Row row = new Utf8Row();
        String big = "\u20ac".repeat(1 << 19); // 1.5 MB of UTF-8
        row.text(big, 0, big.length()).ascii(",x");
        StringWriter out = new StringWriter();
        row.writeTo(out, null);
        assertThat(out.toString()).isEqualTo(big + ",x");
        for (int i = 0; i < 30; i++) {
            assertThat(row.timestamp(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).isTrue();
        }
        out = new StringWriter();
        row.writeTo(out, null);
        assertThat(out.toString()).isEqualTo("2026-01-01T00:00:00Z".repeat(30));
    }

    @Test
    void appendsMakeRoomWhenTheRowIsFullToTheByte() throws Exception {
        String full = "x".repeat(1024); // a new row's room, exactly
        Utf8Row row = new Utf8Row();
        row.ascii(full);
        row.ascii(',');
        StringWriter out = new StringWriter();
        row.writeTo(out, null);
        assertThat(out.toString()).isEqualTo(full + ",");

        row = new Utf8Row();
        row.ascii(full);
        assertThat(row.timestamp(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).isTrue();
        out = new StringWriter();
        row.writeTo(out, null);
        assertThat(out.toString()).isEqualTo(full + "2026-01-01T00:00:00Z");

        // an unquoted container at the very end of the room: the opening quote taken out again
        row = new Utf8Row();
        row.ascii("x".repeat(1020));
        assertThat(CsvJson.append(row, dev.callx.record.Json.mapper().createArrayNode())).isTrue();
        out = new StringWriter();
        row.writeTo(out, null);
        assertThat(out.toString()).isEqualTo("x".repeat(1020) + "[]");
    }

    @Test
    void everyLengthOfUtf8IsEncodedAtItsEdges() throws Exception {
        // the last and first character of each length: 1, 2, 3 and 4 bytes; a pair's highest plane too
        String text = "\u007f\u0080\u07ff\u0800\uffff\ud800\udc00\udbff\udfff";
        Utf8Row row = new Utf8Row();
        row.text(text, 0, text.length());
        row.ascii(',');
        row.csvJsonString(text);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        row.writeTo(null, (b, off, len) -> bytes.write(b, off, len));
        assertThat(bytes.toByteArray()).isEqualTo((text + ",\"\"" + text + "\"\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
