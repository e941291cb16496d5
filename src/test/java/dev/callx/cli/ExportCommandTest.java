package dev.callx.cli;

import static dev.callx.cli.OneLineError.assertOneLineError;
import static dev.callx.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.Api;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every export command does around the export itself: the width a table is fitted to, the
 * summary file, the exit code of a partial run, the key of a --state entry, --ca-cert over
 * SSL_CERT_FILE, the zone of platform timestamps without one.
 */
class ExportCommandTest {
    /** The example record's summary, longer than the narrow widths below. */
    private static final String SUMMARY = "The agent opened the call with a friendly greeting...";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path dir;

    private static CallxRunner user() {
        return CallxRunner.callx().env("VAANI_API_KEY", "vk-test-0001").env("RAVAN_API_KEY", "rk-test-0001");
    }

    private Result vaani(CallxRunner runner, String... args) {
        List<String> all = new ArrayList<>(List.of("vaani", "--base-url", server.baseUrl()));
        all.addAll(List.of(args));
        return runner.run(all.toArray(String[]::new));
    }

    private Result sessions(CallxRunner runner, String... args) {
        List<String> all = new ArrayList<>(List.of("sessions", "--base-url", server.baseUrl(), "--concurrency", "1"));
        all.addAll(List.of(args));
        return runner.run(all.toArray(String[]::new));
    }

    private void servesOneSession(ObjectNode session) {
        server.whenQuery("page", "1").answer(r -> json(ApiPages.sessionsOf(List.of(session))));
        server.emptyAfterFirstPage(ApiPages.noSessions());
    }

    private static void assertNoLineWiderThan(List<String> lines, int width) {
        assertThat(lines).isNotEmpty()
                .allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(width));
    }

    // ---- the table's width ----

    @Test
    void aTableWrittenToAFileFromATerminalIsNotCutToTheTerminal() throws Exception {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Path out = dir.resolve("calls.txt");
        Result r = vaani(user().terminal(40), "-o", "table", "-f", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).contains(SUMMARY).doesNotContain("…");
    }

    @Test
    void aTableOnATerminalIsCutToItsWidth() {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result r = vaani(user().terminal(40), "-o", "table");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertNoLineWiderThan(r.outLines(), 40);
        assertThat(r.out()).doesNotContain(SUMMARY);
    }

    @Test
    void aTableOnAWideTerminalUsesItsWidth() {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result r = vaani(user().terminal(100), "-o", "table");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertNoLineWiderThan(r.outLines(), 100);
        assertThat(r.outLines()).as(r.toString())
                .anySatisfy(line -> assertThat(line.length()).isGreaterThan(80));
    }

    @Test
    void aTableIntoAPipeIsWholeUnlessColumnsGivesAWidth() {
        server.enqueue(json(Api.vaaniOnlyPage()));
        Result whole = vaani(user(), "-o", "table");
        assertThat(whole.exitCode()).as(whole.toString()).isZero();
        assertThat(whole.out()).contains(SUMMARY).doesNotContain("…");

        server.enqueue(json(Api.vaaniOnlyPage()));
        Result cut = vaani(user().env("COLUMNS", "50"), "-o", "table");
        assertThat(cut.exitCode()).as(cut.toString()).isZero();
        assertNoLineWiderThan(cut.outLines(), 50);
    }

    // ---- --summary-json ----

    @Test
    void aSummaryJsonThatIsAFolderIsExit2BeforeAnyRequest() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("summary"));
        Result r = vaani(user(), "--summary-json", folder.toString());
        assertOneLineError(r, 2, "vaani", folder.toString(), "folder");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aSummaryThatCannotBeWrittenAfterAnExportIsExit1AndSaysWhy() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("monitoring"));
        Path summary = folder.resolve("calls.summary.json");
        // the folder is there when the run starts, and gone once the platform has answered
        server.whenPath("/api/call-history").answer(request -> {
            try {
                Files.delete(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return json(Api.vaaniOnlyPage());
        });
        Result r = vaani(user(), "--summary-json", summary.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.outLines()).as("the records were written").hasSize(1);
        assertThat(r.err()).as(r.toString()).contains("could not write the summary to " + summary)
                .contains("the export succeeded, but the summary could not be written to " + summary)
                .doesNotContain("Exception");
    }

    @Test
    void aFailedExportWritesItsExitCodeToTheSummary() throws Exception {
        Path summary = dir.resolve("summary.json");
        server.enqueue(json(401, "{\"detail\":\"Invalid API key\"}"));
        Result r = vaani(user(), "--summary-json", summary.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("exit_code").asInt()).isEqualTo(3);
        assertThat(json.get("error").asText()).contains("HTTP 401");
    }

    // ---- recordings: a partial run ----

    private String pageWithARecording() {
        ObjectNode call = ApiPages.vaaniCall("c1");
        call.put("recording_api", server.url("/api/stream/c1").toString());
        return ApiPages.vaani(1, 200, 1L, 1L, false, List.of()).replace("\"data\":[]",
                "\"data\":[" + call + "]");
    }

    @Test
    void aRecordingThatCannotBeHadMakesTheExitCode8AndTheRecordsAreWrittenAllTheSame() {
        String page = pageWithARecording();
        assertThat(page).contains("/api/stream/c1");
        server.whenPath("/api/call-history").always(json(page));
        server.whenPath("/api/stream/c1").always(json(404, "{\"detail\":\"Not found\"}"));
        Result r = vaani(user(), "--recordings", dir.resolve("rec").toString(), "--retries", "0");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(8);
        assertThat(r.outLines()).as(r.toString()).singleElement().asString().contains("\"c1\"", "\"recording_file\"");
        assertThat(r.err()).contains("c1");

        Result chosen = vaani(user(), "--recordings", dir.resolve("rec").toString(), "--retries", "0",
                "--fields", "id,status");
        assertThat(chosen.exitCode()).as(chosen.toString()).isEqualTo(8);
        assertThat(chosen.out()).as("--fields chooses: no recording_file added").contains("\"c1\"")
                .doesNotContain("recording_file");
    }

    // ---- options that go with --state ----

    @Test
    void lookbackAndFullRefreshWithoutStateAreExit2() {
        assertOneLineError(vaani(user(), "--lookback", "2h"), 2, "vaani", "--lookback goes with --state FILE");
        assertOneLineError(vaani(user(), "--full-refresh"), 2, "vaani", "--full-refresh goes with --state FILE");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aStateEntryIsKeyedByTheFiltersSoAnotherFilterIsRefused() {
        servesOneSession(ApiPages.session("s1"));
        String state = dir.resolve("state.json").toString();
        Result first = sessions(user(), "--state", state, "--agent", "agt_1");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Result again = sessions(user(), "--state", state, "--agent", "agt_1");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        int requests = server.requestCount();

        Result other = sessions(user(), "--state", state, "--agent", "agt_2");
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(2);
        assertThat(other.err()).contains("--agent");
        assertThat(server.requestCount()).as("refused before any request").isEqualTo(requests);
    }

    @ParameterizedTest(name = "{0} {1} then {2}")
    @CsvSource({"--agent, agt_1, agt_2", "--status, completed, failed", "--channel, voice, web",
        "--caller, +14155550100, +14155550199", "--search, billing, refund"})
    void everySessionsFilterIsPartOfTheStateKey(String option, String first, String other) {
        servesOneSession(ApiPages.session("s1"));
        String state = dir.resolve("state.json").toString();
        Result r = sessions(user(), "--state", state, option, first);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        int requests = server.requestCount();

        Result refused = sessions(user(), "--state", state, option, other);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains(option);
        assertThat(server.requestCount()).isEqualTo(requests);
    }

    @Test
    void aStateEntryIsKeyedByTheParamsSoAnotherParamIsRefused() {
        servesOneSession(ApiPages.session("s1"));
        String state = dir.resolve("state.json").toString();
        Result first = sessions(user(), "--state", state, "--param", "team=north");
        assertThat(first.exitCode()).as(first.toString()).isZero();

        Result other = sessions(user(), "--state", state, "--param", "team=south");
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(2);
        assertThat(other.err()).contains("team");
    }

    @Test
    void aSecretParamIsMaskedInTheStateSoItsRotationKeepsTheEntry() throws Exception {
        servesOneSession(ApiPages.session("s1"));
        Path state = dir.resolve("state.json");
        Result first = sessions(user(), "--state", state.toString(), "--param", "token=tok-first-12345");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Result rotated = sessions(user(), "--state", state.toString(), "--param", "token=tok-second-6789");
        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
        assertThat(Files.readString(state)).contains("token").doesNotContain("tok-first-12345")
                .doesNotContain("tok-second-6789");
    }

    // ---- --ca-cert ----

    @Test
    void caCertOnTheCommandLineWinsOverSslCertFile() {
        Path given = dir.resolve("given.pem");
        Path env = dir.resolve("env.pem");
        Result r = user().env("SSL_CERT_FILE", env.toString())
                .run("vaani", "--base-url", "https://127.0.0.1:" + server.port() + "/", "--ca-cert",
                        given.toString(), "--retries", "0");
        assertOneLineError(r, 2, "vaani", "--ca-cert " + given);
        assertThat(r.err()).doesNotContain("SSL_CERT_FILE");
    }

    // ---- platform timestamps without a zone ----

    @Test
    void aSessionTimestampWithoutAZoneIsReadAsUtc() {
        ObjectNode session = ApiPages.session("s1");
        session.put("startedAt", "2026-11-21T09:30:00");
        servesOneSession(session);
        Result r = sessions(user(), "--fields", "id,started_at", "-o", "csv");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).containsExactly("id,started_at", "s1,2026-11-21T09:30:00Z");
    }

    // ---- --sandbox ----

    @Test
    void theSandboxServesItsOwnCredentialsAndBaseUrl() {
        Result r = CallxRunner.callx().run("--sandbox", "vaani", "--limit", "3");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).hasSize(3);
    }

    @Test
    void aSandboxRunWithRecordingsTheSandboxLacksIsExit8() {
        // the sandbox answers 404 for the recordings of a few answered calls (5%)
        Result r = CallxRunner.callx().run("--sandbox", "vaani", "--limit", "100", "--recordings",
                dir.resolve("rec").toString(), "-q");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(8);
        assertThat(r.outLines()).as(r.toString()).hasSize(100);
    }

    @Test
    void theSandboxDoesNotGoWithABaseUrl() {
        Result r = CallxRunner.callx().run("--sandbox", "vaani", "--base-url", server.baseUrl());
        assertOneLineError(r, 2, "vaani", "--sandbox sets the base URL: it does not go with --base-url");
        assertThat(server.requestCount()).isZero();
    }
}
