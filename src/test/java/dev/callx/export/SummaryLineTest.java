package dev.callx.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The summary of a run word for word (README "Nightly exports" and the table's closing line): every
 * branch of the line on stderr and every key of --summary-json, from counts set by hand. Thousands are
 * grouped with a comma and seconds have a point whatever the locale (the suite runs in tr_TR).
 */
class SummaryLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunStats stats(String platform, Path file, long written, long received, long duplicates,
                                  long requests, long retries, long millis) {
        RunStats s = new RunStats();
        s.output(platform, file, false);
        for (long i = 0; i < written; i++) {
            s.wrote();
        }
        for (long i = 0; i < requests; i++) {
            s.request();
        }
        for (long i = 0; i < retries; i++) {
            s.retry();
        }
        s.finish(received, duplicates, null, Duration.ofMillis(millis));
        return s;
    }

    @Test
    void recordsWrittenToAFile() {
        RunStats s = stats("zudu", Path.of("calls.csv"), 1_075, 100_000, 3, 12, 2, 4_200);
        assertThat(Summary.line(s)).isEqualTo(
                "wrote 1,075 records to calls.csv (100,000 received, 3 duplicates dropped, 12 requests, 2 retries, 4.2s)");
    }

    @Test
    void oneOfEachIsSingular() {
        RunStats s = stats("zudu", null, 1, 1, 1, 1, 1, 100);
        assertThat(Summary.line(s)).isEqualTo(
                "wrote 1 record (1 received, 1 duplicate dropped, 1 request, 1 retry, 0.1s)");
    }

    @Test
    void aTableOnStdoutClosesWithTheCallsAndTheColumnsHiddenForWidth() {
        RunStats s = stats("vaani", null, 232, 232, 0, 3, 0, 1_234);
        s.table(true, List.of("summary", "agent_name"), 80);
        assertThat(Summary.line(s)).isEqualTo("232 calls (232 received, 0 duplicates dropped, 3 requests, 0 retries, "
                + "1.2s); hidden to fit 80 columns: summary, agent_name (choose columns with --fields)");
    }

    @Test
    void aTableWrittenToAFileSaysWhereAndOneCallIsSingular() {
        RunStats s = stats("vaani", Path.of("calls.txt"), 1, 1, 0, 1, 0, 0);
        s.table(true, List.of(), 80);
        assertThat(Summary.line(s)).isEqualTo(
                "wrote 1 record to calls.txt (1 received, 0 duplicates dropped, 1 request, 0 retries, 0.0s)");
        RunStats one = stats("vaani", null, 1, 1, 0, 1, 0, 0);
        one.table(true, List.of(), 80);
        assertThat(Summary.line(one)).startsWith("1 call (");
        RunStats none = stats("vaani", null, 0, 0, 0, 1, 0, 0);
        none.table(true, List.of(), 80);
        assertThat(Summary.line(none)).as("an empty table on stdout")
                .isEqualTo("no calls found (0 received, 0 duplicates dropped, 1 request, 0 retries, 0.0s)");
    }

    @Test
    void nothingWrittenIsNoCallsFoundOrNoneBetweenSinceAndUntil() {
        RunStats s = stats("ravan", null, 0, 0, 0, 1, 0, 0);
        assertThat(Summary.line(s)).isEqualTo("no calls found (0 received, 0 duplicates dropped, 1 request, 0 retries, 0.0s)");
        RunStats window = new RunStats();
        window.output("ravan", null, true);
        window.finish(7, 0, null, Duration.ZERO);
        assertThat(Summary.line(window)).isEqualTo(
                "no calls found between --since and --until (7 received, 0 duplicates dropped, 0 requests, 0 retries, 0.0s)");
    }

    @Test
    void withStateTheLineEndsWithTheHighWaterMarkOrSaysThereIsNoneYet() {
        RunStats again = stats("zudu", null, 0, 4, 0, 1, 0, 0);
        Instant mark = Instant.parse("2026-11-21T11:58:00Z");
        again.state(Path.of("state.json"), true, mark, mark);
        RunStats first = stats("zudu", null, 0, 0, 0, 1, 0, 0);
        first.state(Path.of("state.json"), false, null, null);
        assertThat(Summary.line(again)).isEqualTo("no new calls since the last run (4 received, 0 duplicates dropped, "
                + "1 request, 0 retries, 0.0s); state: high-water mark 2026-11-21T11:58:00Z");
        assertThat(Summary.line(first)).as("a first run that found nothing").isEqualTo("no calls found (0 received, "
                + "0 duplicates dropped, 1 request, 0 retries, 0.0s); state: no high-water mark yet");
    }

    @Test
    void countsAStageShowsAreInTheLineInTheOrderAddedAndTheOthersOnlyInTheJson() {
        RunStats s = stats("ravan", null, 2, 2, 0, 4, 0, 0);
        s.addShown("transcripts not there yet", 1);
        s.add("transcripts fetched", 1);
        s.addShown("recordings failed", 1_200);
        s.addShown("transcripts not there yet", 1);
        assertThat(Summary.line(s)).isEqualTo("wrote 2 records (2 received, 0 duplicates dropped, 4 requests, 0 retries, "
                + "2 transcripts not there yet, 1,200 recordings failed, 0.0s)");
        assertThat(s.counts()).containsExactly(java.util.Map.entry("transcripts not there yet", 2L),
                java.util.Map.entry("transcripts fetched", 1L), java.util.Map.entry("recordings failed", 1_200L));
    }

    @Test
    void theJsonOfASuccessfulRunWithState() throws Exception {
        RunStats s = stats("zudu", Path.of("out", "calls.csv"), 3, 4, 1, 3, 1, 1_234);
        s.finish(4, 1, 2L, Duration.ofMillis(1_234));
        s.state(Path.of("state.json"), true, Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-21T11:58:00Z"));
        s.add("transcripts fetched", 3);
        s.committed();
        String json = Summary.json(s, "calls", 0, null, Instant.parse("2026-11-22T02:10:05Z"));
        assertThat(json).endsWith("}\n");
        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree("""
                {"command": "calls", "platform": "zudu", "ok": true, "exit_code": 0, "error": null,
                 "output": "out/calls.csv", "committed": true, "records_written": 3, "records_received": 4,
                 "duplicates_dropped": 1, "requests": 3, "retries": 1, "elapsed_seconds": 1.234,
                 "finished_at": "2026-11-22T02:10:05Z", "stopped_after_page": 2,
                 "state": {"file": "state.json", "previous_high_water_mark": "2026-11-20T10:00:00Z",
                           "high_water_mark": "2026-11-21T11:58:00Z"},
                 "counts": {"transcripts fetched": 3}, "partial": null}
                """));
    }

    @Test
    void theJsonOfAFailedOrPartialRun() throws Exception {
        RunStats failed = stats("vaani", null, 0, 0, 0, 1, 0, 0);
        String json = Summary.json(failed, "vaani", 3, "callx vaani: HTTP 401", Instant.parse("2026-11-22T02:10:05Z"));
        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree("""
                {"command": "vaani", "platform": "vaani", "ok": false, "exit_code": 3, "error": "callx vaani: HTTP 401",
                 "output": "-", "committed": false, "records_written": 0, "records_received": 0,
                 "duplicates_dropped": 0, "requests": 1, "retries": 0, "elapsed_seconds": 0.000,
                 "finished_at": "2026-11-22T02:10:05Z", "stopped_after_page": null, "state": null,
                 "counts": {}, "partial": null}
                """));
        RunStats partial = stats("ravan", null, 2, 2, 0, 3, 0, 0);
        partial.partial("1 recording could not be downloaded");
        JsonNode p = JSON.readTree(Summary.json(partial, "sessions", 8, null, Instant.parse("2026-11-22T02:10:05Z")));
        assertThat(p.get("ok").asBoolean()).isFalse();
        assertThat(p.get("exit_code").asInt()).isEqualTo(8);
        assertThat(p.get("partial").asText()).isEqualTo("1 recording could not be downloaded");
    }
}
