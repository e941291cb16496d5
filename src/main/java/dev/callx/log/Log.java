package dev.callx.log;

import java.io.PrintWriter;

/**
 * Messages for people, on stderr: never data. Every line is masked through {@link Secrets},
 * escaped through {@link TerminalText} (server text in a message cannot drive the terminal or
 * forge a line) and prefixed with {@code callx COMMAND:}. One instance per run (no static state),
 * so tests can capture it.
 */
public final class Log {
    public enum Level { QUIET, NORMAL, VERBOSE }

    private static final String ERASE_LINE = "\u001b[K";
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean progress;
    private boolean progressShown;
    private long progressDrawn;
    private final Level level;
    private final Secrets secrets;
    private final String prefix;

    public Log(PrintWriter err, Level level, Secrets secrets, String command) {
        this(err, level, secrets, command, false);
    }

    /**
     * @param progress draw a progress line on stderr (only where stderr is a terminal that no data is
     *                 written to, and in normal mode: -q wants nothing, -v has its own lines)
     */
    public Log(PrintWriter err, Level level, Secrets secrets, String command, boolean progress) {
        this.progress = progress && level == Level.NORMAL;
        this.err = err;
        this.level = level;
        this.secrets = secrets;
        this.prefix = command == null ? "callx: " : "callx " + command + ": ";
    }

    public Secrets secrets() {
        return secrets;
    }

    public boolean verbose() {
        return level == Level.VERBOSE;
    }

    public boolean quiet() {
        return level == Level.QUIET;
    }

    /** An error line: always shown. */
    public void error(String message) {
        print(message);
    }

    /** A warning: shown unless --quiet. */
    public void warn(String message) {
        if (level != Level.QUIET) {
            print(message);
        }
    }

    /** A note worth a line in normal mode (what was written where). */
    public void info(String message) {
        if (level != Level.QUIET) {
            print(message);
        }
    }

    /** Detail for -v only. */
    public void debug(String message) {
        if (level == Level.VERBOSE) {
            print(message);
        }
    }

    /** Prints a stack trace, masked and escaped (its lines kept), for -v. */
    public void trace(Throwable t) {
        java.io.StringWriter sw = new java.io.StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        synchronized (err) {
            err.print(TerminalText.escapeLines(secrets.mask(sw.toString())));
            err.flush();
        }
    }

    /** Redraws the progress line, at most ten times a second. */
    public void progress(String message) {
        if (!progress) {
            return;
        }
        long now = System.nanoTime();
        synchronized (err) {
            if (progressShown && now - progressDrawn < PROGRESS_INTERVAL_NANOS) {
                return;
            }
            err.print("\r" + prefix + line(message) + ERASE_LINE);
            err.flush();
            progressShown = true;
            progressDrawn = now;
        }
    }

    /** Removes the progress line, if one is shown. */
    public void endProgress() {
        synchronized (err) {
            if (progressShown) {
                err.print("\r" + ERASE_LINE);
                err.flush();
                progressShown = false;
            }
        }
    }

    private void print(String message) {
        synchronized (err) {
            if (progressShown) {
                err.print("\r" + ERASE_LINE);
                progressShown = false;
            }
            err.println(prefix + line(message));
            err.flush();
        }
    }

    /** A message as printed: secrets masked in the text as received, then control characters escaped. */
    private String line(String message) {
        return TerminalText.escape(secrets.mask(message));
    }
}
