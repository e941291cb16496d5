package dev.callx.provider;

import static dev.callx.testing.Api.json;
import static dev.callx.testing.Api.resource;
import static dev.callx.testing.NormalizedJson.assertSameRecord;
import static dev.callx.testing.NormalizedJson.goldenRecord;
import static dev.callx.testing.NormalizedJson.lines;
import static dev.callx.testing.NormalizedJson.parse;
import static dev.callx.testing.NormalizedJson.runner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Issue item 4: the response variants of SPEC section 1, and values that do not convert. */
class MappingVariantsTest {
    private static Result run(PlatformServer server, String... commandAndArgs) {
        List<String> args = new ArrayList<>(List.of(commandAndArgs));
        args.addAll(List.of("--base-url", server.baseUrl()));
        return runner().run(args.toArray(String[]::new));
    }

    private static List<String> ids(Result r) {
        return lines(r.out()).stream().map(n -> n.get("id").textValue()).toList();
    }

    // ---- Ravan call-sessions second shape: {success, message, data: [snake_case], meta: {total, ...}} ----

    @Test
    void sessionsSecondShapeWithSnakeCaseRecordsMapsLikeTheCamelCaseShape() throws Exception {
        try (PlatformServer server = PlatformServer.serving(json(resource("/api/ravan-call-sessions-snake.json")))) {
            Result r = run(server, "sessions", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.outLines()).as(r.toString()).hasSize(1);
            // the same call as ravan-call-sessions-realistic.json, in snake_case, with cost_total a number
            assertSameRecord(goldenRecord("sessions-realistic.json"), lines(r.out()).get(0), r.toString());
            assertThat(r.err()).as(r.toString()).doesNotContain("warning");
        }
    }

    private static String snakeRecord(String id) {
        return "{\"id\":\"" + id + "\",\"caller_number\":\"+14155550100\",\"started_at\":\"2026-11-20T10:00:00Z\","
                + "\"duration_sec\":30,\"cost_total\":\"1.00\"}";
    }

    private static String secondShape(Long total, String... ids) {
        List<String> records = new ArrayList<>();
        for (String id : ids) {
            records.add(snakeRecord(id));
        }
        String meta = total == null ? "" : ",\"meta\":{\"total\":" + total + ",\"limit\":2,\"offset\":0}";
        return "{\"success\":true,\"message\":\"ok\",\"data\":[" + String.join(",", records) + "]" + meta + "}";
    }

    @Test
    void sessionsSecondShapeMetaTotalEndsPagingOnAFullPage() throws Exception {
        // page 1 is full (2 of 2) but meta.total says 2: no second request. The second response is a
        // sentinel that must not be fetched.
        try (PlatformServer server = PlatformServer.serving(json(secondShape(2L, "s1", "s2")), json(secondShape(2L, "NOT-FETCHED")))) {
            Result r = run(server, "sessions", "--page-size", "2", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(ids(r)).as(r.toString()).containsExactly("s1", "s2");
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
            JsonNode first = lines(r.out()).get(0);
            assertThat(first.get("from_number").textValue()).isEqualTo("+14155550100");
            assertThat(first.get("started_at").textValue()).isEqualTo("2026-11-20T10:00:00Z");
            assertThat(first.get("cost").decimalValue()).isEqualByComparingTo("1.00");
        }
    }

    @Test
    void sessionsSecondShapeMetaTotalKeepsPagingUntilAllReceived() throws Exception {
        try (PlatformServer server = PlatformServer.serving(json(secondShape(3L, "s1", "s2")), json(secondShape(3L, "s3")))) {
            Result r = run(server, "sessions", "--page-size", "2", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(ids(r)).as(r.toString()).containsExactly("s1", "s2", "s3");
            assertThat(server.takeRequest().getUrl().queryParameter("page")).isEqualTo("1");
            assertThat(server.takeRequest().getUrl().queryParameter("page")).isEqualTo("2");
        }
    }

    // ---- Ravan cost_total: a string in some responses, a number in others ----

    @Test
    void ravanCostTotalIsANumberWhetherSentAsStringOrNumber() throws Exception {
        String body = "{\"success\":true,\"total_count\":5,\"calls\":["
                + "{\"id\":\"p1\",\"cost_total\":\"12.50\"},"
                + "{\"id\":\"p2\",\"cost_total\":12.5},"
                + "{\"id\":\"p3\",\"cost_total\":7},"
                + "{\"id\":\"p4\",\"cost_total\":\"0.10\"},"
                + "{\"id\":\"p5\",\"cost_total\":\" 3 \"}]}";
        try (PlatformServer server = PlatformServer.serving(json(body))) {
            Result r = run(server, "phone-history", "+14155550100", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            List<JsonNode> recs = lines(r.out());
            assertThat(recs).as(r.toString()).hasSize(5);
            String[] expected = {"12.50", "12.5", "7", "0.10", "3"};
            for (int i = 0; i < expected.length; i++) {
                JsonNode cost = recs.get(i).get("cost");
                assertThat(cost.isNumber()).as("cost of %s is a JSON number: %s", recs.get(i).get("id"), cost).isTrue();
                assertThat(cost.decimalValue()).as(r.toString()).isEqualByComparingTo(expected[i]);
            }
            assertThat(r.err()).as(r.toString()).doesNotContain("warning");
        }
    }

    @Test
    void ravanCamelCaseCostTotalAsANumber() throws Exception {
        String body = "{\"success\":true,\"data\":{\"callSessions\":[{\"id\":\"c1\",\"costTotal\":0.35},"
                + "{\"id\":\"c2\",\"costTotal\":\"0.35\"}]}}";
        try (PlatformServer server = PlatformServer.serving(json(body)).emptyAfterFirstPage(ApiPages.noSessions())) {
            Result r = run(server, "sessions", "-o", "csv", "--fields", "id,cost");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.outLines()).as(r.toString()).containsExactly("id,cost", "c1,0.35", "c2,0.35");
        }
    }

    // ---- Zudu pagination with total instead of total_count, without has_next_page ----

    private static String zuduPage(long page, String pagination, String... callIds) {
        List<String> calls = new ArrayList<>();
        for (String id : callIds) {
            calls.add("{\"call_id\":\"" + id + "\",\"start_timestamp\":1703097600000,\"call_duration\":1500}");
        }
        return "{\"message\":\"ok\",\"status\":\"success\",\"error\":null,\"data\":{\"calls\":["
                + String.join(",", calls) + "],\"pagination\":{\"page\":" + page + "," + pagination + "}}}";
    }

    @Test
    void zuduPaginationWithTotalAndNoHasNextPagePagesUntilTotalReached() throws Exception {
        try (PlatformServer server = PlatformServer.serving(json(zuduPage(0, "\"limit\":2,\"total\":3", "z1", "z2")),
                json(zuduPage(1, "\"limit\":2,\"total\":3", "z3")))) {
            Result r = run(server, "calls", "--page-size", "2", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(ids(r)).as(r.toString()).containsExactly("z1", "z2", "z3");
            RecordedRequest first = server.takeRequest();
            RecordedRequest second = server.takeRequest();
            assertThat(first.getUrl().queryParameter("page")).isEqualTo("0");
            assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
            assertThat(second.getUrl().queryParameter("page")).isEqualTo("1");
            assertThat(lines(r.out()).get(0).get("duration_sec").decimalValue()).isEqualByComparingTo("1.5");
        }
    }

    @Test
    void zuduPaginationTotalEndsPagingOnAFullPage() throws Exception {
        try (PlatformServer server = PlatformServer.serving(json(zuduPage(0, "\"limit\":2,\"total\":2", "z1", "z2")),
                json(zuduPage(1, "\"limit\":2,\"total\":2", "NOT-FETCHED")))) {
            Result r = run(server, "calls", "--page-size", "2", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(ids(r)).as(r.toString()).containsExactly("z1", "z2");
            assertThat(server.requestCount()).as(r.toString()).isEqualTo(1);
        }
    }

    @Test
    void zuduIdFallsBackToIdWhenCallIdIsMissing() throws Exception {
        String body = "{\"status\":\"success\",\"data\":{\"calls\":[{\"id\":\"550e8400\",\"call_type\":\"WEB_CALL\","
                + "\"direction\":\"Inbound\"}],\"pagination\":{\"page\":0,\"total_count\":1}}}";
        try (PlatformServer server = PlatformServer.serving(json(body))) {
            Result r = run(server, "calls", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode rec = lines(r.out()).get(0);
            assertThat(rec.get("id").textValue()).isEqualTo("550e8400");
            assertThat(rec.get("channel").textValue()).isEqualTo("web_call");
            assertThat(rec.get("direction").textValue()).isEqualTo("inbound");
        }
    }

    // ---- time zones: Vaani's zone-less timestamps in --assume-tz, rendering in --tz ----

    private static JsonNode vaaniExample(String... extraArgs) throws Exception {
        try (PlatformServer server = PlatformServer.serving(json(resource("/api/vaani-call-history.json")))) {
            List<String> args = new ArrayList<>(List.of("vaani", "--page", "1", "-o", "jsonl"));
            args.addAll(List.of(extraArgs));
            Result r = run(server, args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            return lines(r.out()).get(0);
        }
    }

    @Test
    void vaaniZonelessTimestampsAreReadInAssumeTz() throws Exception {
        // 12:27:23.335803 in Asia/Kolkata (+05:30) is 06:57:23.335803 UTC
        JsonNode rec = vaaniExample("--assume-tz", "Asia/Kolkata");
        assertThat(rec.get("started_at").textValue()).isEqualTo("2026-04-21T06:57:23.335803Z");
        assertThat(rec.get("ended_at").textValue()).isEqualTo("2026-04-21T06:57:57.453173Z");
    }

    @Test
    void vaaniZonelessTimestampsDefaultToUtcAndRenderInTz() throws Exception {
        JsonNode rec = vaaniExample("--tz", "Asia/Kolkata");
        assertThat(rec.get("started_at").textValue()).isEqualTo("2026-04-21T17:57:23.335803+05:30");
    }

    @Test
    void vaaniAssumeTzAndTzTogetherGiveBackTheWallClockReceived() throws Exception {
        JsonNode rec = vaaniExample("--assume-tz", "Asia/Kolkata", "--tz", "Asia/Kolkata");
        assertThat(rec.get("started_at").textValue()).isEqualTo("2026-04-21T12:27:23.335803+05:30");
        assertThat(rec.get("ended_at").textValue()).isEqualTo("2026-04-21T12:27:57.453173+05:30");
    }

    @Test
    void assumeTzDoesNotShiftATimestampThatCarriesItsOwnOffset() throws Exception {
        String body = resource("/api/vaani-call-history.json")
                .replace("\"2026-04-21T12:27:23.335803\"", "\"2026-04-21T12:27:23.335803+00:00\"");
        try (PlatformServer server = PlatformServer.serving(json(body))) {
            Result r = run(server, "vaani", "--page", "1", "-o", "jsonl", "--assume-tz", "Asia/Kolkata");
            JsonNode rec = lines(r.out()).get(0);
            assertThat(rec.get("started_at").textValue()).as(r.toString()).isEqualTo("2026-04-21T12:27:23.335803Z");
            assertThat(rec.get("ended_at").textValue()).as(r.toString()).isEqualTo("2026-04-21T06:57:57.453173Z");
        }
    }

    @Test
    void zuduEpochMillisRenderInTz() throws Exception {
        try (PlatformServer server = PlatformServer.serving(json(resource("/api/zudu-calls.json")))) {
            Result r = run(server, "calls", "--page", "0", "-o", "jsonl", "--tz", "Asia/Kolkata");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode rec = lines(r.out()).get(0);
            assertThat(rec.get("started_at").textValue()).isEqualTo("2023-12-21T00:10:00+05:30");
            assertThat(rec.get("ended_at").textValue()).isEqualTo("2023-12-21T00:20:00+05:30");
        }
    }

    // ---- values that do not convert: passed through as received, one warning per field ----

    @Test
    void vaaniValuesThatDoNotConvertArePassedThroughWithOneWarningPerField() throws Exception {
        String record = "{\"call_id\":\"%s\",\"Start_time\":\"21/04/2026 12:27\",\"End_time\":\"2026-04-21T12:27:57\","
                + "\"duration_ms\":{\"value\":742,\"unit\":\"ms\"},\"call_cost\":\"abc\",\"to_number\":\"+917893209830\"}";
        String body = "{\"data\":[" + String.format(Locale.ROOT, record, "v1") + "," + String.format(Locale.ROOT, record, "v2") + "],"
                + "\"pagination\":{\"page\":1,\"total_count\":2,\"total_pages\":1,\"has_next\":false}}";
        try (PlatformServer server = PlatformServer.serving(json(body))) {
            Result r = run(server, "vaani", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            List<JsonNode> recs = lines(r.out());
            assertThat(recs).as("never dropped\n" + r).hasSize(2);
            for (JsonNode rec : recs) {
                assertThat(rec.get("started_at").textValue()).as(r.toString()).isEqualTo("21/04/2026 12:27");
                assertThat(rec.get("ended_at").textValue()).as(r.toString()).isEqualTo("2026-04-21T12:27:57Z");
                assertThat(rec.get("cost").isTextual()).as(r.toString()).isTrue();
                assertThat(rec.get("cost").textValue()).as(r.toString()).isEqualTo("abc");
                assertThat(rec.get("duration_sec").isTextual()).as(r.toString()).isTrue();
                assertThat(parse(rec.get("duration_sec").textValue()))
                        .as("the object received, as text\n" + r)
                        .isEqualTo(parse("{\"value\":742,\"unit\":\"ms\"}"));
                assertThat(rec.get("to_number").textValue()).isEqualTo("+917893209830");
            }
            MappingGoldenTest.assertOneWarningEach(r, "started_at", "duration_sec", "cost");
        }
    }

    @Test
    void zuduTimestampThatIsNotEpochMillisIsPassedThrough() throws Exception {
        String body = "{\"status\":\"success\",\"data\":{\"calls\":[{\"call_id\":\"z1\",\"start_timestamp\":\"yesterday\","
                + "\"end_timestamp\":true,\"call_cost\":{\"combined_cost\":\"n/a\"},\"latency\":{\"e2e\":{\"p50\":[1,2]}}}],"
                + "\"pagination\":{\"page\":0,\"total_count\":1}}}";
        try (PlatformServer server = PlatformServer.serving(json(body))) {
            Result r = run(server, "calls", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode rec = lines(r.out()).get(0);
            assertThat(rec.get("started_at").textValue()).isEqualTo("yesterday");
            assertThat(rec.get("ended_at").textValue()).isEqualTo("true");
            assertThat(rec.get("cost").textValue()).isEqualTo("n/a");
            assertThat(rec.get("latency_ms").textValue()).isEqualTo("[1,2]");
            MappingGoldenTest.assertOneWarningEach(r, "started_at", "ended_at", "cost", "latency_ms");
            assertThat(r.err()).as("the warning names the value received\n" + r).contains("\"yesterday\"");
        }
    }

    @Test
    void emptyStringsInTypedFieldsAreNullNotWarnings() throws Exception {
        String body = "{\"success\":true,\"data\":[{\"id\":\"e1\",\"startedAt\":\"\",\"costTotal\":\"\","
                + "\"durationSec\":null}]}";
        try (PlatformServer server = PlatformServer.serving(json(body))) {
            Result r = run(server, "contact-calls", "ct_9", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode rec = lines(r.out()).get(0);
            assertThat(rec.get("started_at").isNull()).as(r.toString()).isTrue();
            assertThat(rec.get("cost").isNull()).as(r.toString()).isTrue();
            assertThat(rec.get("duration_sec").isNull()).as(r.toString()).isTrue();
            assertThat(r.err()).as(r.toString()).doesNotContain("warning");
        }
    }

    @Test
    void phoneHistoryTranscriptsBecomeRoleContentLinesInOrder() throws Exception {
        String body = "{\"success\":true,\"total_count\":1,\"calls\":[{\"id\":\"t1\",\"transcripts\":["
                + "{\"message\":{\"role\":\"agent\",\"content\":\"Hello!\"}},"
                + "{\"message\":{\"role\":\"user\",\"content\":\"Hi, about my bill\"}},"
                + "{\"message\":{\"role\":\"agent\",\"content\":\"Sure.\"}}]}]}";
        try (PlatformServer server = PlatformServer.serving(json(body))) {
            Result r = run(server, "phone-history", "+14155550100", "--transcripts", "-o", "jsonl");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(lines(r.out()).get(0).get("transcript").textValue())
                    .isEqualTo("agent: Hello!\nuser: Hi, about my bill\nagent: Sure.");
            assertThat(server.takeRequest().getUrl().queryParameter("include_transcripts")).isEqualTo("true");
        }
    }
}
