package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.callx.sandbox.Sandbox;
import dev.callx.sandbox.SandboxConfig;
import dev.callx.testing.Pty;
import dev.callx.testing.Screen;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.WCWidth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10 item 8: callx in a pseudo-terminal, as a person runs it: a process of its own whose
 * stdout and stderr are a terminal of 60, 120 or 200 columns (JLine asks the terminal for its width
 * and whether it is one, as in real use), against a sandbox on 127.0.0.1. What the terminal shows
 * is rebuilt by {@link Screen}.
 */
class TerminalPtyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static Sandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        // a little latency per request: an export of many pages redraws its progress line a few times
        sandbox = Sandbox.start(SandboxConfig.defaults().withCalls(1000).withLatency(Duration.ofMillis(3)));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static Pty.Run callx(int columns, String... args) {
        assumeTrue(Pty.available(), "no util-linux script to make a pseudo-terminal");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classpath, "dev.callx.cli.Main"));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(sandbox.credentials());
        env.remove("CALLX_PROGRESS");
        return Pty.run(columns, env, TIMEOUT, command);
    }

    /** Every drawing of the progress line in the raw output: after a carriage return, up to the erase. */
    private static List<String> progressDrawings(String output) {
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile("\r(callx vaani: [^\r\u001b]*records received[^\r\u001b]*)\u001b\\[K")
                .matcher(output);
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    @Test
    void theProgressLineAtSixtyColumnsStaysOnOneLineAndIsGoneAtTheEnd() {
        Path file = dir.resolve("calls.csv");
        Pty.Run run = callx(60, "vaani", "--base-url", sandbox.baseUrl(), "--page-size", "10", "--concurrency", "2",
                "-f", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> drawn = progressDrawings(run.output());
        assertThat(drawn).as("drawn at least once: " + run).isNotEmpty();
        for (String text : drawn) {
            assertThat(columns(text)).as(text).isLessThanOrEqualTo(59);
        }
        int end = run.output().lastIndexOf("\r\u001b[K");
        assertThat(end).as("erased at the end: " + run).isPositive();
        Screen progress = Screen.of(run.output().substring(0, end + 4), 60);
        assertThat(progress.wraps()).as("the progress line never ran past the margin: " + run).isZero();
        assertThat(progress.lines()).as("and was erased: " + run).isEmpty();
        // then the closing line, which a terminal of 60 columns wraps like any long message (where it
        // wraps depends on the temporary folder's name and the time taken: a space at the margin may go)
        assertThat(String.join("", Screen.of(run.output(), 60).lines()).replace(" ", "")).as(run.toString())
                .startsWith("callxvaani:wrote1,000recordsto")
                .contains("(1,000received,0duplicatesdropped,100requests,0retries,").endsWith("s)");
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 120, 200})
    void theTableFitsTheTerminalAndEndsWithItsClosingLine(int columns) {
        Pty.Run run = callx(columns, "vaani", "--base-url", sandbox.baseUrl(), "--limit", "25");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        int closingAt = run.output().indexOf("callx vaani: 25 calls");
        assertThat(closingAt).as(run.toString()).isPositive();
        Screen table = Screen.of(run.output().substring(0, closingAt), columns);
        String shown = String.join("\n", Screen.of(run.output(), 1000).lines());
        assertThat(table.wraps()).as("no row wider than the terminal:\n" + shown).isZero();
        List<String> lines = Screen.of(run.output(), 1000).lines();
        assertThat(lines).as(shown).hasSize(27);
        assertThat(lines.get(0)).as(shown).startsWith("ID ").contains("STARTED_AT", "FROM_NUMBER");
        assertThat(lines).as("no progress line with the table on the terminal: " + run)
                .noneMatch(l -> l.contains("records received"));
        String closing = lines.get(26);
        if (columns >= 200) {
            assertThat(closing).as(shown).startsWith("callx vaani: 25 calls (").doesNotContain("hidden");
            assertThat(lines.get(0)).as(shown).contains("DIRECTION", "STATUS", "DURATION", "AGENT_NAME", "SUMMARY");
        } else {
            assertThat(closing).as(shown).startsWith("callx vaani: 25 calls (")
                    .contains("; hidden to fit " + columns + " columns: ")
                    .endsWith("(choose columns with --fields)");
        }
    }

    @Test
    void helpFitsSixtyColumns() {
        Pty.Run run = callx(60, "vaani", "--help");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Screen screen = Screen.of(run.output(), 60);
        assertThat(screen.wraps()).as(String.join("\n", screen.lines())).isZero();
        assertThat(screen.lines()).anyMatch(l -> l.startsWith("Usage: callx vaani"));
    }

    @Test
    void aMistypedCommandIsOneLineWithASuggestion() {
        Pty.Run run = callx(60, "vanni");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(Screen.of(run.output(), 200).lines()).as(run.toString())
                .containsExactly("callx: unknown command 'vanni'; did you mean 'vaani'? (see 'callx --help')");
    }

    private static int columns(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return w;
    }
}
