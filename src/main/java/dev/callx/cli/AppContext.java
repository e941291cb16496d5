package dev.callx.cli;

import dev.callx.export.Cleanup;
import dev.callx.http.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What a run takes from the outside world, passed in rather than read from statics so tests can
 * set each: the environment, the clock, how to wait, randomness for backoff jitter, what stdout and
 * stderr are (terminals, how wide, stdout a regular file), a ticker for redraws, and what to clean
 * up on Ctrl-C. Each {@code with...} method returns a changed copy.
 */
public final class AppContext {
    private Map<String, String> env;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;
    private final BooleanSupplier stdoutIsTerminal;
    private final BooleanSupplier stderrIsTerminal;
    private final IntSupplier terminalWidth;
    private final Cleanup cleanup;
    private Supplier<IOException> stdoutFailure = () -> null;
    private IntSupplier stderrWidth;
    private BooleanSupplier stdoutIsFile = () -> false;
    private LongSupplier ticker = System::nanoTime;

    public AppContext(Map<String, String> env, Clock clock, Sleeper sleeper, Random random,
                      BooleanSupplier stdoutIsTerminal, IntSupplier terminalWidth, Cleanup cleanup) {
        this(env, clock, sleeper, random, stdoutIsTerminal, () -> false, terminalWidth, cleanup);
    }

    /**
     * @param stderrIsTerminal whether progress may be drawn on stderr
     * @param terminalWidth    stdout's width (stderr's too, unless {@link #withStderrWidth} says otherwise)
     */
    public AppContext(Map<String, String> env, Clock clock, Sleeper sleeper, Random random,
                      BooleanSupplier stdoutIsTerminal, BooleanSupplier stderrIsTerminal, IntSupplier terminalWidth,
                      Cleanup cleanup) {
        this.stderrIsTerminal = stderrIsTerminal;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.stdoutIsTerminal = stdoutIsTerminal;
        this.terminalWidth = terminalWidth;
        this.stderrWidth = terminalWidth;
        this.cleanup = cleanup;
    }

    /** The real world: the process environment, the system clock, real sleeps, the real terminal. */
    public static AppContext system(Cleanup cleanup) {
        Map<String, String> env = System.getenv();
        // the random is the backoff's jitter only: java.util.Random, not SecureRandom, whose set-up loads
        // the JDK's security providers (about 80 classes) at every start
        return new AppContext(env, Clock.systemUTC(), Sleeper.REAL, new Random(),
                Terminals::stdoutIsTerminal, Terminals::stderrIsTerminal, () -> Terminals.stdoutWidth(env), cleanup)
                .withStderrWidth(() -> Terminals.stderrWidth(env))
                .withStdoutIsFile(Terminals::stdoutIsRegularFile);
    }

    private AppContext copy() {
        AppContext c = new AppContext(env, clock, sleeper, random, stdoutIsTerminal, stderrIsTerminal, terminalWidth,
                cleanup);
        c.stdoutFailure = stdoutFailure;
        c.stderrWidth = stderrWidth;
        c.stdoutIsFile = stdoutIsFile;
        c.ticker = ticker;
        return c;
    }

    public AppContext withEnv(Map<String, String> newEnv) {
        AppContext c = copy();
        c.env = Map.copyOf(newEnv);
        return c;
    }

    /** Where to learn why a write to stdout failed (its PrintWriter only says that one did). */
    public AppContext withStdoutFailure(Supplier<IOException> failure) {
        AppContext c = copy();
        c.stdoutFailure = failure;
        return c;
    }

    /** How wide stderr's terminal is (the progress line is cut to it). */
    public AppContext withStderrWidth(IntSupplier width) {
        AppContext c = copy();
        c.stderrWidth = width;
        return c;
    }

    /** Whether stdout is redirected to a regular file ({@code > out.jsonl}). */
    public AppContext withStdoutIsFile(BooleanSupplier isFile) {
        AppContext c = copy();
        c.stdoutIsFile = isFile;
        return c;
    }

    /** A monotonic clock in nanoseconds, for how often the progress line is redrawn. */
    public AppContext withTicker(LongSupplier nanos) {
        AppContext c = copy();
        c.ticker = nanos;
        return c;
    }

    public Supplier<IOException> stdoutFailure() {
        return stdoutFailure;
    }

    public Map<String, String> env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public Random random() {
        return random;
    }

    public boolean stdoutIsTerminal() {
        return stdoutIsTerminal.getAsBoolean();
    }

    public boolean stderrIsTerminal() {
        return stderrIsTerminal.getAsBoolean();
    }

    /** stdout's width in columns: its terminal's, else COLUMNS, else 120. */
    public int terminalWidth() {
        return terminalWidth.getAsInt();
    }

    /** stderr's width in columns: its terminal's, else COLUMNS, else 120. */
    public int stderrWidth() {
        return stderrWidth.getAsInt();
    }

    public boolean stdoutIsFile() {
        return stdoutIsFile.getAsBoolean();
    }

    public LongSupplier ticker() {
        return ticker;
    }

    public Cleanup cleanup() {
        return cleanup;
    }
}
