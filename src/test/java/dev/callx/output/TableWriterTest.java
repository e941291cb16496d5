package dev.callx.output;

import static dev.callx.output.OutputFixtures.columns;
import static dev.callx.testing.NormalizedJson.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 10 item 3: what the table shows, written without the CLI. */
class TableWriterTest {
    private static final String LONG = "The caller asked why the October invoice was charged twice and the agent "
            + "explained the refund in detail.";

    private record Table(List<String> lines, List<Field> hidden) {
        String header() {
            return lines.get(0);
        }

        /** The cell of a row under a header, from that header's start to the next header's. */
        String cell(int row, String header) {
            String h = lines.get(0);
            int start = h.indexOf(header);
            int end = h.indexOf("  ", start + header.length());
            while (end >= 0 && end < h.length() && h.charAt(end) == ' ') {
                end++;
            }
            String line = lines.get(row);
            return line.substring(Math.min(start, line.length()),
                    end < 0 || end >= h.length() ? line.length() : Math.min(end, line.length())).strip();
        }
    }

    private static Table write(int width, List<Field> fields, List<CallRecord> records) throws Exception {
        StringWriter out = new StringWriter();
        RecordWriter writer = RecordWriter.open(new OutputOptions(Format.TABLE, fields, false, true, ZoneOffset.UTC,
                false, width), out);
        for (CallRecord r : records) {
            writer.write(r);
        }
        writer.finish();
        List<String> lines = out.toString().lines().toList();
        for (String line : lines) {
            assertThat(columns(line)).as("fits %d columns: [%s]\n%s", width, line, out).isLessThanOrEqualTo(width);
        }
        return new Table(lines, writer.hiddenForWidth());
    }

    /** A Vaani-like call: a long id, a status of two words, a summary. */
    private static CallRecord call(String id, String status, String summary) {
        return new CallRecord(parse("{}"))
                .set(Field.PROVIDER, "vaani")
                .set(Field.ID, id)
                .set(Field.STARTED_AT, Instant.parse("2026-12-01T22:54:35.123Z"))
                .set(Field.FROM_NUMBER, "+16467226390")
                .set(Field.TO_NUMBER, "+918037565218")
                .set(Field.DIRECTION, "inbound")
                .set(Field.STATUS, status)
                .set(Field.DURATION_SEC, new BigDecimal("69.277886"))
                .set(Field.AGENT_NAME, "vaani_sales_agent")
                .set(Field.SUMMARY, summary);
    }

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({"69.277886, 1:09", "588.999879, 9:49", "0.04, 0:00", "59.5, 1:00", "600, 10:00", "3599.4, 59:59",
            "3725, 1:02:05", "86400, 24:00:00", "1E+3, 16:40"})
    void durationsReadAsAClock(String seconds, String shown) throws Exception {
        CallRecord r = call("c1", "Completed", "s").set(Field.DURATION_SEC, new BigDecimal(seconds));
        Table t = write(120, List.of(Field.ID, Field.DURATION_SEC), List.of(r));

        assertThat(t.header()).isEqualTo("ID  DURATION");
        assertThat(t.lines().get(1)).isEqualTo("c1  " + " ".repeat(8 - shown.length()) + shown);
    }

    @Test
    void aDurationThatIsNotANumberIsShownAsReceived() throws Exception {
        Table t = write(120, List.of(Field.ID, Field.DURATION_SEC), List.of(call("c1", "x", "s")
                .set(Field.DURATION_SEC, "n/a")));
        assertThat(t.lines().get(1)).endsWith("n/a");
    }

    @Test
    void costsKeepThePlatformsPrecisionAlignedRight() throws Exception {
        List<CallRecord> records = List.of(
                call("a", "x", "s").set(Field.COST, new BigDecimal("0.5")),
                call("b", "x", "s").set(Field.COST, new BigDecimal("12.125")),
                call("c", "x", "s").set(Field.COST, new BigDecimal("3")),
                call("d", "x", "s"));
        Table t = write(120, List.of(Field.ID, Field.COST), records);

        assertThat(t.lines()).containsExactly(
                "ID    COST",
                "a    0.500",
                "b   12.125",
                "c    3.000",
                "d");
    }

    @Test
    void theIdComesFirstAndColumnsEmptyInEveryRowAreLeftOut() throws Exception {
        CallRecord a = call("call-1", "completed", "one").set(Field.DIRECTION, null).set(Field.AGENT_NAME, null);
        CallRecord b = call("call-2", "completed", "two").set(Field.DIRECTION, null).set(Field.AGENT_NAME, null);
        Table t = write(160, Field.TABLE_DEFAULT, List.of(a, b));

        assertThat(t.header()).startsWith("ID ").contains("STARTED_AT", "FROM_NUMBER", "TO_NUMBER", "STATUS",
                "DURATION", "SUMMARY").doesNotContain("DIRECTION", "AGENT_NAME");
        assertThat(t.hidden()).as("left out for being empty, not for width").isEmpty();
        assertThat(t.cell(1, "ID")).isEqualTo("call-1");
    }

    @Test
    void anEmptyColumnChosenWithFieldsIsKept() throws Exception {
        Table t = write(160, List.of(Field.ID, Field.DIRECTION), List.of(call("c1", "x", "s")
                .set(Field.DIRECTION, null)));
        assertThat(t.header()).isEqualTo("ID  DIRECTION");
    }

    @Test
    void statusAndTimesAreWholeWhileFreeTextIsCut() throws Exception {
        List<CallRecord> records = List.of(call("inbound-1796165675-f2598325", "User disconnected", LONG),
                call("outbound-1796165676-0bd41e7a", "Completed", "short"));
        Table t = write(140, Field.TABLE_DEFAULT, records);

        assertThat(t.cell(1, "STATUS")).isEqualTo("User disconnected");
        assertThat(t.cell(1, "STARTED_AT")).isEqualTo("2026-12-01T22:54:35Z");
        assertThat(t.cell(1, "SUMMARY")).endsWith("…").startsWith("The call");
        assertThat(t.cell(1, "AGENT_NAME")).as("free text, cut before the id").isNotEqualTo("vaani_sales_agent");
        assertThat(t.hidden()).isEmpty();
    }

    @Test
    void aLongIdIsShortenedFromTheMiddle() throws Exception {
        String id = "inbound-1796165675-f2598325";
        Table t = write(100, Field.TABLE_DEFAULT, List.of(call(id, "Completed", LONG)));

        String shown = t.cell(1, "ID");
        assertThat(shown).contains("…").isNotEqualTo(id);
        String head = shown.substring(0, shown.indexOf('…'));
        String tail = shown.substring(shown.indexOf('…') + 1);
        assertThat(id).startsWith(head).endsWith(tail);
        assertThat(head.length()).isGreaterThanOrEqualTo(4);
        assertThat(tail.length()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void atSixtyColumnsColumnsGiveWayWholeAndAreNamed() throws Exception {
        Table t = write(60, Field.TABLE_DEFAULT, List.of(call("inbound-1796165675-f2598325", "Completed", LONG)));

        assertThat(t.header()).startsWith("ID").contains("STARTED_AT", "FROM_NUMBER", "STATUS");
        assertThat(t.cell(1, "STATUS")).isEqualTo("Completed");
        assertThat(t.hidden()).as("in table order").containsSubsequence(Field.DIRECTION, Field.AGENT_NAME,
                Field.SUMMARY).doesNotContain(Field.ID, Field.STARTED_AT, Field.FROM_NUMBER, Field.STATUS);
        for (Field f : t.hidden()) {
            assertThat(t.header()).doesNotContain(f == Field.DURATION_SEC ? "DURATION" : f.wireName()
                    .toUpperCase(java.util.Locale.ROOT));
        }
        assertThat(t.cell(1, "STARTED_AT")).isEqualTo("2026-12-01T22:54:35Z");
    }

    @Test
    void atSixtyColumnsALongStatusIsCutBeforeTheIdIsCutFurther() throws Exception {
        Table t = write(60, Field.TABLE_DEFAULT, List.of(call("inbound-1796165675-f2598325", "User disconnected",
                LONG)));

        assertThat(t.cell(1, "STATUS")).as("what is left of 60 columns: 10").isEqualTo("User disc…");
        assertThat(t.cell(1, "ID")).hasSize(12);
    }

    @Test
    void widthsSuitTheWholeOutputWhenItIsHeldWhole() throws Exception {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < TableWriter.HOLD_ROWS - 1; i++) {
            records.add(call("c" + i, "x", "ok"));
        }
        records.add(call("last", "x", "a summary of forty characters, or so...."));
        Table t = write(200, List.of(Field.ID, Field.SUMMARY), records);

        assertThat(t.lines().get(t.lines().size() - 1)).endsWith("a summary of forty characters, or so....");
    }

    @Test
    void pastWhatIsHeldTheWidthsOfTheFirstRowsCut() throws Exception {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < TableWriter.HOLD_ROWS; i++) {
            records.add(call("c" + i, "x", "ok"));
        }
        records.add(call("last", "x", "a summary of forty characters, or so...."));
        Table t = write(200, List.of(Field.ID, Field.SUMMARY), records);

        assertThat(t.lines()).hasSize(TableWriter.HOLD_ROWS + 2);
        assertThat(t.lines().get(t.lines().size() - 1)).isEqualTo("last  a summ…");
    }

    @Test
    void narrowTerminalsStillFitWithTheFieldsChosen() throws Exception {
        List<Field> chosen = List.of(Field.ID, Field.STARTED_AT, Field.STATUS, Field.SUMMARY);
        for (int width : new int[] {20, 40, 60}) {
            Table t = write(width, chosen, List.of(call("inbound-1796165675-f2598325", "User disconnected", LONG)));
            assertThat(t.lines()).hasSize(2);
        }
        Table sixty = write(60, chosen, List.of(call("inbound-1796165675-f2598325", "User disconnected", LONG)));
        assertThat(sixty.hidden()).as("chosen columns are cut, not hidden, while they can be").isEmpty();
        assertThat(sixty.cell(1, "STATUS")).isEqualTo("User disconnected");
        assertThat(sixty.cell(1, "STARTED_AT")).isEqualTo("2026-12-01T22:54:35Z");
    }

    // ---- the order in which columns narrow (TableLayout's class comment), width by width ----

    /** One call whose columns narrow in every documented step: an id, a short word, free text, a number. */
    private static final List<Field> STEPS = List.of(Field.ID, Field.STATUS, Field.SUMMARY, Field.DURATION_SEC);

    private static CallRecord steps() {
        return new CallRecord(parse("{}")).set(Field.ID, "call-0123456789abcdef").set(Field.STATUS, "in-progress")
                .set(Field.SUMMARY, "The caller asked about a refund").set(Field.DURATION_SEC, new BigDecimal("69.28"));
    }

    /*
     * Natural widths: ID 21, STATUS 11, SUMMARY 31, DURATION 8 (its header; the values are 4): 77 with the gaps.
     * Then, each step only as far as the width needs: free text to 10 (56), ids to 12 (47), a header wider
     * than its values to what they need, at least 4 (43), free text to 3 (36), short words to 9 (34),
     * ids to 6 (28), short words to 3 (22), every column to 1 (10), and last columns hidden from the right.
     */
    @ParameterizedTest(name = "{0} columns")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "45|ID            STATUS       SUMMARY     DURAT…|call-…abcdef  in-progress  The calle…    1:09",
        "40|ID            STATUS       SUMMARY  DUR…|call-…abcdef  in-progress  The ca…  1:09",
        "34|ID            STATUS     SU…  DUR…|call-…abcdef  in-progr…  Th…  1:09",
        "32|ID          STATUS     SU…  DUR…|call…bcdef  in-progr…  Th…  1:09",
        "28|ID      STATUS     SU…  DUR…|ca…def  in-progr…  Th…  1:09",
        "26|ID      STATUS   SU…  DUR…|ca…def  in-pro…  Th…  1:09",
        "22|ID      ST…  SU…  DUR…|ca…def  in…  Th…  1:09",
        "20|ID    ST…  SU…  DUR…|c…ef  in…  Th…  1:09",
        "19|ID   ST…  SU…  DUR…|c…f  in…  Th…  1:09",
        "12|…  …  S…  D…|…  …  T…  1…",
    })
    void columnsNarrowInTheDocumentedOrder(int width, String header, String row) throws Exception {
        Table t = write(width, STEPS, List.of(steps()));
        assertThat(t.lines()).containsExactly(header, row);
        assertThat(t.hidden()).isEmpty();
    }

    @Test
    void whenEveryColumnIsOneWideTheLastOnesAreHiddenButNeverTheFirst() throws Exception {
        Table nine = write(9, STEPS, List.of(steps()));
        assertThat(nine.lines()).containsExactly("…  …  …", "…  …  …");
        assertThat(nine.hidden()).containsExactly(Field.DURATION_SEC);
        Table one = write(1, STEPS, List.of(steps()));
        assertThat(one.lines()).containsExactly("…", "…");
        assertThat(one.hidden()).containsExactly(Field.STATUS, Field.SUMMARY, Field.DURATION_SEC);
    }

    @Test
    void aDefaultColumnLeftOutForBeingEmptyIsNotNamedAsHiddenForWidth() throws Exception {
        // no direction in any row: it is left out, and the closing line must not say it did not fit
        CallRecord r = call("inbound-1796165675-f2598325", "Completed", LONG).set(Field.DIRECTION, null);
        Table sixty = write(60, Field.TABLE_DEFAULT, List.of(r));
        assertThat(sixty.hidden()).doesNotContain(Field.DIRECTION).contains(Field.AGENT_NAME, Field.SUMMARY);
        Table five = write(5, Field.TABLE_DEFAULT, List.of(r));
        assertThat(five.hidden()).doesNotContain(Field.DIRECTION, Field.ID);
    }

    @Test
    void anHourIsReadAsHoursAndAThousandYearsAsReceived() throws Exception {
        List<CallRecord> records = List.of(
                call("a", "x", "s").set(Field.DURATION_SEC, new BigDecimal("3600")),
                call("b", "x", "s").set(Field.DURATION_SEC, new BigDecimal("31557599999")),
                call("c", "x", "s").set(Field.DURATION_SEC, new BigDecimal("31557600000")));
        Table t = write(120, List.of(Field.ID, Field.DURATION_SEC), records);
        assertThat(t.lines()).containsExactly(
                "ID       DURATION",
                "a         1:00:00",
                "b   8765999:59:59",
                "c     31557600000");
    }

    @Test
    void costsArePaddedInTheFirstColumnAndInRowsPastWhatIsHeld() throws Exception {
        Table first = write(120, List.of(Field.COST, Field.ID), List.of(
                call("a", "x", "s").set(Field.COST, new BigDecimal("0.5")),
                call("b", "x", "s").set(Field.COST, new BigDecimal("12.125"))));
        assertThat(first.lines()).containsExactly("  COST  ID", " 0.500  a", "12.125  b");

        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < TableWriter.HOLD_ROWS; i++) {
            records.add(call("c" + i, "x", "s").set(Field.COST, new BigDecimal("0.125")));
        }
        records.add(call("last", "x", "s").set(Field.COST, new BigDecimal("3")));
        Table t = write(120, List.of(Field.ID, Field.COST), records);
        assertThat(t.lines().get(t.lines().size() - 1)).isEqualTo("last  3.000");
    }

    @Test
    void aMegabyteOfHeldTextSetsTheWidthsAtOnce() throws Exception {
        // 1 + (2^20 - 1) characters: exactly HOLD_CHARS, so the widths come from this first row alone
        CallRecord big = call("a", "x", "s").set(Field.SUMMARY, "s".repeat(TableWriter.HOLD_CHARS - 1));
        CallRecord next = call("bbbb", "x", "t");
        Table t = write(TableWriter.HOLD_CHARS + 10, List.of(Field.ID, Field.SUMMARY), List.of(big, next));
        assertThat(t.lines()).hasSize(3);
        assertThat(t.lines().get(2)).isEqualTo("b…  t");
    }

    @Test
    void jsonValuesShowAsCompactJsonAndTextAsItIs() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode metadata = parse("{\"k\": [1, \"x\"]}").deepCopy();
        CallRecord r = call("a", "x", "s").set(Field.METADATA, metadata)
                .set(Field.SUMMARY, com.fasterxml.jackson.databind.node.TextNode.valueOf("said \"hi\""))
                .set(Field.CALLER_NAME, Boolean.TRUE);
        Table t = write(120, List.of(Field.ID, Field.METADATA, Field.SUMMARY, Field.CALLER_NAME), List.of(r));
        assertThat(t.lines()).containsExactly(
                "ID  METADATA       SUMMARY    CALLER_NAME",
                "a   {\"k\":[1,\"x\"]}  said \"hi\"  true");
    }
}
