package dev.callx.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 10 item 1: the progress line's width and pace, without the CLI. */
class ProgressLineTest {
    @ParameterizedTest(name = "[{0}] at {1} columns -> [{2}]")
    @CsvSource({
            "'12 records received', 80, '12 records received'",
            "'12 records received', 20, '12 records received'",
            "'12 records received', 19, '12 records receiv…'",
            "'12 records received', 10, '12 recor…'",
            "'12 records received', 2, '…'",
            "'12 records received', 1, '…'",
            "'订单订单订单', 13, '订单订单订单'",
            "'订单订单订单', 12, '订单订单订…'",
            "'订单订单订单', 11, '订单订单…'"})
    void keepsToOneColumnLessThanTheTerminal(String text, int columns, String expected) {
        assertThat(ProgressLine.fit(text, columns)).isEqualTo(expected);
    }

    @Test
    void redrawsInPlaceAtMostEveryHundredMillisecondsAndFollowsAResize() {
        StringWriter sw = new StringWriter();
        AtomicLong now = new AtomicLong();
        AtomicInteger width = new AtomicInteger(40);
        ProgressLine line = new ProgressLine(new PrintWriter(sw), width::get, now::get);

        line.show("first");
        now.set(99_999_999L);
        line.show("too soon");
        now.set(100_000_000L);
        width.set(6);
        line.show("second, cut");
        line.erase(true);
        line.show("after an erase, at once");

        assertThat(sw.toString()).isEqualTo("\rfirst\u001b[K\rseco…\u001b[K\r\u001b[K\rafte…\u001b[K");
    }

    @Test
    void thePaceHoldsOnAClockFarFromZeroAndAnEraseWithNothingShownWritesNothing() {
        StringWriter sw = new StringWriter();
        AtomicLong now = new AtomicLong(5_000_000_000_000L); // System.nanoTime is any number
        ProgressLine line = new ProgressLine(new PrintWriter(sw), () -> 80, now::get);

        line.erase(true);
        line.show("first");
        now.addAndGet(99_999_999L);
        line.show("too soon");
        now.addAndGet(1L);
        line.show("second");

        assertThat(sw.toString()).isEqualTo("\rfirst\u001b[K\rsecond\u001b[K");
    }

    @Test
    void eachDrawAndTheFinalEraseReachTheTerminalAtOnce() {
        // stderr is buffered: what is not flushed waits in the buffer, invisible
        StringWriter terminal = new StringWriter();
        PrintWriter err = new PrintWriter(new java.io.BufferedWriter(terminal, 1 << 16));
        AtomicLong now = new AtomicLong();
        ProgressLine line = new ProgressLine(err, () -> 80, now::get);

        line.show("12 records received");
        assertThat(terminal.toString()).isEqualTo("\r12 records received\u001b[K");
        line.erase(false);
        assertThat(terminal.toString()).isEqualTo("\r12 records received\u001b[K"); // the next line flushes it
        line.show("again");
        line.erase(true);
        assertThat(terminal.toString()).endsWith("\ragain\u001b[K\r\u001b[K");
    }

    @Test
    void aLogLineAndAStackTraceReachTheTerminalAtOnceAndTheLevelIsAsGiven() {
        StringWriter terminal = new StringWriter();
        PrintWriter err = new PrintWriter(new java.io.BufferedWriter(terminal, 1 << 16));
        Secrets secrets = new Secrets();
        Log log = new Log(err, Log.Level.VERBOSE, secrets, "calls", () -> 80, () -> 0L);

        log.progress(1, null, 1, null);
        log.error("it failed");
        assertThat(terminal.toString()).endsWith("\r\u001b[Kcallx calls: it failed" + System.lineSeparator());
        log.progress(2, null, 1, null);
        log.trace(new IllegalStateException("boom"));
        assertThat(terminal.toString()).contains("\r\u001b[Kjava.lang.IllegalStateException: boom");

        assertThat(log.verbose()).isTrue();
        assertThat(log.quiet()).isFalse();
        assertThat(log.secrets()).isSameAs(secrets);
        Log quiet = new Log(err, Log.Level.QUIET, secrets, "calls");
        assertThat(quiet.quiet()).isTrue();
        assertThat(quiet.verbose()).isFalse();
        Log normal = new Log(err, Log.Level.NORMAL, secrets, "calls");
        assertThat(normal.quiet()).isFalse();
        assertThat(normal.verbose()).isFalse();
    }

    @Test
    void theLogErasesTheLineBeforeAnyOtherAndDrawsAgainAtTheNextUpdate() {
        StringWriter sw = new StringWriter();
        Log log = new Log(new PrintWriter(sw), Log.Level.NORMAL, new Secrets(), "calls", () -> 80, () -> 0L);

        log.progress(1234, 5000L, 3, 50L);
        log.warn("a warning");
        log.progress(1500, null, 4, null);
        log.endProgress();
        log.endProgress();

        assertThat(sw.toString()).isEqualTo("\rcallx calls: 1,234 records received of 5,000, page 3 of 50\u001b[K"
                + "\r\u001b[Kcallx calls: a warning\n"
                + "\rcallx calls: 1,500 records received, page 4\u001b[K"
                + "\r\u001b[K");
    }

    @Test
    void withoutAWidthNothingIsDrawn() {
        StringWriter sw = new StringWriter();
        Log log = new Log(new PrintWriter(sw), Log.Level.NORMAL, new Secrets(), "calls", null, () -> 0L);

        log.progress(1, 1L, 1, 1L);
        log.endProgress();

        assertThat(sw.toString()).isEmpty();
    }
}
