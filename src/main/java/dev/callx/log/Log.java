package dev.callx.log;

import java.io.PrintWriter;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Messages for people, on stderr: never data. Every line is masked through {@link Secrets},
 * escaped through {@link TerminalText} (server text in a message cannot drive the terminal or
 * forge a line) and prefixed with {@code callx COMMAND:}. One instance per run (no static state),
 * so tests can capture it.
 */
public final class Log {
    public enum Level { QUIET, NORMAL, VERBOSE }

    private final PrintWriter err;
    private final ProgressLine progress;
    private final Level level;
    private final Secrets secrets;
    private final String prefix;

    public Log(PrintWriter err, Level level, Secrets secrets, String command) {
        this(err, level, secrets, command, null, null);
    }

    /**
     * @param progress draw a progress line on stderr, in normal mode (-q wants nothing, -v has its own
     *                 lines), 80 columns wide
     */
    public Log(PrintWriter err, Level level, Secrets secrets, String command, boolean progress) {
        this(err, level, secrets, command, progress && level == Level.NORMAL ? () -> 80 : null, System::nanoTime);
    }

    /**
     * @param progressWidth the width of the terminal stderr is, to draw a progress line on; null for none
     *                      (whether to draw one is the command line's decision)
     * @param ticker        a monotonic clock in nanoseconds, which paces the redraws
     */
    public Log(PrintWriter err, Level level, Secrets secrets, String command, IntSupplier progressWidth,
               LongSupplier ticker) {
        this.progress = progressWidth == null ? null : new ProgressLine(err, progressWidth, ticker);
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
            if (progress != null) {
                progress.erase(false);
            }
            err.print(TerminalText.escapeLines(secrets.mask(sw.toString())));
            err.flush();
        }
    }

    /** Redraws the progress line, at most ten times a second. */
    public void progress(String message) {
        if (progress == null) {
            return;
        }
        synchronized (err) {
            progress.show(prefix + line(message));
        }
    }

    /**
     * Redraws the progress line of an export: records received (of the total, when known) and the
     * page (of the pages, when known), pages counted from 1.
     */
    public void progress(long received, Long total, long page, Long pages) {
        if (progress == null) {
            return;
        }
        progress(Numbers.grouped(received) + (received == 1 ? " record" : " records") + " received"
                + (total == null ? "" : " of " + Numbers.grouped(total)) + ", page " + Numbers.grouped(page)
                + (pages == null ? "" : " of " + Numbers.grouped(pages)));
    }

    /** Removes the progress line, if one is shown. */
    public void endProgress() {
        if (progress == null) {
            return;
        }
        synchronized (err) {
            progress.erase(true);
        }
    }

    private void print(String message) {
        synchronized (err) {
            if (progress != null) {
                progress.erase(false);
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
