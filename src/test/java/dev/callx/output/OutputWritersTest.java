package dev.callx.output;

import static dev.callx.output.OutputFixtures.columns;
import static dev.callx.output.OutputFixtures.firstUnsafeChar;
import static dev.callx.testing.NormalizedJson.MAPPER;
import static dev.callx.testing.NormalizedJson.SPEC_FIELDS;
import static dev.callx.testing.NormalizedJson.fieldNames;
import static dev.callx.testing.NormalizedJson.lines;
import static dev.callx.testing.NormalizedJson.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.io.BufferedWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue item 5: the writers of dev.callx.output, without the CLI. */
class OutputWritersTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static OutputOptions options(Format format, List<Field> fields) {
        return new OutputOptions(format, fields, false, true, UTC, false, 80);
    }

    private static String write(OutputOptions options, List<CallRecord> records) throws Exception {
        StringWriter out = new StringWriter();
        RecordWriter writer = RecordWriter.open(options, out);
        for (CallRecord r : records) {
            writer.write(r);
        }
        writer.finish();
        return out.toString();
    }

    /** A record with a value of every type, and one passed through as received. */
    private static CallRecord typed(String id) {
        return new CallRecord(parse("{\"raw_id\":\"" + id + "\",\"extra\":[1,2.50]}"))
                .set(Field.PROVIDER, "zudu")
                .set(Field.ID, id)
                .set(Field.STARTED_AT, Instant.parse("2023-12-20T18:40:00Z"))
                .set(Field.ENDED_AT, "not a time") // passed through: a String in a timestamp field
                .set(Field.DURATION_SEC, new BigDecimal("1E+3")) // must not print as 1E+3
                .set(Field.COST, new BigDecimal("12.50"))
                .set(Field.LATENCY_MS, "n/a") // passed through: a String in a number field
                .set(Field.METADATA, parse("{\"a\":{\"b\":[1,\"x,y\"]}}"));
    }

    // ---- jsonl / json ----

    @Test
    void jsonlWritesEachTypeAsItsJsonType() throws Exception {
        String out = write(options(Format.JSONL, Field.all()), List.of(typed("a")));
        assertThat(out).endsWith("\n").doesNotContain("\r");
        JsonNode rec = lines(out).get(0);
        assertThat(fieldNames(rec)).containsExactlyElementsOf(SPEC_FIELDS);
        assertThat(rec.get("started_at").textValue()).isEqualTo("2023-12-20T18:40:00Z");
        assertThat(rec.get("ended_at").textValue()).isEqualTo("not a time");
        assertThat(rec.get("duration_sec").isNumber()).isTrue();
        assertThat(out).contains("\"duration_sec\":1000,").contains("\"cost\":12.50,");
        assertThat(rec.get("latency_ms").textValue()).isEqualTo("n/a");
        assertThat(rec.get("metadata")).isEqualTo(parse("{\"a\":{\"b\":[1,\"x,y\"]}}"));
        assertThat(rec.get("direction").isNull()).as("a field not given is null").isTrue();
    }

    @Test
    void jsonlRendersTimestampsInTheZoneGiven() throws Exception {
        OutputOptions kolkata = new OutputOptions(Format.JSONL, List.of(Field.STARTED_AT), false, true,
                ZoneId.of("Asia/Kolkata"), false, 80);
        assertThat(write(kolkata, List.of(typed("a")))).isEqualTo("{\"started_at\":\"2023-12-21T00:10:00+05:30\"}\n");
    }

    @Test
    void jsonWithNoRecordIsAnEmptyArray() throws Exception {
        JsonNode doc = parse(write(options(Format.JSON, Field.all()), List.of()));
        assertThat(doc.isArray()).isTrue();
        assertThat(doc).isEmpty();
    }

    @Test
    void jsonIsOneArrayOfAllRecords() throws Exception {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(typed("r" + i));
        }
        JsonNode doc = parse(write(options(Format.JSON, Field.all()), records));
        assertThat(doc).hasSize(5);
        assertThat(doc.get(4).get("id").textValue()).isEqualTo("r4");
        assertThat(fieldNames(doc.get(0))).containsExactlyElementsOf(SPEC_FIELDS);
    }

    @Test
    void rawWritesThePlatformRecordAsReceived() throws Exception {
        OutputOptions raw = new OutputOptions(Format.JSONL, Field.all(), true, true, UTC, false, 80);
        assertThat(write(raw, List.of(typed("a")))).isEqualTo("{\"raw_id\":\"a\",\"extra\":[1,2.50]}\n");
        OutputOptions rawArray = new OutputOptions(Format.JSON, Field.all(), true, true, UTC, false, 80);
        assertThat(parse(write(rawArray, List.of(typed("a"), typed("b")))).get(1).get("raw_id").textValue())
                .isEqualTo("b");
    }

    @Test
    void rawIsRefusedForCsvAndTable() {
        assertThatThrownBy(() -> new OutputOptions(Format.CSV, Field.all(), true, true, UTC, false, 80))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutputOptions(Format.TABLE, Field.all(), true, true, UTC, false, 80))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- csv ----

    @Test
    void csvCellsParseBackToTheValues() throws Exception {
        String out = write(options(Format.CSV, Field.all()), List.of(typed("a")));
        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(new StringReader(out), CSVFormat.RFC4180)) {
            rows = p.getRecords();
        }
        assertThat(rows.get(0).toList()).containsExactlyElementsOf(SPEC_FIELDS);
        CSVRecord row = rows.get(1);
        assertThat(row.get(SPEC_FIELDS.indexOf("started_at"))).isEqualTo("2023-12-20T18:40:00Z");
        assertThat(row.get(SPEC_FIELDS.indexOf("ended_at"))).isEqualTo("not a time");
        assertThat(row.get(SPEC_FIELDS.indexOf("duration_sec"))).isEqualTo("1000");
        assertThat(row.get(SPEC_FIELDS.indexOf("cost"))).isEqualTo("12.50");
        assertThat(row.get(SPEC_FIELDS.indexOf("metadata"))).isEqualTo("{\"a\":{\"b\":[1,\"x,y\"]}}");
        assertThat(row.get(SPEC_FIELDS.indexOf("direction"))).isEmpty();
    }

    @Test
    void csvSafeDefusesFormulasOnlyWhenAskedFor() throws Exception {
        CallRecord r = new CallRecord(MAPPER.createObjectNode()).set(Field.ID, "=HYPERLINK(\"x\")")
                .set(Field.SUMMARY, "@SUM(A1)").set(Field.FROM_NUMBER, "+14155550100");
        List<Field> fields = List.of(Field.ID, Field.SUMMARY, Field.FROM_NUMBER);
        String plain = write(new OutputOptions(Format.CSV, fields, false, false, UTC, false, 80), List.of(r));
        String safe = write(new OutputOptions(Format.CSV, fields, false, false, UTC, true, 80), List.of(r));
        try (CSVParser p = CSVParser.parse(new StringReader(plain), CSVFormat.RFC4180)) {
            assertThat(p.getRecords().get(0).toList()).containsExactly("=HYPERLINK(\"x\")", "@SUM(A1)", "+14155550100");
        }
        try (CSVParser p = CSVParser.parse(new StringReader(safe), CSVFormat.RFC4180)) {
            assertThat(p.getRecords().get(0).toList()).containsExactly("'=HYPERLINK(\"x\")", "'@SUM(A1)", "'+14155550100");
        }
    }

    @Test
    void csvSafeDefusesALeadingTabOrCarriageReturnAndNothingElse() throws Exception {
        // OWASP "CSV Injection": a cell starting with = + - @ TAB (0x09) or CR (0x0D) is read as a formula
        CallRecord r = new CallRecord(MAPPER.createObjectNode()).set(Field.ID, "\t=1+2").set(Field.SUMMARY, "\r=cmd|' /C calc'!A0")
                .set(Field.CALLER_NAME, "-2+3").set(Field.AGENT_NAME, "a=b").set(Field.STATUS, "'quoted")
                .set(Field.CHANNEL, " =1").set(Field.DIRECTION, "");
        List<Field> fields = List.of(Field.ID, Field.SUMMARY, Field.CALLER_NAME, Field.AGENT_NAME, Field.STATUS,
                Field.CHANNEL, Field.DIRECTION, Field.TO_NUMBER);
        String safe = write(new OutputOptions(Format.CSV, fields, false, false, UTC, true, 80), List.of(r));
        try (CSVParser p = CSVParser.parse(new StringReader(safe), CSVFormat.RFC4180)) {
            assertThat(p.getRecords().get(0).toList()).containsExactly("'\t=1+2", "'\r=cmd|' /C calc'!A0", "'-2+3",
                    "a=b", "'quoted", " =1", "", "");
        }
    }

    // ---- what reaches the writer beneath: callx flushes before each wait for a page (| head stops early) ----

    private static CallRecord withId(String id) {
        return new CallRecord(MAPPER.createObjectNode()).set(Field.ID, id);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void finishPushesEveryRecordToTheWriterBeneath(Format format) throws Exception {
        StringWriter sink = new StringWriter();
        RecordWriter writer = RecordWriter.open(options(format, List.of(Field.ID)),
                new BufferedWriter(sink, 1 << 16));
        writer.write(withId("c-first"));
        writer.write(withId("c-last"));
        writer.finish();
        assertThat(sink.toString()).contains("c-first", "c-last");
    }

    @Test
    void metadataThatIsAJsonStringIsItsTextInCsvAndAnObjectIsCompactJson() throws Exception {
        // a platform may send call_metadata as a string: the cell is that text, not JSON with quotes
        CallRecord text = withId("c-1").set(Field.METADATA, com.fasterxml.jackson.databind.node.TextNode
                .valueOf("vip caller"));
        CallRecord object = withId("c-2").set(Field.METADATA, parse("{\"tier\": \"vip\"}"));
        String csv = write(options(Format.CSV, List.of(Field.ID, Field.METADATA)), List.of(text, object));
        assertThat(csv).isEqualTo("id,metadata\r\nc-1,vip caller\r\nc-2,\"{\"\"tier\"\":\"\"vip\"\"}\"\r\n");
    }

    @Test
    void flushPushesTheRowsWrittenSoFar() throws Exception {
        StringWriter csvSink = new StringWriter();
        RecordWriter csv = RecordWriter.open(options(Format.CSV, List.of(Field.ID)),
                new BufferedWriter(csvSink, 1 << 16));
        csv.write(withId("c-1"));
        csv.flush();
        assertThat(csvSink.toString()).isEqualTo("id\r\nc-1\r\n");

        // a table holds its first rows to size its columns, then streams: what it printed goes out
        StringWriter tableSink = new StringWriter();
        RecordWriter table = RecordWriter.open(options(Format.TABLE, List.of(Field.ID)),
                new BufferedWriter(tableSink, 1 << 16));
        for (int i = 0; i <= TableWriter.HOLD_ROWS; i++) {
            table.write(withId(String.format(Locale.ROOT, "t-%04d", i)));
        }
        table.flush();
        assertThat(tableSink.toString()).startsWith("ID\n").endsWith("t-1000\n");
    }

    // ---- table ----

    private static CallRecord row(String id, String summary) {
        return new CallRecord(MAPPER.createObjectNode()).set(Field.ID, id).set(Field.SUMMARY, summary)
                .set(Field.STARTED_AT, Instant.parse("2026-11-20T09:15:30Z"));
    }

    @Test
    void tableSizesFromTheFirstRowsAndStillCutsALongerRowLater() throws Exception {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < TableWriter.HOLD_ROWS + 50; i++) {
            records.add(row(String.format(Locale.ROOT, "r%04d", i), i == TableWriter.HOLD_ROWS + 10 ? "x".repeat(500) + " 订单订单" : "short"));
        }
        OutputOptions o = new OutputOptions(Format.TABLE, List.of(Field.ID, Field.STARTED_AT, Field.SUMMARY), false,
                true, UTC, false, 50);
        String out = write(o, records);
        List<String> lines = List.of(out.split("\n"));
        assertThat(lines).hasSize(records.size() + 1);
        for (String line : lines) {
            assertThat(columns(line)).as(line).isLessThanOrEqualTo(50);
        }
        assertThat(lines.get(TableWriter.HOLD_ROWS + 11)).startsWith(String.format(Locale.ROOT, "r%04d", TableWriter.HOLD_ROWS + 10)).endsWith("…");
    }

    @Test
    void tableCutsWideCharactersByColumnsNotChars() throws Exception {
        OutputOptions o = new OutputOptions(Format.TABLE, List.of(Field.SUMMARY), false, false, UTC, false, 11);
        String out = write(o, List.of(row("a", "订单订单订单订单"), row("b", "ab订单")));
        List<String> lines = List.of(out.split("\n"));
        assertThat(lines.get(0)).isEqualTo("订单订单订…");
        assertThat(lines.get(1)).isEqualTo("ab订单");
        for (String line : lines) {
            assertThat(columns(line)).isLessThanOrEqualTo(11);
        }
    }

    @Test
    void tableWithNoRecordPrintsOnlyTheHeader() throws Exception {
        OutputOptions o = new OutputOptions(Format.TABLE, List.of(Field.ID, Field.SUMMARY), false, true, UTC, false, 40);
        String out = write(o, List.of());
        assertThat(out.split("\n")).hasSize(1);
        assertThat(out.toLowerCase(Locale.ROOT)).contains("id").contains("summary");
    }

    @Test
    void tableShowsControlsAndFormatCharactersHarmlessly() throws Exception {
        String hostile = "\u001b]8;;http://evil\u0007link\u001b]8;;\u0007 \u009b2J \u202eabc \u2066x\u2069 a\u200bb \u2028 \u0000";
        OutputOptions o = new OutputOptions(Format.TABLE, List.of(Field.SUMMARY), false, false, UTC, false, 200);
        String out = write(o, List.of(row("a", hostile)));
        assertThat(firstUnsafeChar(out)).as(out).isEqualTo(-1);
        assertThat(out.split("\n")).hasSize(1);
        assertThat(out).contains("link").contains("abc");
    }

    @Test
    void cellsCutEndsWithAnEllipsisWithinTheWidth() {
        assertThat(Cells.cut("hello world", 20)).isEqualTo("hello world");
        assertThat(Cells.cut("hello world", 6)).isEqualTo("hello…");
        assertThat(Cells.cut("hello world", 1)).isEqualTo("…");
        assertThat(Cells.width("订单")).isEqualTo(4);
        assertThat(Cells.width(Cells.cut("订单订单", 4))).isLessThanOrEqualTo(4);
        assertThat(Cells.cut("订单订单", 4)).endsWith("…");
    }

    // ---- formats from file names ----

    @Test
    void formatFromFileName() {
        assertThat(Format.fromFileName(Path.of("a.csv"))).isEqualTo(Format.CSV);
        assertThat(Format.fromFileName(Path.of("dir/A.CSV"))).isEqualTo(Format.CSV);
        assertThat(Format.fromFileName(Path.of("a.jsonl"))).isEqualTo(Format.JSONL);
        assertThat(Format.fromFileName(Path.of("a.json"))).isEqualTo(Format.JSON);
        assertThat(Format.fromFileName(Path.of("a.xlsx"))).isNull();
        assertThat(Format.fromFileName(Path.of("noextension"))).isNull();
        assertThat(Format.fromFileName(Path.of("a.csv.gz"))).isNull();
    }

    /** A pipeline into jq sees each page's records when they are flushed, not when the export ends. */
    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSONL", "JSON", "CSV"})
    void flushedRecordsReachTheOutputBeforeTheEnd(Format format) throws Exception {
        StringWriter terminal = new StringWriter();
        java.io.Writer out = new java.io.BufferedWriter(terminal, 1 << 16);
        RecordWriter writer = RecordWriter.open(options(format, List.of(Field.ID)), out);
        writer.write(typed("c-1"));
        writer.flush();
        assertThat(terminal.toString()).contains("c-1");
        writer.write(typed("c-2"));
        writer.finish();
        assertThat(terminal.toString()).contains("c-1").contains("c-2");
    }
}
