package dev.callx.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import dev.callx.testing.NormalizedJson;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * The csv writer writes what Commons CSV's RFC 4180 printer writes for the same cells (the
 * reference it replaced), on random cells full of what quoting and --csv-safe are about.
 */
class CsvWriterTest {
    /** How SPEC section 4 writes a timestamp: ISO 8601 in --tz, Z for UTC, the fraction's digits as needed. */
    private static final java.time.format.DateTimeFormatter RENDERED = new java.time.format.DateTimeFormatterBuilder()
            .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HH:MM", "Z").toFormatter();
    private static final String ALPHABET = "ab ,\"\r\n=+-@\t'#!$ ;\\é€😀\u0000\u001f\u2028";

    @Test
    void randomRecordsAreWrittenAsCommonsCsvWritesThem() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        List<String> wrong = new ArrayList<>();
        for (int run = 0; run < 400; run++) {
            boolean header = random.nextBoolean();
            boolean safe = random.nextBoolean();
            List<Field> fields = fields(random);
            List<List<String>> rows = new ArrayList<>();
            for (int r = random.nextInt(6); r > 0; r--) {
                List<String> row = new ArrayList<>();
                for (int f = 0; f < fields.size(); f++) {
                    row.add(cell(random));
                }
                rows.add(row);
            }
            String expected = commonsCsv(fields, rows, header, safe);
            for (Sink sink : Sink.values()) {
                String got = callx(fields, rows, header, safe, sink);
                if (!got.equals(expected)) {
                    wrong.add(sink + ", header " + header + ", csv-safe " + safe + ", rows " + rows + ":\n" + got
                            + "\nexpected\n" + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theCellsThatDecideQuotingAreWrittenAsCommonsCsvWritesThem() throws Exception {
        List<String> cells = List.of("", " ", "a", "a ", " a", "a\t", "#a", "\"a", "a\"", "a\"b", ",a", "a,", "a,b", "\ra",
                "a\r", "a\nb", "!", "$a", "=1+2", "+1", "-1", "@a", "\ta", "'a", "a\u0000", "\u0000a", "é", "a\u2028",
                "\u00a0a", "a\u00a0", "\"\"", "\"", ",", "\r\n", "\u0080", "a\u007f");
        for (boolean safe : new boolean[] {false, true}) {
            for (String first : cells) {
                for (String second : cells) {
                    List<List<String>> rows = List.of(List.of(first, second), java.util.Arrays.asList(null, first));
                    List<Field> fields = List.of(Field.ID, Field.SUMMARY);
                    for (Sink sink : Sink.values()) {
                        assertThat(callx(fields, rows, true, safe, sink))
                                .as("[%s] [%s] csv-safe %s, %s", first, second, safe, sink)
                                .isEqualTo(commonsCsv(fields, rows, true, safe));
                    }
                }
            }
        }
    }

    @Test
    void aHugeCellIsWrittenWhole() throws Exception {
        String big = "x\"y,".repeat(600_000);
        List<List<String>> rows = List.of(List.of(big, "a"), List.of("b", "c"));
        List<Field> fields = List.of(Field.ID, Field.SUMMARY);
        for (Sink sink : Sink.values()) {
            assertThat(callx(fields, rows, false, false, sink)).as("%s", sink)
                    .isEqualTo(commonsCsv(fields, rows, false, false));
        }
    }

    @Test
    void anUnpairedSurrogateIsTheQuestionMarkTheJdksEncoderWritesForIt() throws Exception {
        // a broken pair in a platform's text: the row is UTF-8, byte for byte what encoding Commons CSV's
        // text with the JDK writes, in a cell that needs quotes or not
        List<List<String>> rows = List.of(List.of("a\ud83d", "\ude00b"), List.of("\ud83d\ude00,\ud83d", "\"\ude00\""),
                List.of("x\ud83d\ud83d\ude00y", "\u00e9\ud800"));
        List<Field> fields = List.of(Field.ID, Field.SUMMARY);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(expected, StandardCharsets.UTF_8)) {
            w.write(commonsCsv(fields, rows, true, false));
        }
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (Utf8Writer w = new Utf8Writer(got, 16)) {
            write(fields, rows, true, false, w);
        }
        assertThat(got.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString(StandardCharsets.UTF_8));
        assertThat(got.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void objectCellsAreTheCompactJsonJacksonWrites() throws Exception {
        List<String> trees = List.of("{}", "[]", "{\"a\":1,\"b\":[1.50,null,true],\"c\":{\"d\":\"x,\\\"y\\r\\n\"}}",
                "[1,2]", "[1]", "[[[]]]", "[false]", "[null]", "[-1]", "7", "true", "-3", "{\"big\":\"" + "z".repeat(2_000_000) + "\"}",
                "{\"\u00e9\":\"\ud83d\ude00\u20ac\u07ff\"}", "{\"n\":-0.000,\"m\":1e3,\"k\":12345678901234567890,\"l\":-9007199254740993}",
                "{\"c\":\"\\u0000\\u001f\\b\\t\\f\\\\/\\u007f\",\"q\\\"k\":\"\\\"\\\"\"}",
                "{\"lone\":\"a\\ud83d b \\ude00\"}", "[\"=1+2\",\"-x\"]", "{\"e\":1e99999}");
        for (Sink sink : Sink.values()) {
            for (boolean safe : new boolean[] {false, true}) {
                StringWriter expected = new StringWriter();
                CSVPrinter printer = new CSVPrinter(expected, CSVFormat.RFC4180.builder().setAutoFlush(false).get());
                printer.printRecord("metadata", "id", "summary");
                List<CallRecord> records = new ArrayList<>();
                for (int pass = 0; pass < 2; pass++) { // one generator serves all records, whatever came before
                    for (String tree : trees) {
                        com.fasterxml.jackson.databind.JsonNode node = dev.callx.record.Json.mapper().readTree(tree);
                        records.add(new CallRecord(node).set(Field.METADATA, node).set(Field.ID, "r")
                                .set(Field.SUMMARY, node));
                        String json = dev.callx.record.Json.compact(node);
                        printer.printRecord(safe ? reference(json) : json, "r", safe ? reference(json) : json);
                    }
                }
                // a double (no platform's tree has one): the generator's text, through the text path
                com.fasterxml.jackson.databind.node.ObjectNode doubled = dev.callx.record.Json.mapper().createObjectNode();
                doubled.put("d", 0.5).put("s", "x\"y");
                records.add(new CallRecord(doubled).set(Field.METADATA, doubled).set(Field.ID, "r"));
                printer.printRecord(dev.callx.record.Json.compact(doubled), "r", null);
                printer.flush();
                String got = callx(List.of(Field.METADATA, Field.ID, Field.SUMMARY), records, safe, sink);
                assertThat(got.equals(encoded(expected.toString()))).as("same csv, %s, csv-safe %s", sink, safe).isTrue();
            }
        }
    }

    @Test
    void timestampCellsAreTheTextTheyRenderToDefusedWhenTheyStartWithASign() throws Exception {
        List<java.time.Instant> instants = List.of(java.time.Instant.parse("2026-11-20T09:15:30.120Z"),
                java.time.Instant.parse("+10000-01-01T00:00:00Z"), java.time.Instant.parse("-0001-06-01T00:00:00Z"),
                java.time.Instant.parse("1853-04-21T06:43:26Z"), java.time.Instant.parse("0000-01-01T00:00:00Z"));
        for (java.time.ZoneId zone : List.of(ZoneOffset.UTC, java.time.ZoneId.of("Australia/Lord_Howe"),
                ZoneOffset.ofHoursMinutes(-9, -30))) {
            for (boolean safe : new boolean[] {false, true}) {
                StringWriter expected = new StringWriter();
                CSVPrinter printer = new CSVPrinter(expected, CSVFormat.RFC4180.builder().setAutoFlush(false).get());
                printer.printRecord("id", "started_at", "ended_at");
                for (Sink sink : Sink.values()) {
                    List<CallRecord> records = new ArrayList<>();
                    for (java.time.Instant instant : instants) {
                        records.add(new CallRecord(NormalizedJson.parse("{}")).set(Field.ID, "r")
                                .set(Field.STARTED_AT, instant).set(Field.ENDED_AT, instant));
                        if (sink == Sink.WRITER) {
                            String text = RENDERED.format(instant.atZone(zone).toOffsetDateTime());
                            printer.printRecord("r", safe ? reference(text) : text, safe ? reference(text) : text);
                        }
                    }
                    printer.flush();
                    OutputOptions options = new OutputOptions(Format.CSV, List.of(Field.ID, Field.STARTED_AT,
                            Field.ENDED_AT), false, true, zone, safe, 80);
                    assertThat(callx(options, records, sink)).as("%s, %s, csv-safe %s", zone, sink, safe)
                            .isEqualTo(expected.toString());
                }
            }
        }
    }

    /** The text as UTF-8 would carry it: an unpaired surrogate as '?'. */
    private static String encoded(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String callx(List<Field> fields, List<CallRecord> records, boolean safe, Sink sink) throws Exception {
        return callx(new OutputOptions(Format.CSV, fields, false, true, ZoneOffset.UTC, safe, 80), records, sink);
    }

    private static String callx(OutputOptions options, List<CallRecord> records, Sink sink) throws Exception {
        StringWriter chars = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer utf8 = new Utf8Writer(bytes, 64);
        Writer out = sink == Sink.WRITER ? chars : sink == Sink.FILE ? utf8 : new Utf8PrintWriter(utf8);
        RecordWriter writer = RecordWriter.open(options, out);
        for (CallRecord record : records) {
            writer.write(record);
        }
        writer.finish();
        out.close();
        return sink == Sink.WRITER ? chars.toString() : bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<Field> fields(SplittableRandom random) {
        List<Field> all = new ArrayList<>(Field.all());
        all.remove(Field.METADATA); // an object field: its text is the JSON (OutputFormatsTest)
        List<Field> fields = new ArrayList<>();
        for (int n = 1 + random.nextInt(5); n > 0; n--) {
            fields.add(all.remove(random.nextInt(all.size())));
        }
        return fields;
    }

    private static String cell(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 1 + random.nextInt(kind < 5 ? 3 : 12); n > 0; n--) {
            sb.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                    random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return sb.toString();
    }

    /** Where the csv goes: any writer (decoded), a file's (bytes), stdout's (bytes, through its PrintWriter). */
    private enum Sink {
        WRITER, FILE, STDOUT
    }

    private static String callx(List<Field> fields, List<List<String>> rows, boolean header, boolean safe, Sink sink)
            throws Exception {
        if (sink == Sink.WRITER) {
            StringWriter out = new StringWriter();
            write(fields, rows, header, safe, out);
            return out.toString();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer utf8 = new Utf8Writer(bytes, 64);
        Writer out = sink == Sink.FILE ? utf8 : new Utf8PrintWriter(utf8);
        write(fields, rows, header, safe, out);
        out.close();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void write(List<Field> fields, List<List<String>> rows, boolean header, boolean safe, Writer out)
            throws Exception {
        RecordWriter writer = RecordWriter.open(new OutputOptions(Format.CSV, fields, false, header, ZoneOffset.UTC,
                safe, 80), out);
        for (List<String> row : rows) {
            CallRecord record = new CallRecord(NormalizedJson.parse("{}"));
            for (int f = 0; f < fields.size(); f++) {
                record.set(fields.get(f), row.get(f));
            }
            writer.write(record);
        }
        writer.finish();
    }

    /** What callx wrote through Commons CSV before: the same cells, defused the same way. */
    private static String commonsCsv(List<Field> fields, List<List<String>> rows, boolean header, boolean safe)
            throws Exception {
        StringWriter out = new StringWriter();
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setAutoFlush(false).get());
        if (header) {
            printer.printRecord(fields.stream().map(Field::wireName).toList());
        }
        for (List<String> row : rows) {
            for (String cell : row) {
                printer.print(safe ? reference(cell) : cell);
            }
            printer.println();
        }
        printer.flush();
        return out.toString();
    }

    /** --csv-safe as SPEC section 6 gives it: a leading = + - @ TAB or CR gets an apostrophe. */
    private static String reference(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
