package dev.callx.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.log.Numbers;
import dev.callx.record.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The end of a run, for people (one line on stderr) and for monitoring ({@code --summary-json}), from
 * its {@link RunStats}. Holds counts, times, paths and the platform's key: never a credential, never
 * a record.
 */
public final class Summary {
    private Summary() {
    }

    /**
     * The line: {@code wrote 1,075 records to calls.csv (100,000 received, 3 duplicates dropped, 12
     * requests, 1 retry, 4.2s); state: high-water mark 2026-11-21T11:58:00Z}; {@code no calls found
     * (...)} when nothing was written; {@code 25 calls (...); hidden to fit 60 columns: summary, ...
     * (choose columns with --fields)} as the closing line of a table on stdout.
     */
    public static String line(RunStats s) {
        StringBuilder b = new StringBuilder();
        long written = s.written();
        if (written > 0 && s.table() && s.output() == null) {
            b.append(count(written, "call")); // the table's closing line (issue 10)
        } else if (written > 0) {
            b.append("wrote ").append(count(written, "record"));
            if (s.output() != null) {
                b.append(" to ").append(s.output());
            }
        } else if (s.stateFile() != null && s.stateContinues()) {
            b.append("no new calls since the last run");
        } else {
            b.append(s.windowBounded() ? "no calls found between --since and --until" : "no calls found");
        }
        b.append(" (").append(Numbers.grouped(s.received())).append(" received");
        b.append(", ").append(count(s.duplicates(), "duplicate")).append(" dropped");
        b.append(", ").append(count(s.requests(), "request"));
        b.append(", ").append(count(s.retries(), "retry", "retries"));
        s.shownCounts().forEach((name, n) -> b.append(", ").append(Numbers.grouped(n)).append(' ').append(name));
        b.append(", ").append(seconds(s)).append("s)");
        if (s.stateFile() != null) {
            b.append("; state: ");
            b.append(s.highWaterMark() == null ? "no high-water mark yet" : "high-water mark " + s.highWaterMark());
        }
        if (!s.hiddenColumns().isEmpty()) {
            b.append("; hidden to fit ").append(s.width()).append(" columns: ")
                    .append(String.join(", ", s.hiddenColumns())).append(" (choose columns with --fields)");
        }
        return b.toString();
    }

    /**
     * The summary as JSON, written whether the run succeeded or not.
     *
     * @param exitCode the run's exit code
     * @param error    the error line (masked), or null
     */
    public static String json(RunStats s, String command, int exitCode, String error, Instant finishedAt) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("command", command);
        root.put("platform", s.platform());
        root.put("ok", exitCode == 0);
        root.put("exit_code", exitCode);
        root.put("error", error);
        root.put("output", s.output() == null ? "-" : s.output().toString());
        root.put("committed", s.isCommitted());
        root.put("records_written", s.written());
        root.put("records_received", s.received());
        root.put("duplicates_dropped", s.duplicates());
        root.put("requests", s.requests());
        root.put("retries", s.retries());
        root.put("elapsed_seconds", BigDecimal.valueOf(s.elapsed().toMillis(), 3));
        root.put("finished_at", finishedAt.toString());
        if (s.stoppedAfterPage() == null) {
            root.putNull("stopped_after_page");
        } else {
            root.put("stopped_after_page", s.stoppedAfterPage());
        }
        if (s.stateFile() == null) {
            root.putNull("state");
        } else {
            ObjectNode state = root.putObject("state");
            state.put("file", s.stateFile().toString());
            state.put("previous_high_water_mark", text(s.previousHighWaterMark()));
            state.put("high_water_mark", text(s.highWaterMark()));
        }
        ObjectNode counts = root.putObject("counts");
        for (Map.Entry<String, Long> e : s.counts().entrySet()) {
            counts.put(e.getKey(), e.getValue());
        }
        root.put("partial", s.partial());
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String seconds(RunStats s) {
        return Numbers.tenths(s.elapsed().toMillis());
    }

    private static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(long n, String one, String many) {
        return Numbers.grouped(n) + " " + (n == 1 ? one : many);
    }
}
