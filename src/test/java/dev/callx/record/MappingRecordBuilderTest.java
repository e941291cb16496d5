package dev.callx.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue item 4: conversion of single values (dev.callx.record.RecordBuilder and Warnings). */
class MappingRecordBuilderTest {
    private final List<String> warnings = new ArrayList<>();
    private final Warnings sink = new Warnings(warnings::add);

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private RecordBuilder builder(String raw) {
        return new RecordBuilder(json(raw), "test", sink, ZoneOffset.UTC);
    }

    @Test
    void providerIsSetAndMissingOrNullValuesAreNull() {
        CallRecord r = builder("{\"a\":null}").text(Field.SUMMARY, "a").text(Field.STATUS, "missing")
                .number(Field.COST, "a").timestamp(Field.STARTED_AT, "missing").object(Field.METADATA, "a").build();
        assertThat(r.get(Field.PROVIDER)).isEqualTo("test");
        assertThat(r.get(Field.SUMMARY)).isNull();
        assertThat(r.get(Field.STATUS)).isNull();
        assertThat(r.get(Field.COST)).isNull();
        assertThat(r.get(Field.STARTED_AT)).isNull();
        assertThat(r.get(Field.METADATA)).isNull();
        assertThat(warnings).isEmpty();
    }

    @Test
    void dottedPathsAndTheFirstPathThatHoldsAValue() {
        RecordBuilder b = builder("{\"call_analysis\":{\"call_summary\":\"ok\"},\"s\":\"text\",\"camel\":null,"
                + "\"snake\":\"v\"}");
        b.text(Field.SUMMARY, "call_analysis.call_summary").text(Field.STATUS, "s.deeper")
                .text(Field.CHANNEL, "camel", "snake");
        CallRecord r = b.build();
        assertThat(r.get(Field.SUMMARY)).isEqualTo("ok");
        assertThat(r.get(Field.STATUS)).as("a path through a string is no value").isNull();
        assertThat(r.get(Field.CHANNEL)).as("a JSON null falls through to the next name").isEqualTo("v");
    }

    @Test
    void textOfNonStringValues() {
        CallRecord r = builder("{\"n\":42,\"d\":1.50,\"b\":true,\"o\":{\"k\":[1,2]}}").text(Field.ID, "n")
                .text(Field.STATUS, "d").text(Field.CHANNEL, "b").text(Field.SUMMARY, "o").build();
        assertThat(r.get(Field.ID)).isEqualTo("42");
        assertThat(r.get(Field.STATUS)).isEqualTo("1.50");
        assertThat(r.get(Field.CHANNEL)).isEqualTo("true");
        assertThat(r.get(Field.SUMMARY)).isEqualTo("{\"k\":[1,2]}");
    }

    @Test
    void lowerCasesDirectionAndChannel() {
        CallRecord r = builder("{\"d\":\"OUTBOUND\",\"t\":\"PHONE_CALL\"}").lower(Field.DIRECTION, "d")
                .lower(Field.CHANNEL, "t").build();
        assertThat(r.get(Field.DIRECTION)).isEqualTo("outbound");
        assertThat(r.get(Field.CHANNEL)).isEqualTo("phone_call");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"12.50\"  | 12.50",
        "12.50      | 12.50",
        "12.5       | 12.5",
        "7          | 7",
        "\" 3 \"    | 3",
        "\"1e3\"    | 1000",
        "-0.25      | -0.25",
        "\"+4\"     | 4",
    })
    void numbersFromNumbersAndNumericStrings(String value, String expected) {
        CallRecord r = builder("{\"v\":" + value + "}").number(Field.COST, "v").build();
        assertThat(r.get(Field.COST)).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) r.get(Field.COST)).isEqualByComparingTo(expected);
        assertThat(((BigDecimal) r.get(Field.COST)).toPlainString()).as("digits kept, no exponent").isEqualTo(expected);
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "742.269    | 0.742269",
        "600000     | 600",
        "\"1500\"   | 1.5",
        "0          | 0",
        "250        | 0.25",
    })
    void scaledDividesMillisecondsIntoSeconds(String value, String expected) {
        CallRecord r = builder("{\"v\":" + value + "}").scaled(Field.DURATION_SEC, 3, "v").build();
        assertThat(((BigDecimal) r.get(Field.DURATION_SEC)).toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"abc\"                  | abc",
        "\"12,50\"                | 12,50",
        "\"NaN\"                  | NaN",
        "\"0x10\"                 | 0x10",
        "true                     | true",
        "{\"value\": 5}           | {\"value\":5}",
        "[1, 2]                   | [1,2]",
    })
    void aValueThatIsNotANumberIsPassedThroughAsTextWithAWarning(String value, String expected) {
        CallRecord r = builder("{\"id\":\"r1\",\"v\":" + value + "}").text(Field.ID, "id").number(Field.COST, "v")
                .build();
        assertThat(r.get(Field.COST)).isEqualTo(expected);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("cost").contains("r1").contains("not a number");
    }

    @Test
    void blankTextInATypedFieldIsNullWithoutAWarning() {
        CallRecord r = builder("{\"c\":\"  \",\"t\":\"\"}").number(Field.COST, "c").timestamp(Field.STARTED_AT, "t")
                .build();
        assertThat(r.get(Field.COST)).isNull();
        assertThat(r.get(Field.STARTED_AT)).isNull();
        assertThat(warnings).isEmpty();
    }

    @Test
    void timestampsFromTextAndEpochAndPassedThroughOtherwise() {
        RecordBuilder b = new RecordBuilder(json("{\"iso\":\"2026-04-21T12:27:23.335803\",\"ms\":1703097600000,"
                + "\"bad\":\"<string>\",\"obj\":{\"t\":1}}"), "test", sink, ZoneId.of("Asia/Kolkata"));
        CallRecord r = b.timestamp(Field.STARTED_AT, "iso").timestamp(Field.ENDED_AT, "ms").build();
        assertThat(r.get(Field.STARTED_AT)).isEqualTo(Instant.parse("2026-04-21T06:57:23.335803Z"));
        assertThat(r.get(Field.ENDED_AT)).isEqualTo(Instant.parse("2023-12-20T18:40:00Z"));
        b.timestamp(Field.STARTED_AT, "bad").timestamp(Field.ENDED_AT, "obj");
        assertThat(r.get(Field.STARTED_AT)).isEqualTo("<string>");
        assertThat(r.get(Field.ENDED_AT)).isEqualTo("{\"t\":1}");
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("started_at").contains("<string>").contains("not a timestamp");
        assertThat(warnings.get(1)).contains("ended_at");
    }

    @Test
    void objectsAreKeptAsReceived() {
        CallRecord r = builder("{\"m\":{\"a\":[1,{\"b\":null}],\"c\":4.0}}").object(Field.METADATA, "m").build();
        assertThat(r.get(Field.METADATA)).isEqualTo(json("{\"a\":[1,{\"b\":null}],\"c\":4.0}"));
    }

    // ---- Warnings ----

    @Test
    void oneWarningPerFieldHoweverManyRecords() {
        for (int i = 0; i < 50; i++) {
            builder("{\"id\":\"r" + i + "\",\"c\":\"abc\",\"t\":\"never\"}").text(Field.ID, "id")
                    .number(Field.COST, "c").timestamp(Field.STARTED_AT, "t").build();
        }
        sink.finish();
        assertThat(warnings).hasSize(2);
        assertThat(warnings).filteredOn(w -> w.contains("cost")).hasSize(1);
        assertThat(warnings).filteredOn(w -> w.contains("started_at")).hasSize(1);
        assertThat(warnings.get(0)).as("names the first record").contains("r0");
        assertThat(sink.count()).isEqualTo(100);
    }

    @Test
    void aWarningShowsControlCharactersEscapedAndCutsALongValue() {
        builder("{\"c\":\"\\u001b[2J\\r\\nx\"}").number(Field.COST, "c").build();
        builder("{\"t\":\"" + "y".repeat(500) + "\"}").timestamp(Field.STARTED_AT, "t").build();
        assertThat(warnings.get(0)).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\n")
                .contains("[2J");
        assertThat(warnings.get(1)).hasSizeLessThan(200).contains("…");
    }

    @Test
    void aWarningShowsBidiAndOtherInvisibleFormatCharactersEscaped() {
        // stderr is a person's terminal: a right-to-left override would reorder the rest of the line
        builder("{\"c\":\"abc\\u202edef\\u2066x\\u200by\\u2028z\"}").number(Field.COST, "c").build();
        String w = warnings.get(0);
        for (char c : new char[] {'\u202e', '\u2066', '\u200b', '\u2028'}) {
            assertThat(w.indexOf(c)).as("U+%04X in %s", (int) c, w).isNegative();
        }
        assertThat(w).contains("abc").contains("def");
    }

    @Test
    void aLongValueIsCutBetweenCharactersNotInsideOne() {
        // 59 letters then emoji: a cut at char 60 would leave half a surrogate pair, printed as '?'
        builder("{\"c\":\"" + "a".repeat(59) + "😀😀😀\"}").number(Field.COST, "c").build();
        builder("{\"t\":\"" + "😀".repeat(100) + "\"}").timestamp(Field.STARTED_AT, "t").build();
        for (String w : warnings) {
            assertThat(w.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF).count()).as("a lone surrogate in %s", w).isZero();
            assertThat(w).contains("…");
        }
        assertThat(warnings.get(0)).contains("a".repeat(59) + "😀…");
    }

    @Test
    void asTextOfEveryKindOfJsonValue() {
        // the mappers read a record's id with it: a JSON null or no value at all is no id
        assertThat(RecordBuilder.asText(null)).isNull();
        assertThat(RecordBuilder.asText(com.fasterxml.jackson.databind.node.NullNode.getInstance())).isNull();
        assertThat(RecordBuilder.asText(com.fasterxml.jackson.databind.node.MissingNode.getInstance())).isNull();
        assertThat(RecordBuilder.asText(json("\"c-1\""))).isEqualTo("c-1");
        assertThat(RecordBuilder.asText(json("42"))).isEqualTo("42");
        assertThat(RecordBuilder.asText(json("1.50"))).as("the digits received").isEqualTo("1.50");
        assertThat(RecordBuilder.asText(json("1E+3"))).as("no exponent").isEqualTo("1000");
        assertThat(RecordBuilder.asText(json("1e999999999"))).as("a billion digits are not written out")
                .isEqualTo("1E+999999999");
        assertThat(RecordBuilder.asText(com.fasterxml.jackson.databind.node.DoubleNode.valueOf(1e20)))
                .as("a double, as a mapper may build one").isEqualTo("100000000000000000000");
        assertThat(RecordBuilder.asText(json("false"))).isEqualTo("false");
        assertThat(RecordBuilder.asText(json("{\"a\": [1, \"x\"]}"))).isEqualTo("{\"a\":[1,\"x\"]}");
    }

    @Test
    void aFractionalEpochInSecondsKeepsItsFraction() {
        CallRecord r = builder("{\"t\": 1703097600.5}").timestamp(Field.STARTED_AT, "t").build();
        assertThat(r.get(Field.STARTED_AT)).isEqualTo(Instant.parse("2023-12-20T18:40:00.500Z"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void anEpochBeyondALongIsPassedThroughWithAWarning() {
        CallRecord r = builder("{\"id\": \"r1\", \"t\": 99999999999999999999}").text(Field.ID, "id")
                .timestamp(Field.STARTED_AT, "t").build();
        assertThat(r.get(Field.STARTED_AT)).isEqualTo("99999999999999999999");
        assertThat(warnings).singleElement().asString().contains("started_at", "r1", "not a timestamp");
    }

    @Test
    void aScaledNumberOfABillionDigitsIsPassedThroughWithAWarning() {
        CallRecord r = builder("{\"id\": \"r1\", \"ms\": 1e999999999}").text(Field.ID, "id")
                .scaled(Field.DURATION_SEC, 3, "ms").build();
        assertThat(r.get(Field.DURATION_SEC)).isEqualTo("1E+999999999");
        assertThat(warnings).singleElement().asString().contains("duration_sec", "r1");
    }

    @Test
    void aValueTheMapperComputesIsSet() {
        CallRecord r = builder("{\"id\": \"r1\"}").set(Field.PROVIDER, "zudu").text(Field.ID, "id").build();
        assertThat(r.get(Field.PROVIDER)).isEqualTo("zudu");
        assertThat(r.get(Field.ID)).isEqualTo("r1");
    }
}
