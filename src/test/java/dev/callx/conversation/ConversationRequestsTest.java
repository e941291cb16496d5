package dev.callx.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.Api;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.NormalizedJson;
import dev.callx.testing.PlatformServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * --transcripts and --recordings against scripted platforms (issue 11 items 1 and 2): which requests
 * go out, exactly, with which credentials, and what comes out, in which order.
 */
class ConversationRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VAANI_KEY = "vk-test-4f1d";
    private static final String RAVAN_KEY = "rk-test-9a2c";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    /** Another origin: the storage pre-signed URLs point at. */
    @RegisterExtension
    final PlatformServer storage = new PlatformServer();

    @TempDir
    Path tmp;

    private static CallxRunner callx() {
        return CallxRunner.callx().env("VAANI_API_KEY", VAANI_KEY).env("RAVAN_API_KEY", RAVAN_KEY)
                .env("ZUDU_API_KEY", "zk-test-1").env("ZUDU_API_SECRET", "zs-test-2");
    }

    private Result run(String... args) {
        return run(callx(), args);
    }

    private Result run(CallxRunner runner, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--base-url");
        all.add(2, server.baseUrl());
        return runner.run(all.toArray(String[]::new));
    }

    /** Vaani's documented page holding these records, every paging signal saying it is the only one. */
    private static String vaaniPage(List<ObjectNode> records) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        records.forEach(data::add);
        ObjectNode p = body.putObject("pagination");
        p.put("page", 1);
        p.put("page_size", 200);
        p.put("total_count", records.size());
        p.put("total_pages", 1);
        p.put("has_next", false);
        p.put("has_previous", false);
        return body.toString();
    }

    /** Vaani calls c1..cN whose recording_api is this server's stream endpoint, as the platform gives it. */
    private List<ObjectNode> vaaniCalls(int n) {
        List<ObjectNode> calls = new ArrayList<>();
        for (String id : ApiPages.ids("c", 1, n)) {
            ObjectNode call = ApiPages.vaaniCall(id);
            call.put("recording_api", server.url("/api/stream/" + id).toString());
            call.put("call_transcription", server.url("/api/transcript/" + id).toString());
            calls.add(call);
        }
        return calls;
    }

    /** api-docs/vaani-transcript.txt's 200 body, saying which call it is. */
    private static MockResponse transcriptOf(String id) {
        return Api.json("{\"transcript\": \"AGENT: Hello, this is call " + id + ".\\n\\n USER: Hi.\", "
                + "\"status_code\": 200, \"function\": \"get_transcript\"}");
    }

    private static MockResponse audio(String type, byte[] body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", type).body(new Buffer().write(body))
                .build();
    }

    private static byte[] bytes(int size, int seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static List<JsonNode> records(Result r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.outLines()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static String idOfPath(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // ---- transcripts ----

    @Test
    void withoutTranscriptsOrRecordingsNoPerCallRequestIsMade() throws Exception {
        server.whenPath("/api/call-history").respondJson(vaaniPage(vaaniCalls(3)));
        Result r = run("vaani");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(records(r)).hasSize(3).allSatisfy(rec -> assertThat(rec.get("transcript").isNull()).isTrue());
    }

    @Test
    void vaaniTranscriptsCostOneRequestPerCallWithTheKeyAndFillTheField() throws Exception {
        server.whenPath("/api/call-history").respondJson(vaaniPage(vaaniCalls(3)));
        server.when(r -> r.getUrl().encodedPath().startsWith("/api/transcript/"), "transcripts")
                .answer(r -> transcriptOf(idOfPath(r)));
        Result r = run("vaani", "--transcripts");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.requestCount()).isEqualTo(1 + 3);
        List<RecordedRequest> perCall = server.requests().stream()
                .filter(q -> q.getUrl().encodedPath().startsWith("/api/transcript/")).toList();
        assertThat(perCall).extracting(q -> q.getUrl().encodedPath())
                .containsExactlyInAnyOrder("/api/transcript/c1", "/api/transcript/c2", "/api/transcript/c3");
        assertThat(perCall).allSatisfy(q -> assertThat(q.getHeaders().get("X-API-Key")).isEqualTo(VAANI_KEY));
        assertThat(records(r)).extracting(rec -> rec.get("transcript").asText()).containsExactly(
                "agent: Hello, this is call c1.\nuser: Hi.", "agent: Hello, this is call c2.\nuser: Hi.",
                "agent: Hello, this is call c3.\nuser: Hi.");
    }

    @Test
    void aTranscriptNotThereYetIsNullAndCountedNotAnError() throws Exception {
        server.whenPath("/api/call-history").respondJson(vaaniPage(vaaniCalls(3)), vaaniPage(vaaniCalls(3)));
        server.whenPath("/api/transcript/c2").always(Api.json(404, "{\"transcript\": \"Transcript not found in Azure "
                + "Blob Storage\", \"status_code\": 404, \"function\": \"get_transcript\"}"));
        server.when(r -> r.getUrl().encodedPath().startsWith("/api/transcript/"), "transcripts")
                .answer(r -> transcriptOf(idOfPath(r)));
        Result r = run("vaani", "--transcripts", "-v");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<JsonNode> recs = records(r);
        assertThat(recs.get(1).get("transcript").isNull()).isTrue();
        assertThat(recs.get(0).get("transcript").asText()).startsWith("agent: ");
        assertThat(r.err()).contains("transcripts: 3 requests, 2 fetched, 1 not there yet (404), 0 empty");
        Result plain = run("vaani", "--transcripts");
        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.errLines()).as("the summary line counts the transcript requests and those not there")
                .anySatisfy(l -> assertThat(l).contains("(3 received, 0 duplicates dropped, 4 requests, 0 retries, "
                        + "1 transcripts not there yet, "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sessions", "contact-calls"})
    void ravanSessionsAndContactCallsAskTheSessionDetail(String command) throws Exception {
        List<String> ids = ApiPages.ids("s", 1, 2);
        if (command.equals("sessions")) {
            server.whenQuery("page", "1").respondJson(ApiPages.sessions(ids));
            server.emptyAfterFirstPage(ApiPages.noSessions());
        } else {
            server.whenPath("/api/v1/contacts/ct_1/calls").respondJson(ApiPages.contactCalls(ids));
        }
        server.when(r -> r.getUrl().encodedPath().startsWith("/api/v1/calling/call-sessions-detail/"), "details")
                .answer(r -> Api.json("{\"success\": true, \"message\": \"ok\", \"data\": {\"id\": \"" + idOfPath(r)
                        + "\", \"transcripts\": [{\"id\": \"t1\", \"message\": {\"role\": \"assistant\", \"content\": "
                        + "\"Hello " + idOfPath(r) + "\"}, \"timestamp_ms\": 1}]}}"));
        Result r = command.equals("sessions") ? run(command, "--transcripts", "--concurrency", "1")
                : run(command, "ct_1", "--transcripts");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        int pages = command.equals("sessions") ? 2 : 1; // a short page of sessions ends only before an empty one
        assertThat(server.requestCount()).isEqualTo(pages + 2);
        assertThat(server.requests()).filteredOn(q -> q.getUrl().encodedPath().contains("detail"))
                .allSatisfy(q -> assertThat(q.getHeaders().get("X-Api-Key")).isEqualTo(RAVAN_KEY));
        assertThat(records(r)).extracting(rec -> rec.get("transcript").asText())
                .containsExactly("agent: Hello s1", "agent: Hello s2");
    }

    @Test
    void phoneHistoryAsksForTranscriptsInItsPagesAndMakesNoOtherRequest() throws Exception {
        ObjectNode call = ApiPages.phoneHistoryCall("p1");
        String page = ApiPages.phoneHistory(1L, 1, 100, List.of("p1"));
        server.whenPath("/api/v1/calling/phone-history").respondJson(page);
        Result r = run("phone-history", "+14155550100", "--transcripts");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(server.takeRequest().getUrl().queryParameter("include_transcripts")).isEqualTo("true");
        // the documented example's one turn: {"role": "agent", "content": "Hello!"}
        assertThat(call.get("transcripts").get(0).get("message").get("content").asText()).isEqualTo("Hello!");
        assertThat(records(r).get(0).get("transcript").asText()).isEqualTo("agent: Hello!");
    }

    @Test
    void zuduTranscriptsComeFromItsListWithoutAnotherRequest() throws Exception {
        server.whenPath("/api/calls").respondJson(Api.zuduOnlyPage());
        Result r = run("calls", "--transcripts");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
        // api-docs/calls-list.txt: a transcript without speaker labels is one turn of unknown speaker
        assertThat(records(r).get(0).get("transcript").asText())
                .isEqualTo("unknown: Hello, I'm calling about my recent order. Thank you for your help!");
    }

    @Test
    void perCallRequestsAreRetriedAndHonourRetryAfterAsPagesDo() throws Exception {
        server.whenPath("/api/call-history").respondJson(vaaniPage(vaaniCalls(1)));
        server.whenPath("/api/transcript/c1").respond(
                new MockResponse.Builder(Api.json(429, "{\"detail\": \"slow down\"}")).addHeader("Retry-After", "7")
                        .build(), transcriptOf("c1"));
        CallxRunner runner = callx();
        Result r = run(runner, "vaani", "--transcripts");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(runner.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(records(r).get(0).get("transcript").asText()).isEqualTo("agent: Hello, this is call c1.\nuser: Hi.");
    }

    @Test
    void aTranscriptRequestThatKeepsFailingEndsTheExport() {
        server.whenPath("/api/call-history").respondJson(vaaniPage(vaaniCalls(2)));
        server.when(r -> r.getUrl().encodedPath().startsWith("/api/transcript/"), "transcripts")
                .always(Api.json(503, "{\"detail\": \"down\"}"));
        Result r = run("vaani", "--transcripts", "--retries", "1", "-f", tmp.resolve("out.jsonl").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.err()).contains("the transcript of call c");
        assertThat(tmp.resolve("out.jsonl")).doesNotExist();
    }

    /**
     * The transcript of the first call is held back until the request for the last one has arrived, so
     * that with 8 requests in flight the first completes last: the records still come out in order,
     * the same as one request at a time.
     */
    @Test
    void recordsComeOutInOrderWhateverOrderTheirRequestsComplete() throws Exception {
        int n = 8;
        server.whenPath("/api/call-history").always(Api.json(vaaniPage(vaaniCalls(n))));
        CountDownLatch lastArrived = new CountDownLatch(1);
        AtomicBoolean heldBack = new AtomicBoolean();
        AtomicBoolean concurrent = new AtomicBoolean();
        server.when(r -> r.getUrl().encodedPath().startsWith("/api/transcript/"), "transcripts").answer(r -> {
            String id = idOfPath(r);
            if (id.equals("c" + n)) {
                lastArrived.countDown();
            }
            if (id.equals("c1") && concurrent.get()) {
                try {
                    heldBack.set(lastArrived.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return transcriptOf(id);
        });
        Result one = run("vaani", "--transcripts", "--concurrency", "1");
        concurrent.set(true);
        Result eight = run("vaani", "--transcripts", "--concurrency", "8");
        assertThat(one.exitCode()).as(one.toString()).isZero();
        assertThat(eight.exitCode()).as(eight.toString()).isZero();
        assertThat(heldBack).as("c1's answer waited for c8's request: they were in flight together").isTrue();
        assertThat(eight.out()).isEqualTo(one.out());
        assertThat(records(eight)).extracting(rec -> rec.get("id").asText()).containsExactlyElementsOf(
                ApiPages.ids("c", 1, n));
    }

    // ---- recordings ----

    @Test
    void recordingsOnThePlatformGetItsKeyAndPresignedOnesElsewhereNone() throws Exception {
        // two Vaani calls whose recording is the documented stream endpoint, one whose URL is pre-signed storage
        List<ObjectNode> calls = vaaniCalls(3);
        calls.get(2).put("recording_api", storage.url("/rec/c3.mp3?sig=s3cr3t&se=2030").toString());
        server.whenPath("/api/call-history").respondJson(vaaniPage(calls));
        byte[] b1 = bytes(5_000, 1);
        byte[] b2 = bytes(6_000, 2);
        byte[] b3 = bytes(7_000, 3);
        server.whenPath("/api/stream/c1").respond(audio("audio/ogg", b1));
        server.whenPath("/api/stream/c2").respond(audio("audio/mpeg", b2));
        storage.whenPath("/rec/c3.mp3").respond(audio("audio/mpeg", b3));
        Path dir = tmp.resolve("rec");
        Result r = run("vaani", "--recordings", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("vaani/c1.ogg"))).isEqualTo(b1);
        assertThat(Files.readAllBytes(dir.resolve("vaani/c2.mp3"))).isEqualTo(b2);
        assertThat(Files.readAllBytes(dir.resolve("vaani/c3.mp3"))).isEqualTo(b3);
        assertThat(server.requests()).filteredOn(q -> q.getUrl().encodedPath().startsWith("/api/stream/"))
                .hasSize(2).allSatisfy(q -> assertThat(q.getHeaders().get("X-API-Key")).isEqualTo(VAANI_KEY));
        RecordedRequest presigned = storage.takeRequest();
        assertThat(presigned.getUrl().queryParameter("sig")).isEqualTo("s3cr3t");
        assertThat(presigned.getHeaders().names()).as("no credential header at all")
                .doesNotContain("X-API-Key", "x-api-key", "Authorization", "authorization", "Cookie");
        assertThat(presigned.getHeaders().toString()).doesNotContain(VAANI_KEY);
        List<JsonNode> recs = records(r);
        assertThat(recs).extracting(rec -> rec.get("recording_file").asText())
                .containsExactly("vaani/c1.ogg", "vaani/c2.mp3", "vaani/c3.mp3");
        List<String> fields = new ArrayList<>(NormalizedJson.SPEC_FIELDS);
        fields.add("recording_file");
        List<String> names = new ArrayList<>();
        recs.get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names).as("recording_file after every field of SPEC section 4").containsExactlyElementsOf(fields);
    }

    @Test
    void withoutRecordingsThereIsNoRecordingFileField() throws Exception {
        server.whenPath("/api/call-history").respondJson(vaaniPage(vaaniCalls(1)));
        Result r = run("vaani");
        List<String> names = new ArrayList<>();
        records(r).get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(NormalizedJson.SPEC_FIELDS);
    }

    @Test
    void recordingFileIsACsvColumnToo() throws Exception {
        server.whenPath("/api/call-history").always(Api.json(vaaniPage(vaaniCalls(1))));
        server.whenPath("/api/stream/c1").always(audio("audio/ogg", bytes(100, 4)));
        Result r = run("vaani", "--recordings", tmp.resolve("rec").toString(), "-o", "csv");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines().get(0)).endsWith(",metadata,recording_file");
        assertThat(r.outLines().get(1)).endsWith(",vaani/c1.ogg");
        Result chosen = run("vaani", "--recordings", tmp.resolve("rec").toString(), "-o", "csv",
                "--fields", "recording_file,id");
        assertThat(chosen.outLines()).containsExactly("recording_file,id", "vaani/c1.ogg,c1");
    }

    @Test
    void recordingFileWithoutRecordingsIsAUsageError() {
        Result r = run("vaani", "--fields", "id,recording_file");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("recording_file is filled by --recordings DIR");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void recordingsIntoSomethingThatIsNotAFolderIsAUsageErrorBeforeAnyRequest() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Result r = run("vaani", "--recordings", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--recordings " + file + " is not a folder");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aMissingRecordingsFolderIsCreated() throws Exception {
        server.whenPath("/api/call-history").respondJson(vaaniPage(vaaniCalls(1)));
        server.whenPath("/api/stream/c1").respond(audio("audio/wav", bytes(64, 5)));
        Path dir = tmp.resolve("a/b/rec");
        Result r = run("vaani", "--recordings", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(dir.resolve("vaani/c1.wav")).hasBinaryContent(bytes(64, 5));
    }

    @Test
    void recordingsThatCouldNotBeHadAreListedTheRecordsWrittenAndTheExitCodeIsEight() throws Exception {
        List<ObjectNode> calls = vaaniCalls(4);
        calls.get(1).put("recording_api", storage.url("/rec/c2.ogg?sig=expired").toString());
        calls.get(2).put("recording_api", "http://storage.example.com/rec/c3.ogg?sig=x");
        calls.get(3).putNull("recording_api"); // not answered: no recording, not a failure
        server.whenPath("/api/call-history").respondJson(vaaniPage(calls));
        server.whenPath("/api/stream/c1").respond(Api.json(404, "{\"status_code\": 404, \"error\": \"Not Found\", "
                + "\"message\": \"Audio file not found\", \"code\": \"NOT_FOUND\"}"));
        storage.whenPath("/rec/c2.ogg").respond(new MockResponse.Builder().code(403)
                .addHeader("Content-Type", "application/xml")
                .body("<?xml version=\"1.0\"?><Error><Code>AuthenticationFailed</Code></Error>").build());
        Path out = tmp.resolve("calls.jsonl");
        Result r = run("vaani", "--recordings", tmp.resolve("rec").toString(), "-f", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(8);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).as("every record was written and the file committed").hasSize(4);
        for (String line : lines) {
            assertThat(JSON.readTree(line).get("recording_file").isNull()).isTrue();
        }
        assertThat(r.errLines()).anySatisfy(l -> assertThat(l).contains("the recording of call c1 is not there (HTTP 404)"));
        assertThat(r.errLines()).anySatisfy(l -> assertThat(l).contains("the recording of call c2")
                .contains("HTTP 403").contains("pre-signed URL expires"));
        assertThat(r.errLines()).anySatisfy(l -> assertThat(l).contains("the recording of call c3 was not fetched")
                .contains("plain http://"));
        assertThat(r.err()).doesNotContain("call c4").doesNotContain("sig=x").doesNotContain("expired");
        assertThat(r.err()).contains("3 of 3 recordings could not be downloaded (listed above); the records were written");
        // the listing comes in record order
        assertThat(r.err().indexOf("call c1")).isLessThan(r.err().indexOf("call c2"));
        assertThat(r.err().indexOf("call c2")).isLessThan(r.err().indexOf("call c3"));
        assertThat(storage.requestCount()).isEqualTo(1); // c3's plain http URL was never asked
        try (Stream<Path> files = Files.walk(tmp.resolve("rec"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aRerunFetchesTheBodiesOfOnlyWhatIsMissing() throws Exception {
        server.whenPath("/api/call-history").always(Api.json(vaaniPage(vaaniCalls(3))));
        byte[][] audio = {bytes(3_000, 1), bytes(4_000, 2), bytes(5_000, 3)};
        for (int i = 0; i < 3; i++) {
            byte[] body = audio[i];
            server.whenPath("/api/stream/c" + (i + 1)).always(audio("audio/ogg", body));
        }
        Path dir = tmp.resolve("rec");
        assertThat(run("vaani", "--recordings", dir.toString()).exitCode()).isZero();
        Files.delete(dir.resolve("vaani/c1.ogg"));
        Files.write(dir.resolve("vaani/c2.ogg"), new byte[] {1, 2, 3}); // cut short by something else
        byte[] marked = bytes(5_000, 99); // c3 complete, by its size: kept as it is
        Files.write(dir.resolve("vaani/c3.ogg"), marked);
        Result again = run("vaani", "--recordings", dir.toString(), "-v");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("vaani/c1.ogg"))).isEqualTo(audio[0]);
        assertThat(Files.readAllBytes(dir.resolve("vaani/c2.ogg"))).isEqualTo(audio[1]);
        assertThat(Files.readAllBytes(dir.resolve("vaani/c3.ogg"))).isEqualTo(marked);
        assertThat(again.err()).contains("recordings: 2 downloaded (7000 bytes), 1 already there, 0 not downloaded");
    }
}
