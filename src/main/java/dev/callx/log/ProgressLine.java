package dev.callx.log;

import java.io.PrintWriter;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The one progress line on stderr: drawn in place (a carriage return, the text, erase to the end of
 * the line), redrawn at most every {@value #INTERVAL_NANOS} ns by the ticker it is given, cut to
 * one column less than the terminal so that it never wraps onto a second line (a terminal that
 * wraps on the last column would leave a line behind per update), and erased before any other line
 * and at the end. Callers hold the lock of the writer (see {@link Log}).
 */
final class ProgressLine {
    static final long INTERVAL_NANOS = 100_000_000L;
    private static final String ERASE_LINE = "\u001b[K";

    private final PrintWriter err;
    private final IntSupplier width;
    private final LongSupplier ticker;
    private boolean shown;
    private long drawnAt;

    /**
     * @param width  the terminal's width in columns, asked at each draw (the window may be resized)
     * @param ticker a monotonic clock in nanoseconds
     */
    ProgressLine(PrintWriter err, IntSupplier width, LongSupplier ticker) {
        this.err = err;
        this.width = width;
        this.ticker = ticker;
    }

    /** Draws {@code text} (already escaped), unless the line was drawn less than the interval ago. */
    void show(String text) {
        long now = ticker.getAsLong();
        if (shown && now - drawnAt < INTERVAL_NANOS) {
            return;
        }
        err.print("\r" + fit(text, width.getAsInt()) + ERASE_LINE);
        err.flush();
        shown = true;
        drawnAt = now;
    }

    /** Erases the line, if one is shown; the next {@link #show} draws at once. */
    void erase(boolean flush) {
        if (shown) {
            err.print("\r" + ERASE_LINE);
            if (flush) {
                err.flush();
            }
            shown = false;
        }
    }

    /**
     * The text cut to fit a terminal of {@code columns}: at most {@code columns - 1} columns, ending
     * in "…" when cut. Wide characters count two columns.
     */
    static String fit(String text, int columns) {
        return TerminalText.cut(text, Math.max(1, columns - 1));
    }
}
