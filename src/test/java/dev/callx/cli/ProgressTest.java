package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jline.utils.WCWidth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10 item 1: the progress line on stderr. By default only when stderr is a terminal and the
 * records go to a file; redrawn in place at most ten times a second, cut to the terminal's width,
 * erased at the end; pages counted from 1; the total respects --limit; --progress and CALLX_PROGRESS
 * decide otherwise.
 */
class ProgressTest {
    private static final String ERASE = "\u001b[K";
    /** One drawing of the line: a carriage return, the text, erase to the end of the line. */
    private static final Pattern DRAWN = Pattern.compile("\r([^\r\u001b]+)\u001b\\[K");

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path dir;

    /** Vaani, {@code pages} pages of 2 records, each saying how many there are in all. */
    private void vaaniPages(int pages) {
        for (int p = 1; p <= pages; p++) {
            server.whenQuery("page", String.valueOf(p)).always(Api.json(ApiPages.vaani(p, 2, 2L * pages,
                    (long) pages, p < pages, List.of("c" + p + "a", "c" + p + "b"))));
        }
    }

    private Result vaani(CallxRunner runner, String... options) {
        List<String> args = new ArrayList<>(List.of("vaani", "--base-url", server.baseUrl(), "--page-size", "2",
                "--concurrency", "1"));
        args.addAll(List.of(options));
        return runner.env("VAANI_API_KEY", "k").run(args.toArray(String[]::new));
    }

    private String file() {
        return dir.resolve("calls.jsonl").toString();
    }

    /** The texts drawn, in order. */
    private static List<String> drawn(Result r) {
        List<String> texts = new ArrayList<>();
        Matcher m = DRAWN.matcher(r.err());
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    /** A ticker that moves on by {@code stepMillis} each time it is read. */
    private static java.util.function.LongSupplier stepping(long stepMillis) {
        AtomicLong now = new AtomicLong();
        return () -> now.getAndAdd(stepMillis * 1_000_000L);
    }

    @Test
    void drawnWhenRecordsGoToAFileAndErasedAtTheEnd() {
        vaaniPages(3);
        Result r = vaani(CallxRunner.callx().stderrTerminal().ticker(stepping(1000)), "-f", file());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(drawn(r)).as(r.toString()).containsExactly(
                "callx vaani: 2 records received of 6, page 1 of 3",
                "callx vaani: 4 records received of 6, page 2 of 3",
                "callx vaani: 6 records received of 6, page 3 of 3");
        // erased, then the summary line (issue 9.4), whose elapsed time is the machine's
        assertThat(r.err()).as("erased, then the summary line: " + r)
                .containsPattern("\r" + ERASE.replace("[", "\\[") + "callx vaani: wrote 6 records to "
                        + java.util.regex.Pattern.quote(file()) + " \\(6 received, 0 duplicates dropped, 3 requests, "
                        + "0 retries, [0-9.]+s\\)\n$");
    }

    @Test
    void drawnWhenStdoutIsRedirectedToAFile() {
        vaaniPages(1);
        Result r = vaani(CallxRunner.callx().stderrTerminal().stdoutFile());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(drawn(r)).as(r.toString()).containsExactly("callx vaani: 2 records received of 2, page 1 of 1");
        assertThat(r.err()).as(r.toString()).contains("\r" + ERASE + "callx vaani: wrote 2 records (2 received, ");
        assertThat(r.outLines()).hasSize(2).allMatch(l -> l.startsWith("{"));
    }

    @Test
    void neverInAPipeWhoseReaderMayShareTheTerminal() {
        vaaniPages(1);
        Result r = vaani(CallxRunner.callx().stderrTerminal());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).doesNotContain("\r");
    }

    @Test
    void notWhenTheTableIsOnTheSameTerminal() {
        vaaniPages(1);
        Result r = vaani(CallxRunner.callx().stderrTerminal().terminal(120));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).doesNotContain("\r");
    }

    @Test
    void notWhenStderrIsNotATerminal() {
        vaaniPages(1);
        Result r = vaani(CallxRunner.callx(), "-f", file());

        assertThat(r.err()).as(r.toString()).doesNotContain("\r");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-q", "-v"})
    void notWithQuietOrVerboseUnlessAskedFor(String flag) {
        vaaniPages(1);
        Result r = vaani(CallxRunner.callx().stderrTerminal(), flag, "-f", file());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).doesNotContain("\r");
    }

    @ParameterizedTest(name = "--progress {0}, CALLX_PROGRESS={1}, stderr a terminal: {2}, to a file: {3} -> {4}")
    @CsvSource(nullValues = "-", textBlock = """
            always, -,      false, false, true
            always, never,  true,  false, true
            never,  -,      true,  true,  false
            never,  always, true,  true,  false
            auto,   never,  true,  true,  true
            -,      never,  true,  true,  false
            -,      NEVER,  true,  true,  false
            -,      always, false, false, true
            -,      auto,   true,  true,  true
            -,      auto,   true,  false, false
            """)
    void theOptionOrTheVariableDecides(String option, String variable, boolean terminal, boolean toFile,
                                       boolean expected) {
        vaaniPages(1);
        CallxRunner runner = CallxRunner.callx();
        if (terminal) {
            runner.stderrTerminal();
        }
        if (variable != null) {
            runner.env("CALLX_PROGRESS", variable);
        }
        List<String> args = new ArrayList<>();
        if (option != null) {
            args.addAll(List.of("--progress", option));
        }
        if (toFile) {
            args.addAll(List.of("-f", file()));
        }
        Result r = vaani(runner, args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(!drawn(r).isEmpty()).as(r.toString()).isEqualTo(expected);
    }

    @Test
    void theOptionGoesBeforeTheCommandToo() {
        vaaniPages(1);
        Result r = CallxRunner.callx().env("VAANI_API_KEY", "k").run("--progress", "always", "vaani",
                "--base-url", server.baseUrl(), "--page-size", "2");

        assertThat(drawn(r)).as(r.toString()).hasSize(1);
    }

    /** At 30 columns the line keeps to 29 (a terminal may wrap on the last one), ending in an ellipsis. */
    @Test
    void cutToTheWidthOfStderrsTerminal() {
        vaaniPages(3);
        Result r = vaani(CallxRunner.callx().stderrTerminal(30).stdoutFile().ticker(stepping(1000)),
                "-o", "jsonl");

        List<String> texts = drawn(r);
        assertThat(texts).as(r.toString()).hasSize(3);
        for (String t : texts) {
            assertThat(columns(t)).as(t).isLessThanOrEqualTo(29);
            assertThat(t).as(t).startsWith("callx vaani: ").endsWith("…");
        }
    }

    @Test
    void redrawnAtMostTenTimesASecond() {
        vaaniPages(6);
        // the ticker moves 40 ms each time it is read: a page every 40 ms, so a third of them are drawn
        Result r = vaani(CallxRunner.callx().stderrTerminal().ticker(stepping(40)), "-f", file());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(drawn(r)).as(r.toString()).containsExactly(
                "callx vaani: 2 records received of 12, page 1 of 6",
                "callx vaani: 8 records received of 12, page 4 of 6");
    }

    @Test
    void aClockThatStandsStillDrawsOnce() {
        vaaniPages(4);
        Result r = vaani(CallxRunner.callx().stderrTerminal(), "-f", file());

        assertThat(drawn(r)).as(r.toString()).containsExactly("callx vaani: 2 records received of 8, page 1 of 4");
    }

    /** A warning in the middle: the line is erased for it and drawn again at the next page. */
    @Test
    void anotherLineErasesItFirst() {
        server.whenQuery("page", "1").respond(Api.json(ApiPages.vaani(1, 2, 4L, 2L, true,
                List.of("c1", "c2")).replaceFirst("\"duration_ms\":\\s*[0-9.]+", "\"duration_ms\":\"long\"")));
        server.whenQuery("page", "2").respond(Api.json(ApiPages.vaani(2, 2, 4L, 2L, false, List.of("c3", "c4"))));
        Result r = vaani(CallxRunner.callx().stderrTerminal(), "-f", file());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).contains("\r" + ERASE + "callx vaani: warning: duration_sec");
        assertThat(drawn(r)).as("drawn again at once after the warning, whatever the clock: " + r).hasSize(2);
    }

    /** Zudu numbers pages from 0: the line counts them from 1. */
    @Test
    void pagesAreCountedFromOne() {
        for (int p = 0; p < 2; p++) {
            server.whenQuery("page", String.valueOf(p)).respond(Api.json(ApiPages.zudu(p, 2, 4L, 2L, p == 0,
                    List.of("z" + p + "a", "z" + p + "b"))));
        }
        Result r = CallxRunner.callx().env("ZUDU_API_KEY", "k").env("ZUDU_API_SECRET", "s").stderrTerminal()
                .ticker(stepping(1000)).run("calls", "--base-url", server.baseUrl(), "--page-size", "2",
                        "--concurrency", "1", "-f", file());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(drawn(r)).as(r.toString()).containsExactly(
                "callx calls: 2 records received of 4, page 1 of 2",
                "callx calls: 4 records received of 4, page 2 of 2");
    }

    @Test
    void theTotalRespectsTheLimit() {
        vaaniPages(3);
        Result r = vaani(CallxRunner.callx().stderrTerminal().ticker(stepping(1000)), "-n", "3", "-f", file());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(drawn(r)).as(r.toString()).containsExactly(
                "callx vaani: 2 records received of 3, page 1 of 2",
                "callx vaani: 3 records received of 3, page 2 of 2");
    }

    /** Vaani, {@code pages} pages of 2 records that say nothing of how many there are in all. */
    private void vaaniPagesWithoutTotals(int pages) {
        for (int p = 1; p <= pages; p++) {
            server.whenQuery("page", String.valueOf(p)).always(Api.json(ApiPages.vaani(p, 2, null, null, p < pages,
                    List.of("c" + p + "a", "c" + p + "b"))));
        }
    }

    static Stream<Arguments> totalsAndLimits() {
        return Stream.of(
                Arguments.of("no total: what came", false, List.of(), List.of(
                        "callx vaani: 2 records received, page 1",
                        "callx vaani: 4 records received, page 2",
                        "callx vaani: 6 records received, page 3")),
                Arguments.of("no total: the limit is the total and sets the pages", false, List.of("-n", "3"), List.of(
                        "callx vaani: 2 records received of 3, page 1 of 2",
                        "callx vaani: 3 records received of 3, page 2 of 2")),
                Arguments.of("a limit above the total leaves the total and the pages", true, List.of("-n", "100"),
                        List.of("callx vaani: 2 records received of 6, page 1 of 3",
                                "callx vaani: 4 records received of 6, page 2 of 3",
                                "callx vaani: 6 records received of 6, page 3 of 3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("totalsAndLimits")
    void theTotalsShownFollowThePlatformAndTheLimit(String name, boolean totals, List<String> options,
                                                   List<String> expected) {
        if (totals) {
            vaaniPages(3);
        } else {
            vaaniPagesWithoutTotals(3);
        }
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-f", file()));
        Result r = vaani(CallxRunner.callx().stderrTerminal().ticker(stepping(1000)), args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(drawn(r)).as(r.toString()).containsExactlyElementsOf(expected);
    }

    @Test
    void verboseSaysWhatEachPageBrought() {
        vaaniPages(2);
        Result r = vaani(CallxRunner.callx(), "-v", "-f", file());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.errLines()).as(r.toString()).contains(
                "callx vaani: page 1 of 2: 2 records, 2 new, total 4",
                "callx vaani: page 2 of 2: 2 records, 2 new, total 4");
    }

    @Test
    void verboseWithoutTotalsSaysOnlyTheRecords() {
        vaaniPagesWithoutTotals(2);
        Result r = vaani(CallxRunner.callx(), "-v", "-f", file());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.errLines()).as(r.toString()).contains("callx vaani: page 1: 2 records, 2 new",
                "callx vaani: page 2: 2 records, 2 new");
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
