package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 8 item 8: numbers no one can write out (1e999999999 would be a billion digits) are passed
 * through as received, with one warning per field (SPEC 4), never exit 1; records that are not JSON
 * objects are a response of the wrong shape (exit 7), not rows of nulls.
 */
class HostileNumbersTest {
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String HUGE = "1e999999999";
    private static final String TINY = "-1e-999999999";

    private static String vaaniPage(String... records) {
        return "{\"data\":[" + String.join(",", records) + "],\"pagination\":{\"page\":1,\"total_count\":"
                + records.length + ",\"total_pages\":1,\"has_next\":false}}";
    }

    private static Result run(String body, String... args) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(body).build());
            server.start();
            List<String> all = new ArrayList<>(List.of(args));
            all.add(1, "--base-url");
            all.add(2, server.url("/").toString());
            return CallxRunner.callx().env("VAANI_API_KEY", "k").env("RAVAN_API_KEY", "k")
                    .env("ZUDU_API_KEY", "k").env("ZUDU_API_SECRET", "s").run(all.toArray(String[]::new));
        }
    }

    private static List<String> warnings(Result r) {
        return r.errLines().stream().filter(l -> l.contains(" warning: ")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "json", "csv", "table"})
    void aCostWithAnExponentOfABillionIsWrittenAsReceivedWithOneWarning(String format) throws Exception {
        Result r = run(vaaniPage("{\"call_id\":\"a\",\"call_cost\":" + HUGE + "}",
                "{\"call_id\":\"b\",\"call_cost\":" + HUGE + "}"), "vaani", "-o", format, "--fields", "id,cost");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).doesNotContain("internal error");
        assertThat(warnings(r)).as(r.toString()).hasSize(1);
        assertThat(warnings(r).get(0)).contains("cost", "1E+999999999", "written as received");
        switch (format) {
            case "jsonl" -> assertThat(r.out()).isEqualTo("{\"id\":\"a\",\"cost\":\"1E+999999999\"}\n"
                    + "{\"id\":\"b\",\"cost\":\"1E+999999999\"}\n");
            case "json" -> assertThat(EXACT.readTree(r.out()).findValuesAsText("cost"))
                    .containsExactly("1E+999999999", "1E+999999999");
            case "csv" -> assertThat(r.out()).isEqualTo("id,cost\r\na,1E+999999999\r\nb,1E+999999999\r\n");
            default -> assertThat(r.out()).contains("1E+999999999");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "duration_ms, duration_sec",
        "call_cost, cost",
    })
    void aNumberTooSmallToWriteOutIsWrittenAsReceived(String name, String field) throws Exception {
        Result r = run(vaaniPage("{\"call_id\":\"a\",\"" + name + "\":" + TINY + "}"), "vaani", "-o", "jsonl",
                "--fields", "id," + field);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("{\"id\":\"a\",\"" + field + "\":\"-1E-999999999\"}\n");
        assertThat(warnings(r)).as(r.toString()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "json", "csv", "table"})
    void extremeNumbersInsideMetadataAreWrittenAsReceived(String format) throws Exception {
        String metadata = "{\"huge\":" + HUGE + ",\"tiny\":" + TINY + ",\"cost\":1.50,\"n\":[1e400,7]}";
        Result r = run(vaaniPage("{\"call_id\":\"a\",\"call_metadata\":" + metadata + "}"), "vaani", "-o", format,
                "--fields", "id,metadata");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.errLines()).as("no warning; the summary line only (a table's closing line): " + r)
                .singleElement().asString().startsWith(format.equals("table") ? "callx vaani: 1 call ("
                        : "callx vaani: wrote 1 record (");
        String written = "{\"huge\":1E+999999999,\"tiny\":-1E-999999999,\"cost\":1.50,\"n\":[1"
                + "0".repeat(400) + ",7]}";
        switch (format) {
            case "jsonl" -> {
                assertThat(r.out()).isEqualTo("{\"id\":\"a\",\"metadata\":" + written + "}\n");
                JsonNode read = EXACT.readTree(r.out()).get("metadata");
                assertThat(read.get("huge").decimalValue()).isEqualTo(new BigDecimal(HUGE));
                assertThat(read.get("tiny").decimalValue()).isEqualTo(new BigDecimal(TINY));
            }
            case "json" -> assertThat(r.out()).contains("\"metadata\":" + written + "}");
            case "csv" -> {
                List<CSVRecord> rows = csv(r.out());
                assertThat(rows.get(1).get(1)).isEqualTo(written);
            }
            default -> assertThat(r.out()).contains("1E+999999999");
        }
    }

    @Test
    void rawRecordsWithExtremeNumbersAreWrittenAsReceived() throws Exception {
        Result r = run(vaaniPage("{\"call_id\":\"a\",\"call_cost\":" + HUGE + ",\"x\":[" + TINY + "]}"),
                "vaani", "-o", "jsonl", "--raw");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("{\"call_id\":\"a\",\"call_cost\":1E+999999999,\"x\":[-1E-999999999]}\n");
    }

    @Test
    void anIdATimestampAndPagingSignalsOfAnExtremeNumberDoNotStopTheExport() throws Exception {
        String body = "{\"data\":[{\"call_id\":" + HUGE + ",\"Start_time\":" + HUGE + ",\"End_time\":" + TINY
                + ",\"call_summary\":" + HUGE + "}],\"pagination\":{\"page\":1,\"total_count\":" + HUGE
                + ",\"total_pages\":" + HUGE + ",\"has_next\":false}}";
        Result r = run(body, "vaani", "-o", "jsonl", "--fields", "id,started_at,ended_at,summary");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("{\"id\":\"1E+999999999\",\"started_at\":\"1E+999999999\","
                + "\"ended_at\":\"-1E-999999999\",\"summary\":\"1E+999999999\"}\n");
        assertThat(warnings(r)).as(r.toString()).hasSize(2).allSatisfy(w -> assertThat(w).contains("timestamp"));
    }

    @Test
    void zuduEpochTimestampsOfAnExtremeNumberArePassedThrough() throws Exception {
        String body = "{\"status\":\"success\",\"data\":{\"calls\":[{\"call_id\":\"z\",\"start_timestamp\":" + HUGE
                + ",\"end_timestamp\":1e30,\"call_duration\":" + HUGE + ",\"call_cost\":{\"combined_cost\":" + HUGE
                + "}}],\"pagination\":{\"total_count\":1,\"total_pages\":1,\"has_next_page\":false}}}";
        Result r = run(body, "calls", "-o", "csv", "--fields", "id,started_at,ended_at,duration_sec,cost");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("id,started_at,ended_at,duration_sec,cost\r\n"
                + "z,1E+999999999,1" + "0".repeat(30) + ",1E+999999999,1E+999999999\r\n");
        assertThat(warnings(r)).as(r.toString()).hasSize(4);
    }

    @Test
    void anExponentBeyondWhatJavaReadsIsNoInternalError() throws Exception {
        Result r = run(vaaniPage("{\"call_id\":\"a\",\"call_cost\":1e9999999999}"), "vaani", "-o", "jsonl");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        assertThat(r.err()).doesNotContain("internal error");
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vaani                  | {\"data\":[1,\"x\",null],\"pagination\":{\"has_next\":false}}",
        "vaani                  | {\"data\":[{\"call_id\":\"a\"},[]],\"pagination\":{\"has_next\":false}}",
        "calls                  | {\"status\":\"success\",\"data\":{\"calls\":[1,\"x\",null]}}",
        "sessions               | {\"success\":true,\"data\":{\"callSessions\":[true]}}",
        "sessions               | {\"success\":true,\"data\":[\"x\"],\"meta\":{\"total\":1}}",
        "phone-history          | {\"success\":true,\"total_count\":1,\"calls\":[null]}",
        "contact-calls          | {\"success\":true,\"data\":[7]}",
    })
    void recordsThatAreNotObjectsAreAResponseOfTheWrongShape(String command, String body) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        if (command.equals("phone-history")) {
            args.add("+14155550100");
        } else if (command.equals("contact-calls")) {
            args.add("ct_1");
        }
        args.addAll(List.of("-o", "jsonl"));
        Result r = run(body, args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        assertThat(r.out()).as("no row of nulls").isEmpty();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).contains("HTTP 200", "not a record object");
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }
}
