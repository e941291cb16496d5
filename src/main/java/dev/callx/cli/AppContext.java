package dev.callx.cli;

import dev.callx.export.Cleanup;
import dev.callx.http.Sleeper;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.IntSupplier;

/**
 * What a run takes from the outside world, passed in rather than read from statics so tests can
 * set each: the environment, the clock, how to wait, randomness for backoff jitter, whether stdout is
 * a terminal and how wide it is, and what to clean up on Ctrl-C.
 */
public final class AppContext {
    private final Map<String, String> env;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;
    private final BooleanSupplier stdoutIsTerminal;
    private final BooleanSupplier stderrIsTerminal;
    private Supplier<IOException> stdoutFailure = () -> null;
    private final IntSupplier terminalWidth;
    private final Cleanup cleanup;

    public AppContext(Map<String, String> env, Clock clock, Sleeper sleeper, Random random,
                      BooleanSupplier stdoutIsTerminal, IntSupplier terminalWidth, Cleanup cleanup) {
        this(env, clock, sleeper, random, stdoutIsTerminal, () -> false, terminalWidth, cleanup);
    }

    /** @param stderrIsTerminal whether progress may be drawn on stderr */
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
        this.cleanup = cleanup;
    }

    /** The real world: the process environment, the system clock, real sleeps, the real terminal. */
    public static AppContext system(Cleanup cleanup) {
        return new AppContext(System.getenv(), Clock.systemUTC(), Sleeper.REAL, new SecureRandom(),
                Terminals::stdoutIsTerminal, Terminals::stderrIsTerminal, () -> Terminals.width(System.getenv()),
                cleanup);
    }

    public AppContext withEnv(Map<String, String> newEnv) {
        return new AppContext(newEnv, clock, sleeper, random, stdoutIsTerminal, stderrIsTerminal, terminalWidth,
                cleanup).withStdoutFailure(stdoutFailure);
    }

    /** Where to learn why a write to stdout failed (its PrintWriter only says that one did). */
    public AppContext withStdoutFailure(Supplier<IOException> failure) {
        AppContext copy = new AppContext(env, clock, sleeper, random, stdoutIsTerminal, stderrIsTerminal,
                terminalWidth, cleanup);
        copy.stdoutFailure = failure;
        return copy;
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

    public int terminalWidth() {
        return terminalWidth.getAsInt();
    }

    public Cleanup cleanup() {
        return cleanup;
    }
}
