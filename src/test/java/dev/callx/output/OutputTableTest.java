package dev.callx.output;

import static dev.callx.output.OutputFixtures.BIDI_NAME;
import static dev.callx.output.OutputFixtures.HOSTILE_SUMMARY;
import static dev.callx.output.OutputFixtures.columns;
import static dev.callx.output.OutputFixtures.firstUnsafeChar;
import static dev.callx.output.OutputFixtures.session;
import static dev.callx.output.OutputFixtures.sessionsBody;
import static dev.callx.output.OutputFixtures.trickySession;
import static dev.callx.testing.Api.json;
import static dev.callx.testing.NormalizedJson.lines;
import static dev.callx.testing.NormalizedJson.runner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Issue item 5: the terminal table fits the width and never passes control characters through. */
class OutputTableTest {
    private static final String LONG = "The caller wanted to know why the invoice for October was charged twice, "
            + "and the agent explained the refund process in detail before ending the call politely.";

    private static Result sessions(CallxRunner runner, String body, String... extraArgs) throws Exception {
        try (PlatformServer server = PlatformServer.serving(json(body)).emptyAfterFirstPage(ApiPages.noSessions())) {
            List<String> args = new ArrayList<>(List.of("sessions", "--base-url", server.baseUrl()));
            args.addAll(List.of(extraArgs));
            return runner.run(args.toArray(String[]::new));
        }
    }

    private static void assertFits(Result r, int width) {
        for (String line : r.outLines()) {
            assertThat(columns(line)).as("line fits %d columns: [%s]\n%s", width, line, r).isLessThanOrEqualTo(width);
        }
    }

    private static void assertHarmless(Result r) {
        int bad = firstUnsafeChar(r.out());
        assertThat(bad).as("no raw control or format character on stdout (found U+%04X)\n%s", bad, r).isEqualTo(-1);
    }

    @Test
    void tableOnATerminalFitsTheWidthAndCutsLongTextWithAnEllipsis() throws Exception {
        String body = sessionsBody(List.of(session("s1", LONG), session("s2", "short"), trickySession("s3")));
        Result r = sessions(runner().terminal(60), body, "--fields", "started_at,from_number,status,summary");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as("a header and three rows\n" + r).hasSize(4);
        assertThat(r.outLines().get(0)).as("the first line is the header row\n" + r).doesNotContain("2026");
        assertFits(r, 60);
        String row = r.outLines().get(1);
        assertThat(row).as(r.toString()).contains("…").doesNotContain(LONG);
        assertThat(row).as("the text is cut, not dropped\n" + r).containsPattern("The ca|The c…|Th…|T…");
        assertHarmless(r);
    }

    @Test
    void tableFitsNarrowAndWideTerminalsWithWideCharacters() throws Exception {
        String body = sessionsBody(List.of(session("s1", "订单订单订单订单订单订单订单订单订单订单订单订单 📞📞📞📞📞📞📞📞"),
                trickySession("s2"), session("s3", LONG)));
        for (int width : new int[] {40, 60, 80, 200}) {
            Result r = sessions(runner().terminal(width), body);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.outLines()).as(r.toString()).hasSize(4);
            assertFits(r, width);
        }
    }

    @Test
    void atAUsualWidthTimesAndPhoneNumbersStayWholeAndTheFreeTextIsCut() throws Exception {
        // short summaries: the widest columns are the start time and the numbers, yet those are what a
        // person looks for; the header of a nearly empty column and the free text give way first
        String body = sessionsBody(List.of(session("s1", "one"), trickySession("s2")));
        Result r = sessions(runner().terminal(100), body);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertFits(r, 100);
        String row = r.outLines().get(2);
        assertThat(row).as(r.toString()).contains("2026-11-20T09:15:30Z").contains("+14155550100")
                .contains("+919876543210").contains("3:32").contains("…");
    }

    @Test
    void controlCharactersAnsiEscapesAndBidiOverridesAreShownHarmlessly() throws Exception {
        ObjectNode s = session("evil", HOSTILE_SUMMARY);
        s.put("callerName", BIDI_NAME);
        s.put("agentName", "zero\u200bwidth\u0085next\u009b31m");
        Result r = sessions(runner().terminal(120), sessionsBody(List.of(s)), "--fields",
                "id,summary,caller_name,agent_name");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertHarmless(r);
        assertThat(r.outLines()).as("the CR LF in the value does not start a new row\n" + r).hasSize(2);
        String row = r.outLines().get(1);
        assertThat(row).as("the text around the controls is still shown\n" + r)
                .contains("red").contains("next").contains("abc").contains("def").contains("zero").contains("width");
        assertThat(row.indexOf("red")).as(r.toString()).isLessThan(row.indexOf("next"));
    }

    @Test
    void controlCharactersSurviveUnchangedInJsonl() throws Exception {
        ObjectNode s = session("evil", HOSTILE_SUMMARY);
        s.put("callerName", BIDI_NAME);
        Result r = sessions(runner(), sessionsBody(List.of(s)), "-o", "jsonl");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(lines(r.out()).get(0).get("summary").textValue()).isEqualTo(HOSTILE_SUMMARY);
        assertThat(lines(r.out()).get(0).get("caller_name").textValue()).isEqualTo(BIDI_NAME);
        assertThat(r.out()).as("JSON escapes the controls\n" + r).doesNotContain("\u001b").doesNotContain("\r");
    }

    @Test
    void tableNoHeaderPrintsOnlyTheRows() throws Exception {
        String body = sessionsBody(List.of(session("s1", "one"), session("s2", "two")));
        Result with = sessions(runner().terminal(100), body, "--fields", "id,summary");
        Result without = sessions(runner().terminal(100), body, "--fields", "id,summary", "--no-header");
        assertThat(with.outLines()).as(with.toString()).hasSize(3);
        assertThat(without.exitCode()).as(without.toString()).isZero();
        assertThat(without.outLines()).as(without.toString()).hasSize(2);
        assertThat(without.outLines().get(0)).as(without.toString()).startsWith("s1").contains("one");
        assertThat(without.outLines().get(1)).as(without.toString()).startsWith("s2").contains("two");
        assertThat(without.out().toLowerCase(Locale.ROOT)).as(without.toString()).doesNotContain("summary");
    }

    @Test
    void tableRowsAfterTheFirstHundredStillFit() throws Exception {
        // the writer sizes columns from the first rows and streams the rest: a long value later must still be cut
        List<ObjectNode> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(session("s" + i, i == 140 ? LONG + " 订单 " + LONG : "ok " + i));
        }
        Result r = sessions(runner().terminal(60), sessionsBody(many), "--page-size", "200",
                "--fields", "started_at,from_number,summary");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).hasSize(151);
        assertFits(r, 60);
        assertThat(r.outLines().get(141)).contains("…");
    }

    @Test
    void tableRendersTimestampsInTz() throws Exception {
        Result r = sessions(runner().terminal(100), sessionsBody(List.of(session("s1", "x"))), "--fields",
                "id,started_at", "--tz", "Asia/Kolkata");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines().get(1)).as(r.toString()).contains("2026-11-20T14:45:30+05:30");
    }

    @Test
    void onANarrowTerminalDefaultColumnsGiveWayWholeAndTimesAndNumbersStayReadable() throws Exception {
        String body = sessionsBody(List.of(session("s1", LONG), session("s2", "short")));
        Result r = sessions(runner().terminal(80), body);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertFits(r, 80);
        assertThat(r.outLines().get(0)).as("empty columns (no direction or callee in these records) give way first\n"
                + r).startsWith("ID  STARTED_AT").contains("FROM_NUMBER").doesNotContain("DIRECTION", "TO_NUMBER");
        assertThat(r.outLines().get(1)).as(r.toString()).contains("2026-11-20T09:15:30Z", "+14155550100")
                .doesNotContain("…2");
    }

    @Test
    void evenTwentyColumnsFit() throws Exception {
        String body = sessionsBody(List.of(session("s1", LONG)));
        for (String fields : new String[] {null, "id,started_at,from_number,to_number,summary,status,cost,channel"}) {
            Result r = fields == null ? sessions(runner().terminal(20), body)
                    : sessions(runner().terminal(20), body, "--fields", fields);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertFits(r, 20);
        }
    }

    @Test
    void aTableIntoAPipeOrAFileIsNotCutUnlessColumnsSaysSo() throws Exception {
        String body = sessionsBody(List.of(session("s1", LONG)));
        Result piped = sessions(runner(), body, "-o", "table");
        assertThat(piped.exitCode()).as(piped.toString()).isZero();
        assertThat(piped.outLines().get(1)).as(piped.toString()).contains(LONG).doesNotContain("…");
        assertThat(piped.err()).doesNotContain("hidden");

        Result narrowed = sessions(runner().env("COLUMNS", "60"), body, "-o", "table");
        assertFits(narrowed, 60);
        assertThat(narrowed.err()).as(narrowed.toString()).contains("hidden to fit 60 columns: summary");
    }

    /** Issue 10 item 3: a closing line on stderr says how many calls, and what did not fit. */
    @Test
    void aClosingLineOnStderrCountsTheCallsAndNamesWhatDidNotFit() throws Exception {
        String body = sessionsBody(List.of(session("s1", LONG), trickySession("s2")));
        Result wide = sessions(runner().terminal(200), body);
        assertThat(wide.exitCode()).as(wide.toString()).isZero();
        // the closing line is the run's summary (issue 9.4), whose elapsed time is the machine's
        assertThat(wide.errLines()).as(wide.toString()).singleElement().asString()
                .matches("callx sessions: 2 calls \\(2 received, 0 duplicates dropped, [0-9]+ requests?, 0 retries, [0-9.]+s\\)");

        Result narrow = sessions(runner().terminal(60), body);
        assertThat(narrow.exitCode()).as(narrow.toString()).isZero();
        assertFits(narrow, 60);
        assertThat(narrow.errLines()).as(narrow.toString()).hasSize(1);
        assertThat(narrow.errLines().get(0)).as(narrow.toString())
                .startsWith("callx sessions: 2 calls (2 received, ").contains("; hidden to fit 60 columns: ")
                .contains("summary").endsWith(" (choose columns with --fields)");

        Result quiet = sessions(runner().terminal(60), body, "-q");
        assertThat(quiet.err()).as(quiet.toString()).isEmpty();
        Result one = sessions(runner().terminal(200), sessionsBody(List.of(session("s1", "x"))));
        assertThat(one.errLines()).as(one.toString()).singleElement().asString()
                .startsWith("callx sessions: 1 call (1 received, ");
    }
}
