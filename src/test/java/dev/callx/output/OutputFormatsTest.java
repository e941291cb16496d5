package dev.callx.output;

import static dev.callx.output.OutputFixtures.AGENT_NAME;
import static dev.callx.output.OutputFixtures.CALLER_NAME;
import static dev.callx.output.OutputFixtures.ERROR_MESSAGE;
import static dev.callx.output.OutputFixtures.SUMMARY;
import static dev.callx.output.OutputFixtures.bareSession;
import static dev.callx.output.OutputFixtures.sessionsBody;
import static dev.callx.output.OutputFixtures.trickySession;
import static dev.callx.testing.Api.json;
import static dev.callx.testing.NormalizedJson.MAPPER;
import static dev.callx.testing.NormalizedJson.SPEC_FIELDS;
import static dev.callx.testing.NormalizedJson.fieldNames;
import static dev.callx.testing.NormalizedJson.lines;
import static dev.callx.testing.NormalizedJson.parse;
import static dev.callx.testing.NormalizedJson.runner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue item 5: csv, jsonl and json as SPEC section 6 defines them, through the CLI. */
class OutputFormatsTest {
    @TempDir
    Path dir;

    private static final String TRICKY = sessionsBody(List.of(trickySession("t1"), bareSession("t2")));

    private static Result sessions(String body, String... extraArgs) throws Exception {
        try (PlatformServer server = PlatformServer.serving(json(body)).emptyAfterFirstPage(ApiPages.noSessions())) {
            List<String> args = new ArrayList<>(List.of("sessions", "--base-url", server.baseUrl()));
            args.addAll(List.of(extraArgs));
            return runner().run(args.toArray(String[]::new));
        }
    }

    private static List<CSVRecord> parseCsv(String csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    /** What a csv cell must hold for a normalized JSON value: null empty, objects compact JSON. */
    private static String expectedCell(JsonNode value) throws Exception {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return MAPPER.writeValueAsString(value);
    }

    // ---- csv ----

    @Test
    void csvParsesBackWithCommonsCsvToTheSameValuesAsJsonl() throws Exception {
        Result csv = sessions(TRICKY, "-o", "csv");
        Result jsonl = sessions(TRICKY, "-o", "jsonl");
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(jsonl.exitCode()).as(jsonl.toString()).isZero();

        List<CSVRecord> rows = parseCsv(csv.out());
        assertThat(rows).as(csv.toString()).hasSize(3);
        assertThat(rows.get(0).toList()).as("header of field names\n" + csv).containsExactlyElementsOf(SPEC_FIELDS);
        List<JsonNode> records = lines(jsonl.out());
        for (int i = 0; i < records.size(); i++) {
            CSVRecord row = rows.get(i + 1);
            assertThat(row.size()).as(csv.toString()).isEqualTo(SPEC_FIELDS.size());
            for (int f = 0; f < SPEC_FIELDS.size(); f++) {
                String field = SPEC_FIELDS.get(f);
                assertThat(row.get(f)).as("record %d field %s\n%s", i, field, csv)
                        .isEqualTo(expectedCell(records.get(i).get(field)));
            }
        }
    }

    @Test
    void csvKeepsCommasQuotesNewlinesAndNonAsciiInOneCell() throws Exception {
        Result r = sessions(TRICKY, "-o", "csv", "--fields", "id,caller_name,summary,agent_name,error_message,"
                + "disconnect_reason,status,recording_url");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<CSVRecord> rows = parseCsv(r.out());
        assertThat(rows.get(1).toList()).as(r.toString()).containsExactly("t1", CALLER_NAME, SUMMARY, AGENT_NAME,
                ERROR_MESSAGE, " leading and trailing ", "#hash", "https://rec.example/a?x=1&y=2");
    }

    @Test
    void csvWritesObjectsAsCompactJsonInOneCellAndNullAsEmpty() throws Exception {
        Result r = sessions(TRICKY, "-o", "csv", "--fields", "id,metadata,direction,cost,started_at");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<CSVRecord> rows = parseCsv(r.out());
        assertThat(rows.get(1).get(1)).as(r.toString())
                .isEqualTo("{\"note\":\"a,b\",\"quote\":\"\\\"x\\\"\",\"nested\":{\"k\":[1,2]}}");
        assertThat(rows.get(1).get(2)).as("direction is null for Ravan\n" + r).isEmpty();
        assertThat(rows.get(1).get(3)).isEqualTo("3.75");
        assertThat(rows.get(1).get(4)).isEqualTo("2026-11-20T09:15:30Z");
        // the bare record: only its id, every other cell empty
        assertThat(rows.get(2).toList()).as(r.toString()).containsExactly("t2", "", "", "", "");
        assertThat(r.out()).as("null is an empty cell, not a quoted one\n" + r).endsWith("t2,,,,\r\n");
    }

    @Test
    void csvRecordsEndWithCrLfAsRfc4180Says() throws Exception {
        Result r = sessions(sessionsBody(List.of(bareSession("a"), bareSession("b"))), "-o", "csv", "--fields", "id,provider");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEqualTo("id,provider\r\na,ravan\r\nb,ravan\r\n");
    }

    @Test
    void csvNoHeaderStartsWithTheFirstRecord() throws Exception {
        Result r = sessions(sessionsBody(List.of(bareSession("a"), bareSession("b"))), "-o", "csv", "--fields",
                "id,provider", "--no-header");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEqualTo("a,ravan\r\nb,ravan\r\n");
    }

    // ---- jsonl ----

    @Test
    void jsonlIsOneObjectPerLineWithKeysInSpecOrderAndALineFeedAfterEach() throws Exception {
        Result r = sessions(TRICKY, "-o", "jsonl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).endsWith("\n").doesNotContain("\r");
        String[] physical = r.out().split("\n", -1);
        assertThat(physical).as("two lines, each ended by \\n\n" + r).hasSize(3);
        assertThat(physical[2]).isEmpty();
        for (int i = 0; i < 2; i++) {
            JsonNode rec = parse(physical[i]);
            assertThat(rec.isObject()).isTrue();
            assertThat(fieldNames(rec)).as(r.toString()).containsExactlyElementsOf(SPEC_FIELDS);
        }
        JsonNode t1 = parse(physical[0]);
        assertThat(t1.get("caller_name").textValue()).isEqualTo(CALLER_NAME);
        assertThat(t1.get("summary").textValue()).isEqualTo(SUMMARY);
        assertThat(t1.get("error_message").textValue()).isEqualTo(ERROR_MESSAGE);
        assertThat(t1.get("metadata").isObject()).isTrue();
        assertThat(t1.has("unknownExtra")).as("extra platform fields are not in the normalized record").isFalse();
    }

    @Test
    void jsonlFileIsUtf8WithoutEscapesOrBom() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Result r = sessions(TRICKY, "-f", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as("data goes to the file, not stdout\n" + r).isEmpty();
        byte[] bytes = Files.readAllBytes(file);
        String text = strictUtf8(bytes);
        assertThat(bytes[0]).as("no byte order mark").isEqualTo((byte) '{');
        assertThat(text).contains("Zoë").contains("📞").contains(AGENT_NAME).doesNotContain("\\u");
        assertThat(indexOf(bytes, "Zo\u00eb".getBytes(StandardCharsets.UTF_8))).isNotNegative();
        assertThat(indexOf(bytes, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x93, (byte) 0x9E})).isNotNegative();
        assertThat(lines(text)).hasSize(2);
        assertThat(text).endsWith("\n");
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---- json ----

    @Test
    void jsonIsOneValidArrayOfAllRecords() throws Exception {
        Result r = sessions(TRICKY, "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = parse(r.out()); // fails on anything after the array
        assertThat(doc.isArray()).as(r.toString()).isTrue();
        assertThat(doc).hasSize(2);
        for (JsonNode rec : doc) {
            assertThat(rec.isObject()).isTrue();
            assertThat(fieldNames(rec)).containsExactlyElementsOf(SPEC_FIELDS);
        }
        assertThat(doc.get(0).get("summary").textValue()).isEqualTo(SUMMARY);
        assertThat(doc.get(1).get("id").textValue()).isEqualTo("t2");
    }

    @Test
    void jsonWithNoRecordIsAnEmptyArray() throws Exception {
        Result r = sessions(sessionsBody(List.of()), "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = parse(r.out());
        assertThat(doc.isArray()).as(r.toString()).isTrue();
        assertThat(doc).as(r.toString()).isEmpty();
        assertThat(r.out().strip()).isEqualTo("[]");
    }

    @Test
    void jsonOverSeveralPagesIsStillOneArray() throws Exception {
        String page1 = sessionsBody(List.of(bareSession("a"), bareSession("b")));
        String page2 = sessionsBody(List.of(bareSession("c")));
        try (PlatformServer server = new PlatformServer().start()) {
            server.whenQuery("page", "1").respondJson(page1);
            server.whenQuery("page", "2").respondJson(page2);
            server.emptyAfterFirstPage(ApiPages.noSessions());
            Result r = runner().run("sessions", "--base-url", server.baseUrl(), "--page-size", "2",
                    "-o", "json", "--concurrency", "1");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode doc = parse(r.out());
            assertThat(doc).as(r.toString()).hasSize(3);
            assertThat(doc.get(2).get("id").textValue()).isEqualTo("c");
            assertThat(server.sent("page")).as("page 2 is short: the empty page 3 tells it was the last")
                    .containsExactly("1", "2", "3");
        }
    }

    @Test
    void jsonFileWithNoRecordIsAnEmptyArray() throws Exception {
        Path file = dir.resolve("none.json");
        Result r = sessions(sessionsBody(List.of()), "-f", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = parse(Files.readString(file));
        assertThat(doc.isArray()).isTrue();
        assertThat(doc).isEmpty();
    }
}
