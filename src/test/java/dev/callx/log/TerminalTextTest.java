package dev.callx.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Issue 8 item 7: the one escaper every line on stderr goes through. */
class TerminalTextTest {
    @Test
    void escapeSequencesBecomeVisible() {
        assertThat(TerminalText.escape("\u001b]0;PWNED\u0007\u001b[2J")).isEqualTo("\\e]0;PWNED\\x07\\e[2J");
        assertThat(TerminalText.escape("a\u009b2Jb\u007fc\u0000")).isEqualTo("a\\x9b2Jb\\x7fc\\x00");
    }

    @Test
    void lineBreaksAndTabsBecomeVisibleInALine() {
        assertThat(TerminalText.escape("a\nb\rc\td\u2028e\u2029f")).isEqualTo("a\\nb\\rc\\td\\u2028e\\u2029f");
    }

    @Test
    void bidiAndInvisibleFormatCharactersBecomeVisible() {
        assertThat(TerminalText.escape("abc\u202edef\u2066x\u2069 a\u200bb\ufeff"))
                .isEqualTo("abc\\u202edef\\u2066x\\u2069 a\\u200bb\\ufeff");
    }

    @Test
    void printableTextIsReturnedAsItIs() {
        String text = "Zoë 订单 😀 \\e \"quoted\" tab-free";
        assertThat(TerminalText.escape(text)).isSameAs(text);
    }

    @Test
    void escapingTwiceChangesNothing() {
        String once = TerminalText.escape("\u001b[31mred\u202e\n");
        assertThat(TerminalText.escape(once)).isEqualTo(once).isEqualTo("\\e[31mred\\u202e\\n");
    }

    @Test
    void aLoneSurrogateIsShownNotPassedOn() {
        assertThat(TerminalText.escape("a\ud83d")).isEqualTo("a\\ud83d");
    }

    @Test
    void linesKeepTheirBreaksAndTabsButNothingElse() {
        assertThat(TerminalText.escapeLines("java.io.IOException: \u001b[2J\n\tat x.y(Z.java:1)\r\n"))
                .isEqualTo("java.io.IOException: \\e[2J\n\tat x.y(Z.java:1)\\r\n");
    }

    @Test
    void quoteEscapesQuotesAndBackslashesAndCutsBetweenCharacters() {
        assertThat(TerminalText.quote("say \"hi\" \\ \u001b", 60)).isEqualTo("\"say \\\"hi\\\" \\\\ \\e\"");
        assertThat(TerminalText.quote("ab😀cd", 3)).isEqualTo("\"ab😀…\"");
    }

    @Test
    void theLogEscapesEveryKindOfLineAndTheStackTrace() {
        StringWriter sw = new StringWriter();
        Log log = new Log(new PrintWriter(sw), Log.Level.VERBOSE, new Secrets(), "vaani", true);
        log.error("e \u001b[2J");
        log.warn("w \u202e");
        log.info("i \u0007");
        log.debug("d \n x");
        log.progress("p \u009b");
        log.endProgress();
        log.trace(new IllegalStateException("t \u001b]0;x\u0007"));
        String err = sw.toString();
        assertThat(err).contains("callx vaani: e \\e[2J\n", "callx vaani: w \\u202e\n", "callx vaani: i \\x07\n",
                "callx vaani: d \\n x\n", "java.lang.IllegalStateException: t \\e]0;x\\x07\n\tat ");
        // progress is drawn in normal mode only
        assertThat(err.chars().filter(c -> c == 0x1b || c == 0x07 || c == 0x9b || c == 0x202e)).isEmpty();
    }

    @Test
    void theProgressLineIsEscaped() {
        StringWriter sw = new StringWriter();
        Log log = new Log(new PrintWriter(sw), Log.Level.NORMAL, new Secrets(), "vaani", true);
        log.progress("p \u009b\u001b[2J");
        assertThat(sw.toString()).isEqualTo("\rcallx vaani: p \\x9b\\e[2J\u001b[K");
    }

    @Test
    void theEdgesOfTheEscapedRangesAreExact() {
        // C1 controls are 0x80 to 0x9f; 0xa0 (no-break space) is text
        assertThat(TerminalText.escape("\u007e\u0080\u009f\u00a0")).isEqualTo("~\\x80\\x9f\u00a0");
        // lone surrogates are 0xd800 to 0xdfff; their neighbours are left to the terminal
        assertThat(TerminalText.escape("\ud7ff\ud800 \udfff\ue000")).isEqualTo("\ud7ff\\ud800 \\udfff\ue000");
    }

    @Test
    void noTextStaysNoText() {
        assertThat(TerminalText.escape(null)).isNull();
        assertThat(TerminalText.escapeLines(null)).isNull();
    }

    @Test
    void aValueOrTextThatJustFitsIsNotCut() {
        assertThat(TerminalText.quote("abc", 3)).isEqualTo("\"abc\"");
        assertThat(TerminalText.quote("abcd", 3)).isEqualTo("\"abc\u2026\"");
        assertThat(TerminalText.cut("abc", 3)).isEqualTo("abc");
        assertThat(TerminalText.cut("abcd", 3)).isEqualTo("ab\u2026");
        assertThat(TerminalText.cut("a\u0301bcd", 3)).isEqualTo("a\u0301b\u2026"); // a combining accent takes no column
        assertThat(TerminalText.cut("", 0)).isEmpty();
        assertThat(TerminalText.cut("", -1)).isEqualTo("\u2026");
        assertThat(TerminalText.cut("ab", 0)).isEqualTo("\u2026");
    }
}
