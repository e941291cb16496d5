package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callx.testing.Api;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9.4: one summary line on stderr at the end of every export but with -q (records written,
 * duplicates dropped, requests, retries, elapsed; the high-water mark with --state), and the same as
 * JSON with --summary-json, also when the export fails.
 */
class SummaryTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The elapsed time is the one thing a test cannot know. */
    static final String SECONDS = "\\d+\\.\\ds";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path dir;

    Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--base-url";
        all[args.length + 1] = server.baseUrl();
        return CallxRunner.callx().env("ZUDU_API_KEY", "zk-key-0004").env("ZUDU_API_SECRET", "zs-secret-0005")
                .run(all);
    }

    /** Two pages of Zudu with one call on both (dropped), and a retried 503 on page 1. */
    void twoPages() {
        server.whenQuery("page", "0").respondJson(ApiPages.zudu(0, 2, 4L, 2L, true, List.of("z1", "z2")));
        server.whenQuery("page", "1").respond(Api.json(503, "{\"error\": \"busy\"}"))
                .respondJson(ApiPages.zudu(1, 2, 4L, 2L, false, List.of("z2", "z3")));
    }

    @Test
    void theLineSaysWhatTheRunDid() {
        twoPages();
        Path out = dir.resolve("calls.csv");
        Result r = run("calls", "--page-size", "2", "-f", out.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.errLines()).as(r.toString()).last().asString().matches("callx calls: wrote 3 records to "
                + java.util.regex.Pattern.quote(out.toString()) + " \\(4 received, 1 duplicate dropped, 3 requests, "
                + "1 retry, " + SECONDS + "\\)");
    }

    @Test
    void anEmptyExportSaysNoCallsFound() {
        server.whenQuery("page", "0").respondJson(ApiPages.zudu(0, 100, 0L, 0L, false, List.of()));
        Result r = run("calls", "-o", "jsonl");
        assertThat(r.errLines()).as(r.toString()).singleElement().asString()
                .matches("callx calls: no calls found \\(0 received, 0 duplicates dropped, 1 request, 0 retries, "
                        + SECONDS + "\\)");
    }

    @Test
    void quietMeansNoLine() {
        twoPages();
        Result r = run("calls", "--page-size", "2", "-q");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
    }

    @Test
    void withStateTheLineEndsWithTheHighWaterMark() {
        server.whenQuery("page", "0").respondJson(ApiPages.zudu(0, 100, 1L, 1L, false, List.of("z1")));
        Result r = run("calls", "--state", dir.resolve("s.json").toString(), "-o", "jsonl");
        // the documented example call started at 1703097600000
        assertThat(r.errLines()).as(r.toString()).last().asString()
                .endsWith("; state: high-water mark 2023-12-20T18:40:00Z");
    }

    @Test
    void summaryJsonHoldsTheSameForMonitoring() throws Exception {
        twoPages();
        Path summary = dir.resolve("summary.json");
        Path state = dir.resolve("state.json");
        Result r = run("calls", "--page-size", "2", "-q", "--summary-json", summary.toString(), "--state",
                state.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();

        JsonNode s = JSON.readTree(summary.toFile());
        assertThat(s.get("command").asText()).isEqualTo("calls");
        assertThat(s.get("platform").asText()).isEqualTo("zudu");
        assertThat(s.get("ok").asBoolean()).isTrue();
        assertThat(s.get("exit_code").asInt()).isZero();
        assertThat(s.get("error").isNull()).isTrue();
        assertThat(s.get("output").asText()).isEqualTo("-");
        assertThat(s.get("committed").asBoolean()).isTrue();
        assertThat(s.get("records_written").asLong()).isEqualTo(3);
        assertThat(s.get("records_received").asLong()).isEqualTo(4);
        assertThat(s.get("duplicates_dropped").asLong()).isEqualTo(1);
        assertThat(s.get("requests").asLong()).isEqualTo(3);
        assertThat(s.get("retries").asLong()).isEqualTo(1);
        assertThat(s.get("elapsed_seconds").isNumber()).isTrue();
        assertThat(s.get("finished_at").asText()).isEqualTo(CallxRunner.NOW.toString());
        assertThat(s.get("state").get("file").asText()).isEqualTo(state.toString());
        assertThat(s.get("state").get("previous_high_water_mark").isNull()).isTrue();
        assertThat(s.get("state").get("high_water_mark").asText()).isEqualTo("2023-12-20T18:40:00Z");
    }

    @Test
    void summaryJsonIsWrittenWhenTheExportFailsToo() throws Exception {
        server.whenQuery("page", "0").always(Api.json(401, "{\"error\": \"bad key zk-key-0004\"}"));
        Path summary = dir.resolve("summary.json");
        Result r = run("calls", "--summary-json", summary.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);

        JsonNode s = JSON.readTree(summary.toFile());
        assertThat(s.get("ok").asBoolean()).isFalse();
        assertThat(s.get("exit_code").asInt()).isEqualTo(3);
        assertThat(s.get("committed").asBoolean()).isFalse();
        assertThat(s.get("error").asText()).contains("HTTP 401").doesNotContain("zk-key-0004");
        assertThat(Files.readString(summary)).doesNotContain("zk-key-0004", "zs-secret-0005");
    }

    @Test
    void summaryJsonAndFileMustDiffer() {
        Path f = dir.resolve("x.json");
        Result r = run("calls", "-f", f.toString(), "--summary-json", f.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(server.requestCount()).isZero();
    }
}
