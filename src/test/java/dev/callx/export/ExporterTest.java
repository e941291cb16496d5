package dev.callx.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callx.cli.AppContext;
import dev.callx.cli.Cli;
import dev.callx.testing.Api;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallHistory;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One export end to end, as a user sees it: the requests sent (--param), when paging stops, what -v
 * says about pages and duplicates, the summary, and usage errors that come before any credential.
 */
class ExporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VAANI_KEY = "vk-test-0001";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path tmp;

    private static CallxRunner callx() {
        return CallxRunner.callx().env("VAANI_API_KEY", VAANI_KEY).env("RAVAN_API_KEY", "rk-test-0002")
                .env("ZUDU_API_KEY", "zk-test-0003").env("ZUDU_API_SECRET", "zs-test-0004");
    }

    private Result run(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--base-url", server.baseUrl()));
        args.addAll(List.of(extra));
        return callx().run(args.toArray(String[]::new));
    }

    // ---- --param ----

    /** Exporter: a raw parameter replaces what an option set under the same name; repeated keys all go. */
    @Test
    void aRawParameterReplacesTheOptionOfTheSameNameAndRepeatedKeysAllGo() {
        server.enqueueJson(ApiPages.sessions(List.of("s1")));
        server.emptyAfterFirstPage(ApiPages.noSessions());

        Result r = run("sessions", "-o", "jsonl", "--status", "completed", "--param", "status=failed",
                "--param", "status=busy");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().queryParameterValues("status")).as(first.getTarget())
                .containsExactly("failed", "busy");
    }

    // ---- paging that stops at the window's start (SPEC 9: where the platform states its order) ----

    @Test
    void aListNewestFirstStopsAtTheFirstPageOlderThanSince() throws Exception {
        new CallHistory(CallHistory.Platform.CALLS)
                .add("c1", Instant.parse("2026-11-20T10:00:00Z"))
                .add("c2", Instant.parse("2026-11-19T10:00:00Z"))
                .add("c3", Instant.parse("2026-11-18T10:00:00Z"))
                .serveOn(server);
        Path summary = tmp.resolve("summary.json");

        Result r = run("calls", "-o", "csv", "--fields", "id", "--no-header", "--since", "2026-11-20T00:00:00Z",
                "--sort-by", "start_timestamp", "--sort-order", "descending", "--page-size", "1",
                "--concurrency", "1", "-v", "--summary-json", summary.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("c1");
        assertThat(server.sent("page")).as("page 1 holds the first call before --since: no page after it")
                .containsExactly("0", "1");
        assertThat(r.errLines()).as(r.toString()).contains("callx calls: paging stopped after page 1: it reaches "
                + "back before 2026-11-20T00:00:00Z, and the list is newest first");
        assertThat(r.err()).as("the pages state their order").doesNotContain("does not state");
        assertThat(JSON.readTree(summary.toFile()).get("stopped_after_page").asLong()).isEqualTo(1);
    }

    @Test
    void withoutSinceAListNewestFirstIsReadToItsEnd() {
        new CallHistory(CallHistory.Platform.CALLS)
                .add("c1", Instant.parse("2026-11-20T10:00:00Z"))
                .add("c2", Instant.parse("2026-11-19T10:00:00Z"))
                .serveOn(server);

        Result r = run("calls", "-o", "csv", "--fields", "id", "--no-header", "--until", "2026-11-21T00:00:00Z",
                "--sort-by", "start_timestamp", "--sort-order", "descending", "--page-size", "1",
                "--concurrency", "1", "-v");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("c1", "c2");
        assertThat(server.sent("page")).containsExactly("0", "1");
        assertThat(r.err()).as(r.toString()).doesNotContain("paging stopped").doesNotContain("newest first");
    }

    /** -v: with --since on a list that does not state its order, paging cannot stop early, and says so. */
    @Test
    void verboseSaysWhenAPageDoesNotStateItIsNewestFirst() {
        server.enqueueJson(ApiPages.vaani(1, 200, 1L, 1L, false, List.of("v1")));

        Result r = run("vaani", "-o", "jsonl", "--since", "2020-01-01T00:00:00Z", "-v");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.errLines()).as(r.toString()).contains("callx vaani: page 1 does not state that the list is "
                + "newest first: paging cannot stop at the first page older than 2020-01-01T00:00:00Z");
    }

    @Test
    void nothingIsSaidAboutTheOrderOfAnEmptyPageOrWithoutSinceOrWithoutVerbose() {
        server.enqueueJson(ApiPages.vaani(1, 200, 0L, 0L, false, List.of()),
                ApiPages.vaani(1, 200, 1L, 1L, false, List.of("v1")),
                ApiPages.vaani(1, 200, 1L, 1L, false, List.of("v1")));

        Result empty = run("vaani", "-o", "jsonl", "--since", "2020-01-01T00:00:00Z", "-v");
        Result noSince = run("vaani", "-o", "jsonl", "-v");
        Result quiet = run("vaani", "-o", "jsonl", "--since", "2020-01-01T00:00:00Z");

        for (Result r : List.of(empty, noSince, quiet)) {
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err()).as(r.toString()).doesNotContain("newest first");
        }
        assertThat(noSince.outLines()).hasSize(1);
    }

    // ---- duplicates ----

    @Test
    void aCallOnTwoPagesIsWrittenOnceAndTheDropIsCounted() {
        server.whenQuery("page", "1").respondJson(ApiPages.vaani(1, 2, 4L, 2L, true, List.of("a", "b")));
        server.whenQuery("page", "2").respondJson(ApiPages.vaani(2, 2, 4L, 2L, false, List.of("b", "c")));

        Result r = run("vaani", "-o", "csv", "--fields", "id", "--no-header", "--page-size", "2", "-v");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("a", "b", "c");
        assertThat(r.errLines()).as(r.toString())
                .contains("callx vaani: dropped 1 duplicate record (same id on more than one page)")
                .anySatisfy(l -> assertThat(l).startsWith("callx vaani: wrote 3 records (4 received, 1 duplicate dropped, "));
    }

    @Test
    void withoutDuplicatesVerboseSaysNothingAboutDroppingAny() {
        server.enqueueJson(ApiPages.vaani(1, 200, 2L, 1L, false, List.of("a", "b")));

        Result r = run("vaani", "-o", "jsonl", "-v");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).doesNotContain("callx vaani: dropped");
    }

    /** A run that fails mid-way still tells --summary-json what it received and dropped before failing. */
    @Test
    void aFailedRunsSummaryCountsWhatWasReceivedAndDroppedBeforeTheFailure() throws Exception {
        server.whenQuery("page", "1").respondJson(ApiPages.vaani(1, 2, 6L, 3L, true, List.of("a", "b")));
        server.whenQuery("page", "2").respondJson(ApiPages.vaani(2, 2, 6L, 3L, true, List.of("b", "c")));
        server.whenQuery("page", "3").respond(Api.json(422, "{\"detail\": \"test: page 3 refused\"}"));
        Path summary = tmp.resolve("summary.json");

        Result r = run("vaani", "-o", "jsonl", "--page-size", "2", "--concurrency", "1", "--summary-json",
                summary.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        JsonNode json = JSON.readTree(summary.toFile());
        assertThat(json.get("records_received").asLong()).as(json.toString()).isEqualTo(4);
        assertThat(json.get("duplicates_dropped").asLong()).as(json.toString()).isEqualTo(1);
    }

    // ---- the summary ----

    @Test
    void aTableOnStdoutClosesWithTheCallsItShows() {
        server.enqueueJson(ApiPages.vaani(1, 200, 2L, 1L, false, List.of("a", "b")));

        Result r = run("vaani", "-o", "table");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.errLines()).as(r.toString()).anySatisfy(l -> assertThat(l).startsWith("callx vaani: 2 calls ("));
    }

    /** The test's own time-out bounds how long the run can have taken. */
    @Test
    void theSummaryJsonGivesTheRunsDuration() throws Exception {
        server.enqueueJson(ApiPages.vaani(1, 200, 1L, 1L, false, List.of("a")));
        Path summary = tmp.resolve("summary.json");

        Result r = run("vaani", "-o", "jsonl", "--summary-json", summary.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        double seconds = JSON.readTree(summary.toFile()).get("elapsed_seconds").asDouble();
        assertThat(seconds).isBetween(0.0, 30.0);
    }

    // ---- usage errors first: they need no credential ----

    @Test
    void aFileInAFolderThatDoesNotExistIsAUsageErrorBeforeTheCredentialIsLookedFor() throws Exception {
        Path file = tmp.resolve("no-such-folder").resolve("calls.csv");
        Path summary = tmp.resolve("summary.json");

        Result r = CallxRunner.callx().run("vaani", "--base-url", server.baseUrl(), "-f", file.toString(),
                "--summary-json", summary.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains(file.toString()).doesNotContain("VAANI_API_KEY");
        assertThat(server.requestCount()).isZero();
        JsonNode json = JSON.readTree(summary.toFile());
        assertThat(json.get("exit_code").asInt()).isEqualTo(2);
        assertThat(json.get("platform").asText()).isEqualTo("vaani");
        assertThat(json.get("output").asText()).isEqualTo(file.toString());
    }

    // ---- --redact ----

    @Test
    void redactSaysOnceHowValuesAreReplaced() throws Exception {
        server.enqueueJson(ApiPages.vaani(1, 200, 0L, 0L, false, List.of()),
                ApiPages.vaani(1, 200, 0L, 0L, false, List.of()));

        Result plain = run("vaani", "-o", "jsonl", "--redact");
        Result withRecordings = run("vaani", "-o", "jsonl", "--redact", "--recordings", tmp.resolve("rec").toString());

        String line = "callx vaani: --redact: personal data replaced by fixed masks ([phone], [email], [name], "
                + "[card]); set CALLX_REDACT_KEY for tokens that keep the same value joinable";
        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.errLines()).as(plain.toString()).contains(line);
        assertThat(withRecordings.exitCode()).as(withRecordings.toString()).isZero();
        assertThat(withRecordings.errLines()).as(withRecordings.toString())
                .contains(line + "; the recordings' audio is saved as it is");
    }

    // ---- stdout's reader went away (| head) ----

    /** Before each wait for a page, what was written goes out: a reader gone stops the export there. */
    @Test
    void aReaderThatWentAwayStopsTheExportBeforeTheNextPages() throws Exception {
        for (int page = 1; page <= 3; page++) {
            server.whenQuery("page", String.valueOf(page)).respondJson(ApiPages.vaani(page, 1, 3L, 3L, page < 3,
                    List.of("v" + page)));
        }
        IOException gone = new IOException("Broken pipe");
        Writer failing = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw gone;
            }

            @Override
            public void flush() throws IOException {
                throw gone;
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        AppContext ctx = new AppContext(Map.of("VAANI_API_KEY", VAANI_KEY), Clock.fixed(CallxRunner.NOW,
                ZoneOffset.UTC), d -> { }, new Random(1), () -> false, () -> 100, new Cleanup())
                .withStdoutFailure(() -> gone);
        String[] args = {"vaani", "--base-url", server.baseUrl(), "-o", "jsonl", "--page-size", "1",
                "--concurrency", "1"};

        int code = Cli.create(ctx, new PrintWriter(failing), new PrintWriter(err, true), args).execute(args);

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(server.sent("page")).as("page 3 is never asked for").doesNotContain("3");
    }

    /** The export ends quietly when its reader went away: no summary, and no progress line left drawn. */
    @Test
    void aReaderThatWentAwayLeavesNoProgressLineBehind() throws Exception {
        server.enqueueJson(ApiPages.vaani(1, 200, 1L, 1L, false, List.of("v1")));
        IOException gone = new IOException("Broken pipe");
        AtomicBoolean wrote = new AtomicBoolean();
        Writer failing = new Writer() { // the reader leaves once the first record comes
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                wrote.set(true);
                throw gone;
            }

            @Override
            public void flush() throws IOException {
                if (wrote.get()) {
                    throw gone;
                }
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        AppContext ctx = new AppContext(Map.of("VAANI_API_KEY", VAANI_KEY), Clock.fixed(CallxRunner.NOW,
                ZoneOffset.UTC), d -> { }, new Random(1), () -> false, () -> true, () -> 100, new Cleanup())
                .withStdoutFailure(() -> gone).withTicker(() -> 0L);
        String[] args = {"--progress", "always", "vaani", "--base-url", server.baseUrl(), "-o", "jsonl"};

        int code = Cli.create(ctx, new PrintWriter(failing), new PrintWriter(err, true), args).execute(args);

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).as("drawn, then erased")
                .isEqualTo("\rcallx vaani: 1 record received of 1, page 1 of 1\u001b[K\r\u001b[K");
    }

    /** Once the export is over, a Ctrl-C (while the summary is written, say) finds nothing of it to undo. */
    @Test
    void afterTheExportCtrlCHasNothingOfItToReport() {
        server.enqueueJson(ApiPages.vaani(1, 200, 1L, 1L, false, List.of("v1")));
        Cleanup cleanup = new Cleanup();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AppContext ctx = new AppContext(Map.of("VAANI_API_KEY", VAANI_KEY), Clock.fixed(CallxRunner.NOW,
                ZoneOffset.UTC), d -> { }, new Random(1), () -> false, () -> 100, cleanup);
        String[] args = {"vaani", "--base-url", server.baseUrl(), "-o", "jsonl"};
        int code = Cli.create(ctx, new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        assertThat(code).as(err.toString()).isZero();
        String before = err.toString();

        cleanup.runAll(); // what the shutdown hook does on Ctrl-C

        assertThat(err.toString()).isEqualTo(before).doesNotContain("interrupted");
    }

    // ---- pages in flight: all the permits, or half of them with per-call requests ----

    @Test
    void withoutPerCallRequestsPagesTakeEveryPermit() throws Exception {
        CountDownLatch thirdAsked = new CountDownLatch(1);
        AtomicBoolean together = new AtomicBoolean();
        server.whenQuery("page", "1").respondJson(ApiPages.vaani(1, 1, 3L, 3L, true, List.of("v1")));
        server.whenQuery("page", "2").answer(req -> {
            together.set(await(thirdAsked));
            return Api.json(ApiPages.vaani(2, 1, 3L, 3L, true, List.of("v2")));
        });
        server.whenQuery("page", "3").answer(req -> {
            thirdAsked.countDown();
            return Api.json(ApiPages.vaani(3, 1, 3L, 3L, false, List.of("v3")));
        });

        Result r = run("vaani", "-o", "csv", "--fields", "id", "--no-header", "--page-size", "1",
                "--concurrency", "2");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).containsExactly("v1", "v2", "v3");
        assertThat(together).as("page 3 was asked for while page 2 was in flight").isTrue();
    }

    @Test
    void withPerCallRequestsPagesLeaveHalfThePermitsToThem() throws Exception {
        CountDownLatch transcriptAsked = new CountDownLatch(1);
        AtomicBoolean pagesWaited = new AtomicBoolean();
        server.whenQuery("page", "1").respondJson(ApiPages.vaani(1, 1, 3L, 3L, true, List.of("v1")));
        for (int page = 2; page <= 3; page++) {
            String body = ApiPages.vaani(page, 1, 3L, 3L, page < 3, List.of("v" + page));
            server.whenQuery("page", String.valueOf(page)).answer(req -> {
                if (!await(transcriptAsked)) {
                    pagesWaited.set(true);
                }
                return Api.json(body);
            });
        }
        server.when(req -> req.getUrl().encodedPath().startsWith("/api/transcript/"), "transcripts").answer(req -> {
            transcriptAsked.countDown();
            return Api.json("{\"transcript\": \"AGENT: Hello.\", \"status_code\": 200, \"function\": \"get_transcript\"}");
        });

        Result r = run("vaani", "-o", "csv", "--fields", "id", "--no-header", "--page-size", "1",
                "--concurrency", "2", "--transcripts");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).containsExactly("v1", "v2", "v3");
        assertThat(pagesWaited).as("a page in flight kept the first transcript from being asked for").isFalse();
    }

    /** DESIGN.md: records in flight through the enrichers, four per permit: several transcripts at once. */
    @Test
    void severalRecordsAreEnrichedAtOnce() throws Exception {
        CountDownLatch secondAsked = new CountDownLatch(1);
        AtomicBoolean together = new AtomicBoolean();
        server.whenPath("/api/call-history").respondJson(ApiPages.vaani(1, 200, 2L, 1L, false, List.of("v1", "v2")));
        server.whenPath("/api/transcript/v1").answer(req -> {
            together.set(await(secondAsked));
            return Api.json("{\"transcript\": \"AGENT: one.\", \"status_code\": 200, \"function\": \"get_transcript\"}");
        });
        server.whenPath("/api/transcript/v2").answer(req -> {
            secondAsked.countDown();
            return Api.json("{\"transcript\": \"AGENT: two.\", \"status_code\": 200, \"function\": \"get_transcript\"}");
        });

        Result r = run("vaani", "-o", "csv", "--fields", "id,transcript", "--no-header", "--concurrency", "4",
                "--transcripts");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).containsExactly("v1,agent: one.", "v2,agent: two.");
        assertThat(together).as("the second transcript was asked for while the first was in flight").isTrue();
    }

    // ---- what the summary counts ----

    /** A recording fetched from storage elsewhere (a pre-signed URL) is a request like any other. */
    @Test
    void aDownloadFromAnotherOriginCountsAsARequest() throws Exception {
        try (PlatformServer storage = new PlatformServer().start()) {
            com.fasterxml.jackson.databind.node.ObjectNode call = ApiPages.vaaniCall("v1");
            call.put("recording_api", storage.url("/rec/v1.ogg?sig=abc").toString());
            com.fasterxml.jackson.databind.node.ObjectNode page = JSON.createObjectNode();
            page.putArray("data").add(call);
            page.putObject("pagination").put("page", 1).put("page_size", 200).put("total_count", 1)
                    .put("total_pages", 1).put("has_next", false).put("has_previous", false);
            server.whenPath("/api/call-history").respondJson(page.toString());
            storage.whenPath("/rec/v1.ogg").respond(new mockwebserver3.MockResponse.Builder().code(200)
                    .addHeader("Content-Type", "audio/ogg").body("OggS-test-audio").build());

            Result r = run("vaani", "-o", "jsonl", "--recordings", tmp.resolve("rec").toString());

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(storage.requestCount()).isEqualTo(1);
            assertThat(r.errLines()).as(r.toString()).anySatisfy(l -> assertThat(l)
                    .startsWith("callx vaani: wrote 1 record (1 received, 0 duplicates dropped, 2 requests, 0 retries"));
        }
    }

    // ---- the progress line's totals ----

    /**
     * Where records are filtered on the client (--since on Vaani), --limit counts records written, not
     * received: the progress shows the platform's totals, not the limit. (--state does not go with --limit.)
     */
    @Test
    void withAClientSideFilterTheProgressShowsThePlatformsTotalsNotTheLimit() {
        for (int p = 1; p <= 3; p++) {
            server.whenQuery("page", String.valueOf(p)).always(Api.json(ApiPages.vaani(p, 2, 6L, 3L, p < 3,
                    List.of("c" + p + "a", "c" + p + "b"))));
        }
        CallxRunner runner = callx().stderrTerminal();
        Result since = runner.run("vaani", "--base-url", server.baseUrl(), "--page-size", "2", "--concurrency", "1",
                "-n", "3", "--since", "2020-01-01T00:00:00Z", "-f", tmp.resolve("since.jsonl").toString());
        Result neither = runner.run("vaani", "--base-url", server.baseUrl(), "--page-size", "2", "--concurrency",
                "1", "-n", "3", "-f", tmp.resolve("all.jsonl").toString());

        assertThat(since.exitCode()).as(since.toString()).isZero();
        assertThat(since.err()).as(since.toString()).contains("\rcallx vaani: 2 records received of 6, page 1 of 3\u001b[K");
        assertThat(neither.exitCode()).as(neither.toString()).isZero();
        assertThat(neither.err()).as(neither.toString()).contains("\rcallx vaani: 2 records received of 3, page 1 of 2\u001b[K");
    }

    /** Waits, bounded, for something a correct run does at once; false when it did not happen. */
    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
