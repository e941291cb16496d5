package dev.callx.testing;

import dev.callx.cli.AppContext;
import dev.callx.cli.Cli;
import dev.callx.export.Cleanup;
import dev.callx.http.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs callx in-process the way a user would, with a chosen environment, a fixed clock, waits that are
 * recorded instead of slept, and stdout/stderr captured. A failed assertion on a {@link Result} shows
 * the arguments, exit code, stdout and stderr (see {@link Result#toString()}).
 */
public final class CallxRunner {
    /** The fixed "now" of every test run. */
    public static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;
    private boolean stderrTerminal;
    private boolean stdoutFile;
    private int width = 100;
    private Integer stderrWidth;
    private java.util.function.LongSupplier ticker = () -> 0L;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final Cleanup cleanup = new Cleanup();
    private boolean interruptWaits;

    public static CallxRunner callx() {
        return new CallxRunner();
    }

    /** Sets an environment variable for the runs (the process environment is never read). */
    public CallxRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Makes stderr look like a terminal (progress may be drawn there). */
    public CallxRunner stderrTerminal() {
        this.stderrTerminal = true;
        return this;
    }

    /** Makes stderr look like a terminal of the given width (stdout's width is then its own). */
    public CallxRunner stderrTerminal(int columns) {
        this.stderrTerminal = true;
        this.stderrWidth = columns;
        return this;
    }

    /** Makes stdout look redirected to a regular file ({@code > out.jsonl}). */
    public CallxRunner stdoutFile() {
        this.stdoutFile = true;
        return this;
    }

    /**
     * The monotonic clock (nanoseconds) a run reads to pace redraws of its progress line. By
     * default it stands still at 0: only the first state is drawn, then the end erases it.
     */
    public CallxRunner ticker(java.util.function.LongSupplier nanos) {
        this.ticker = nanos;
        return this;
    }

    /** Makes stdout look like a terminal of the given width. */
    public CallxRunner terminal(int columns) {
        this.terminal = true;
        this.width = columns;
        return this;
    }

    /** The waits between retries that runs asked for (never slept). */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    /**
     * Makes every wait between retries end in {@link InterruptedException}, as Ctrl-C during a
     * wait would (the wait is still recorded). The thread's interrupt flag is cleared after the run.
     */
    public CallxRunner interruptWaits() {
        this.interruptWaits = true;
        return this;
    }

    public Cleanup cleanup() {
        return cleanup;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Sleeper sleeper = d -> {
            waits.add(d);
            if (interruptWaits) {
                throw new InterruptedException("test: interrupted during a wait");
            }
        };
        AppContext ctx = new AppContext(env, Clock.fixed(NOW, ZoneOffset.UTC), sleeper, new Random(7),
                () -> terminal, () -> stderrTerminal, () -> width, cleanup)
                .withStderrWidth(() -> stderrWidth != null ? stderrWidth : width)
                .withStdoutIsFile(() -> stdoutFile)
                .withTicker(ticker);
        int code;
        try {
            // the command tree as Main builds it for these arguments
            code = Cli.create(ctx, new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        } finally {
            if (interruptWaits) {
                Thread.interrupted();
            }
        }
        return new Result(List.of(args), code, out.toString(), err.toString());
    }

    /** What one run left: its exit code and everything it printed. */
    public record Result(List<String> args, int exitCode, String out, String err) {
        public List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\r?\n"));
        }

        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\r?\n"));
        }

        @Override
        public String toString() {
            return "callx " + String.join(" ", args) + "\n--- exit code: " + exitCode + "\n--- stdout:\n" + out
                    + "\n--- stderr:\n" + err;
        }
    }
}
