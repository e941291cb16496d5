package dev.callx.output;

import static dev.callx.output.OutputFixtures.bareSession;
import static dev.callx.output.OutputFixtures.session;
import static dev.callx.output.OutputFixtures.sessionsBody;
import static dev.callx.output.OutputFixtures.trickySession;
import static dev.callx.testing.Api.json;
import static dev.callx.testing.Api.resource;
import static dev.callx.testing.NormalizedJson.MAPPER;
import static dev.callx.testing.NormalizedJson.SPEC_FIELDS;
import static dev.callx.testing.NormalizedJson.fieldNames;
import static dev.callx.testing.NormalizedJson.lines;
import static dev.callx.testing.NormalizedJson.parse;
import static dev.callx.testing.NormalizedJson.runner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue item 5: --fields, --raw, --limit, --no-header, --tz, -f with its atomic write, and the default
 * format (SPEC section 2).
 */
class OutputOptionsCliTest {
    @TempDir
    Path dir;

    private static final String TWO = sessionsBody(List.of(session("s1", "one"), trickySession("s2")));

    private static Result run(CallxRunner runner, PlatformServer server, String... commandAndArgs) {
        List<String> args = new ArrayList<>(List.of(commandAndArgs));
        args.addAll(List.of("--base-url", server.baseUrl()));
        return runner.run(args.toArray(String[]::new));
    }

    private static Result sessions(CallxRunner runner, String body, String... extraArgs) throws Exception {
        try (PlatformServer server = PlatformServer.serving(json(body)).emptyAfterFirstPage(ApiPages.noSessions())) {
            List<String> args = new ArrayList<>(List.of("sessions"));
            args.addAll(List.of(extraArgs));
            return run(runner, server, args.toArray(String[]::new));
        }
    }

    private List<String> folder() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- --fields ----

    @Test
    void fieldsAreWrittenInTheOrderGiven() throws Exception {
        Result csv = sessions(runner(), TWO, "-o", "csv", "--fields", "to_number,id,cost,provider");
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.outLines().get(0)).as(csv.toString()).isEqualTo("to_number,id,cost,provider");
        assertThat(csv.outLines().get(2)).as(csv.toString()).isEqualTo("+919876543210,s2,3.75,ravan");

        Result jsonl = sessions(runner(), TWO, "-o", "jsonl", "--fields", "to_number,id,cost,provider");
        assertThat(jsonl.exitCode()).as(jsonl.toString()).isZero();
        for (JsonNode rec : lines(jsonl.out())) {
            assertThat(fieldNames(rec)).as(jsonl.toString()).containsExactly("to_number", "id", "cost", "provider");
        }
    }

    @Test
    void anUnknownFieldIsAUsageErrorListingTheValidNames() throws Exception {
        try (PlatformServer server = PlatformServer.serving()) {
            Result r = run(runner(), server, "sessions", "--fields", "id,bogus_field", "-o", "csv");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.out()).as(r.toString()).isEmpty();
            assertThat(r.err()).as(r.toString()).contains("bogus_field");
            for (String field : SPEC_FIELDS) {
                assertThat(r.err()).as("lists the valid name %s\n%s", field, r).contains(field);
            }
            assertThat(server.requestCount()).as("no request for a usage error").isZero();
        }
    }

    // ---- --raw ----

    @Test
    void rawJsonlWritesEachRecordExactlyAsReceivedWithExtraFields() throws Exception {
        String body = resource("/api/ravan-phone-history.json");
        JsonNode received = parse(body).get("calls").get(0);
        try (PlatformServer server = PlatformServer.serving(json(body))) {
            Result r = run(runner(), server, "phone-history", "+919876543210", "--page", "1", "--raw", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.outLines()).as(r.toString()).hasSize(1);
            // same keys in the same order, same numbers digit for digit (4.0 stays 4.0), extras kept
            assertThat(r.outLines().get(0)).as(r.toString()).isEqualTo(MAPPER.writeValueAsString(received));
            assertThat(parse(r.outLines().get(0)).has("twilio_cost")).isTrue();
        }
    }

    @Test
    void rawJsonIsAnArrayOfTheRecordsAsReceived() throws Exception {
        String body = resource("/api/zudu-calls.json");
        JsonNode received = parse(body).get("data").get("calls");
        try (PlatformServer server = PlatformServer.serving(json(body))) {
            Result r = run(runner(), server, "calls", "--page", "0", "--raw", "-o", "json");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode doc = parse(r.out());
            assertThat(doc).as(r.toString()).isEqualTo(received);
            assertThat(fieldNames(doc.get(0))).isEqualTo(fieldNames(received.get(0)));
            assertThat(doc.get(0).get("telephony_identifier")).isNotNull();
        }
    }

    @Test
    void rawVaaniKeepsTheZonelessTimestampsAsReceived() throws Exception {
        try (PlatformServer server = PlatformServer.serving(json(resource("/api/vaani-call-history.json")))) {
            Result r = run(runner(), server, "vaani", "--page", "1", "--raw", "--tz", "Asia/Kolkata");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(lines(r.out()).get(0).get("Start_time").textValue()).isEqualTo("2026-04-21T12:27:23.335803");
            assertThat(lines(r.out()).get(0).get("duration_ms").decimalValue()).isEqualByComparingTo("742.269");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-o csv", "-o table", "--fields id", "-f out.csv", "-o json --fields id,cost"})
    void rawWithCsvTableOrFieldsIsAUsageError(String option) throws Exception {
        List<String> args = new ArrayList<>(List.of("sessions", "--raw"));
        for (String part : option.split(" ")) {
            args.add(part.equals("out.csv") ? dir.resolve(part).toString() : part);
        }
        try (PlatformServer server = PlatformServer.serving()) {
            Result r = run(runner(), server, args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.out()).as(r.toString()).isEmpty();
            assertThat(r.err()).as(r.toString()).contains("--raw");
            assertThat(server.requestCount()).isZero();
        }
        assertThat(folder()).as("no file written").isEmpty();
    }

    /** Issue 10 item 5: --raw without -o on a terminal is jsonl, not an error and not a table. */
    @Test
    void rawOnATerminalWithoutOutputWritesJsonl() throws Exception {
        Result r = sessions(runner().terminal(80), TWO, "--raw");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).hasSize(2).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
        assertThat(lines(r.out()).get(0).has("callerNumber")).as("as received: " + r).isTrue();
    }

    // ---- --limit ----

    @Test
    void limitStopsAfterNRecords() throws Exception {
        List<JsonNode> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(bareSession("s" + i));
        }
        Result r = sessions(runner(), sessionsBody(five), "-n", "2", "-o", "jsonl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(lines(r.out()).stream().map(n -> n.get("id").textValue())).containsExactly("s1", "s2");
    }

    @Test
    void limitAcrossPagesFetchesNoMoreThanNeeded() throws Exception {
        String p1 = sessionsBody(List.of(bareSession("a"), bareSession("b")));
        String p2 = sessionsBody(List.of(bareSession("c"), bareSession("d")));
        String p3 = sessionsBody(List.of(bareSession("NOT-FETCHED")));
        try (PlatformServer server = PlatformServer.serving(json(p1), json(p2), json(p3))) {
            Result r = run(runner(), server, "sessions", "--page-size", "2", "--limit", "3", "-o", "csv",
                    "--fields", "id", "--no-header");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.outLines()).as(r.toString()).containsExactly("a", "b", "c");
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(2);
        }
    }

    // ---- --tz ----

    @Test
    void tzRendersOffsetsInCsvAndJsonl() throws Exception {
        Result csv = sessions(runner(), TWO, "-o", "csv", "--fields", "id,started_at,ended_at", "--tz", "Asia/Kolkata");
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.outLines().get(2)).as(csv.toString())
                .isEqualTo("s2,2026-11-20T14:45:30+05:30,2026-11-20T14:49:02+05:30");
        Result jsonl = sessions(runner(), TWO, "-o", "jsonl", "--tz", "+05:30");
        assertThat(lines(jsonl.out()).get(0).get("started_at").textValue()).as(jsonl.toString())
                .isEqualTo("2026-11-20T14:45:30+05:30");
        Result utc = sessions(runner(), TWO, "-o", "jsonl");
        assertThat(lines(utc.out()).get(0).get("started_at").textValue()).isEqualTo("2026-11-20T09:15:30Z");
    }

    /** Offsets of a quarter hour, past +12:00 and behind UTC by a half hour render as they are. */
    @ParameterizedTest(name = "--tz {0}")
    @CsvSource({
            "Asia/Kathmandu,     2026-11-20T15:00:30+05:45, 2026-11-20T15:04:02+05:45",
            "Pacific/Chatham,    2026-11-20T23:00:30+13:45, 2026-11-20T23:04:02+13:45",
            "Pacific/Kiritimati, 2026-11-20T23:15:30+14:00, 2026-11-20T23:19:02+14:00",
            "America/St_Johns,   2026-11-20T05:45:30-03:30, 2026-11-20T05:49:02-03:30"})
    void tzRendersOddOffsets(String zone, String started, String ended) throws Exception {
        Result csv = sessions(runner(), TWO, "-o", "csv", "--fields", "id,started_at,ended_at", "--tz", zone);
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.outLines().get(2)).as(csv.toString()).isEqualTo("s2," + started + "," + ended);
    }

    @Test
    void anUnknownTzIsAUsageError() throws Exception {
        Result r = sessions(runner(), TWO, "-o", "jsonl", "--tz", "Mars/Olympus");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).isEmpty();
    }

    // ---- default format (SPEC section 2) ----

    @Test
    void defaultIsJsonlInAPipe() throws Exception {
        Result r = sessions(runner(), TWO);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<JsonNode> recs = lines(r.out());
        assertThat(recs).as(r.toString()).hasSize(2);
        assertThat(fieldNames(recs.get(0))).containsExactlyElementsOf(SPEC_FIELDS);
    }

    @Test
    void defaultIsATableOnATerminal() throws Exception {
        Result r = sessions(runner().terminal(100), TWO);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).hasSize(3);
        assertThat(r.out()).as("not json\n" + r).doesNotStartWith("{").doesNotStartWith("[");
        assertThat(r.outLines().get(0).toLowerCase(Locale.ROOT)).as(r.toString()).contains("from_number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"calls.csv", "calls.jsonl", "calls.json", "CALLS.CSV"})
    void theFileExtensionChoosesTheFormatEvenOnATerminal(String name) throws Exception {
        Path file = dir.resolve(name);
        Result r = sessions(runner().terminal(80), TWO, "-f", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEmpty();
        String text = Files.readString(file);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
                var rows = p.getRecords();
                assertThat(rows).hasSize(3);
                assertThat(rows.get(0).toList()).containsExactlyElementsOf(SPEC_FIELDS);
            }
        } else if (lower.endsWith(".jsonl")) {
            assertThat(lines(text)).hasSize(2);
        } else {
            JsonNode doc = parse(text);
            assertThat(doc.isArray()).isTrue();
            assertThat(doc).hasSize(2);
        }
        assertThat(folder()).as("only the file, no temporary file left").containsExactly(name);
    }

    @Test
    void outputOptionWinsOverTheExtension() throws Exception {
        Path file = dir.resolve("calls.csv");
        Result r = sessions(runner(), TWO, "-f", file.toString(), "-o", "jsonl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(lines(Files.readString(file))).hasSize(2);
    }

    @Test
    void anUnknownExtensionWithoutOutputIsAUsageError() throws Exception {
        Path file = dir.resolve("calls.xlsx");
        try (PlatformServer server = PlatformServer.serving(json(TWO))) {
            Result r = run(runner(), server, "sessions", "-f", file.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(r.toString()).contains("calls.xlsx");
            assertThat(server.requestCount()).isZero();
        }
        assertThat(folder()).isEmpty();
        Result withOutput = sessions(runner(), TWO, "-f", file.toString(), "-o", "csv");
        assertThat(withOutput.exitCode()).as(withOutput.toString()).isZero();
        assertThat(Files.readString(file)).startsWith("provider,id,");
    }

    // ---- -f is atomic ----

    private static final byte[] PRECIOUS = {'o', 'l', 'd', ',', 'd', 'a', 't', 'a', '\r', '\n', (byte) 0xC3, (byte) 0xAB,
        0, (byte) 0xFF, '\n'};

    @Test
    void aServerErrorOnPage2LeavesTheExistingFileByteForByte() throws Exception {
        Path file = dir.resolve("calls.csv");
        Files.write(file, PRECIOUS);
        String p1 = sessionsBody(List.of(bareSession("a"), bareSession("b")));
        try (PlatformServer server = new PlatformServer().start()) {
            server.whenQuery("page", "1").respondJson(p1);
            server.when(q -> !"1".equals(q.getUrl().queryParameter("page")), "pages after the first")
                    .answer(q -> json(500, "{\"success\":false,\"message\":\"boom\"}"));
            Result r = run(runner(), server, "sessions", "--page-size", "2", "--retries", "0", "-f", file.toString(),
                    "--concurrency", "1");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
            assertThat(server.requestCount()).as("page 2 was asked for").isEqualTo(2);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(PRECIOUS);
        assertThat(folder()).as("no temporary file left").containsExactly("calls.csv");
    }

    @Test
    void a401LeavesTheExistingFileByteForByte() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.write(file, PRECIOUS);
        try (PlatformServer server = PlatformServer.serving(json(401, "{\"success\":false,\"message\":\"invalid api key\"}"))) {
            Result r = run(runner(), server, "sessions", "-f", file.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(PRECIOUS);
        assertThat(folder()).containsExactly("calls.jsonl");
    }

    @Test
    void aFailedRunCreatesNoFileWhereThereWasNone() throws Exception {
        Path file = dir.resolve("new.json");
        try (PlatformServer server = PlatformServer.serving(json(500, "{}"))) {
            Result r = run(runner(), server, "sessions", "--retries", "0", "-f", file.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        }
        assertThat(folder()).isEmpty();
    }

    @Test
    void aSuccessfulRunReplacesTheExistingFile() throws Exception {
        Path file = dir.resolve("calls.csv");
        Files.write(file, PRECIOUS);
        Result r = sessions(runner(), TWO, "-f", file.toString(), "--fields", "id", "--no-header");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(file)).isEqualTo("s1\r\ns2\r\n");
        assertThat(folder()).containsExactly("calls.csv");
        assertThat(r.err()).as("says where it wrote\n" + r).contains("calls.csv");
    }
}
