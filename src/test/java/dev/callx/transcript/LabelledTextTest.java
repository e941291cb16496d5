package dev.callx.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** LabelledText against the regular expressions it replaces, on random text made of the characters that matter. */
class LabelledTextTest {
    private static final Pattern LINES = Pattern.compile("\\R");
    private static final Pattern BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern LABEL = Pattern.compile(
            "^\\h*(agent|assistant|bot|ai|model|user|human|customer|caller|system)\\h*:\\h*",
            Pattern.CASE_INSENSITIVE);
    private static final String[] PIECES = {
        "agent", "AGENT", "Agent", "assistant", "bot", "ai", "AI", "model", "user", "User", "human", "customer",
        "caller", "system", "SYSTEM", "tool", "note", "agents", "a", "us", ":", ":", " ", "  ", "\t", "\u00A0",
        "\u2003", "\u3000", "\u200B", "\n", "\r", "\r\n", "\n\r", "\u000B", "\f", "\u0085", "\u2028", "\u2029",
        "x", "é", "\u212A", "\u0130", "İ", "hello, there", ".", "\uD83D\uDE00"};

    @Test
    void linesSplitAsTheLineBreakPatternDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random);
            List<String> expected = List.of(LINES.split(text, -1));
            if (!LabelledText.lines(text).equals(expected)) {
                assertThat(LabelledText.lines(text)).as(escaped(text)).isEqualTo(expected);
            }
        }
    }

    @Test
    void labelsAreFoundAsTheLabelPatternFindsThem() {
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            String line = randomText(random).replaceAll("\\R", " ");
            Matcher m = LABEL.matcher(line);
            LabelledText.Label expected = m.find() ? new LabelledText.Label(m.group(1), m.end()) : null;
            if (!Objects.equals(LabelledText.label(line), expected)) {
                assertThat(LabelledText.label(line)).as(escaped(line)).isEqualTo(expected);
            }
        }
    }

    @Test
    void oneLineReplacesBreaksAsTheBreaksPatternDoes() {
        Random random = new Random(13);
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random);
            String expected = BREAKS.matcher(text).replaceAll(" ");
            if (!LabelledText.oneLine(text).equals(expected)) {
                assertThat(LabelledText.oneLine(text)).as(escaped(text)).isEqualTo(expected);
            }
        }
    }

    @Test
    void edges() {
        assertThat(LabelledText.lines("")).containsExactly("");
        assertThat(LabelledText.lines("\n")).containsExactly("", "");
        assertThat(LabelledText.lines("a\r\n\rb")).containsExactly("a", "", "b");
        assertThat(LabelledText.label("  User \t:  hi")).isEqualTo(new LabelledText.Label("User", 11));
        assertThat(LabelledText.label("Users: hi")).isNull();
        assertThat(LabelledText.label("agent")).isNull();
        assertThat(LabelledText.oneLine("a \n\t b")).isEqualTo("a b");
        assertThat(LabelledText.oneLine("plain")).isEqualTo("plain");
    }

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int pieces = random.nextInt(8);
        for (int k = 0; k < pieces; k++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static String escaped(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.toString();
    }

    @Test
    void theTranscriptOfLabelledLinesIsUnchanged() {
        assertThat(Transcripts.labelled("Agent: Hello!\nUser: Where is it?\n  system : wait\nnote: a\r\nAGENT:ok"))
                .isEqualTo("agent: Hello!\nuser: Where is it?\nsystem: wait note: a\nagent: ok");
        assertThat(List.of(Transcripts.labelled("preamble\n\nUSER: hi"))).containsExactly("unknown: preamble\nuser: hi");
    }
}
