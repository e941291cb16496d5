package dev.callx.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callx.cli.AppContext;
import dev.callx.cli.Cli;
import dev.callx.export.Cleanup;
import dev.callx.testing.CallHistory;
import dev.callx.testing.CallHistory.Platform;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The state file (issue 9 items 2 and 6): its documented format, one file for several exports, the
 * refusal of another export's state, damaged and newer files, --full-refresh, no secret in it, and
 * no commit unless the output was committed.
 */
class StateFileTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "vk-secret-0003";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path dir;

    Path state;

    CallHistory vaani;

    void history() {
        state = dir.resolve("nightly.json");
        vaani = new CallHistory(Platform.VAANI).serveOn(server);
        vaani.add("v1", Instant.parse("2026-11-21T09:00:00Z")).add("v2", Instant.parse("2026-11-21T10:00:00Z"));
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!all.contains("--base-url")) {
            all.addAll(List.of("--base-url", server.baseUrl()));
        }
        all.addAll(List.of("-o", "csv", "--fields", "id", "--no-header"));
        return CallxRunner.callx().env("VAANI_API_KEY", KEY).env("RAVAN_API_KEY", "rk-secret-0001")
                .env("ZUDU_API_KEY", "zk-key-0004").env("ZUDU_API_SECRET", "zs-secret-0005")
                .run(all.toArray(String[]::new));
    }

    @Test
    void theFileIsTheDocumentedJsonWithAVersion() throws Exception {
        history();
        Result r = run("vaani", "--state", state.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();

        JsonNode root = JSON.readTree(state.toFile());
        assertThat(root.get("format").asText()).isEqualTo("callx-state");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("exports")).hasSize(1);
        JsonNode e = root.get("exports").get(0);
        assertThat(e.get("command").asText()).isEqualTo("vaani");
        assertThat(e.get("platform").asText()).isEqualTo("vaani");
        assertThat(e.get("base_url").asText()).isEqualTo(server.baseUrl());
        assertThat(e.get("filters")).isEmpty();
        assertThat(e.get("high_water_mark").asText()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(e.get("seen_from").asText()).isEqualTo("2026-11-21T09:00:00Z");
        assertThat(e.get("seen").toString()).isEqualTo("[{\"id\":\"v1\",\"started_at\":\"2026-11-21T09:00:00Z\"},"
                + "{\"id\":\"v2\",\"started_at\":\"2026-11-21T10:00:00Z\"}]");
        assertThat(e.get("updated_at").asText()).isEqualTo(CallxRunner.NOW.toString());
        assertThat(e.get("last_run_written").asLong()).isEqualTo(2);
        assertThat(r.outLines()).containsExactly("v2", "v1");
    }

    /** One file for a crontab: each export has its own entry, keyed by command, platform, URL, filters. */
    @Test
    void oneFileHoldsSeveralExportsAddedWithFullRefresh() throws Exception {
        history();
        assertThat(run("vaani", "--state", state.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(state);

        // another export's state: refused, the file untouched
        Result refused = run("sessions", "--state", state.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).as(refused.toString()).contains("state file " + state + " holds no state for "
                + "sessions on ravan at " + server.baseUrl() + " without filters: it holds the state of another export "
                + "(the nearest has command vaani, platform vaani)")
                .contains("run it once with --full-refresh to add it to this one");
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
        assertThat(server.sent("page")).as("nothing asked for").hasSize(1);

        Result added = run("sessions", "--state", state.toString(), "--status", "completed", "--full-refresh");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        JsonNode exports = JSON.readTree(state.toFile()).get("exports");
        assertThat(exports).hasSize(2);
        assertThat(exports.get(1).get("command").asText()).isEqualTo("sessions");
        assertThat(exports.get(1).get("filters").toString()).isEqualTo("[\"--status=completed\"]");

        // both go on from their own position
        Result vaaniAgain = run("vaani", "--state", state.toString());
        assertThat(vaaniAgain.exitCode()).as(vaaniAgain.toString()).isZero();
        assertThat(vaaniAgain.out()).isEmpty();
        Result sessionsAgain = run("sessions", "--state", state.toString(), "--status", "completed");
        assertThat(sessionsAgain.exitCode()).as(sessionsAgain.toString()).isZero();
    }

    @Test
    void anotherFilterSetIsAnotherExport() throws Exception {
        history();
        assertThat(run("vaani", "--state", state.toString(), "--param", "agent_id=a1").exitCode()).isZero();
        Result r = run("vaani", "--state", state.toString(), "--param", "agent_id=a2");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("the nearest has filters --param=agent_id=a1");
    }

    @Test
    void anotherBaseUrlIsAnotherExport() throws Exception {
        history();
        assertThat(run("vaani", "--state", state.toString()).exitCode()).isZero();
        Result r = CallxRunner.callx().env("VAANI_API_KEY", KEY).run("vaani", "--state", state.toString(),
                "--base-url", server.url("/v2/").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("(the nearest has base URL " + server.baseUrl() + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "{\"format\": \"callx-state\", \"version\": 1}",
            "{\"format\": \"callx-state\", \"version\": 1, \"exports\": [{\"command\": \"vaani\"}]}",
            "{\"format\": \"other\", \"version\": 1, \"exports\": []}",
            "{\"format\": \"callx-state\", \"version\": 1, \"exports\": [], \"extra\": true}"})
    void aDamagedFileIsExit2WithThePathAndLeftAsItIs(String content) throws Exception {
        history();
        Files.writeString(state, content);
        Result r = run("vaani", "--state", state.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).singleElement().asString()
                .startsWith("callx vaani: cannot use state file " + state + ": ")
                .contains("move it away to start afresh");
        assertThat(Files.readString(state)).isEqualTo(content);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aNewerVersionIsExit2() throws Exception {
        history();
        Files.writeString(state, "{\"format\": \"callx-state\", \"version\": 2, \"exports\": [], \"new\": {}}");
        Result r = run("vaani", "--state", state.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("cannot use state file " + state + ": it was written by a newer callx "
                + "(state version 2; this callx reads version 1). Upgrade callx");
    }

    @Test
    void aFullRefreshExportsEverythingAgainAndStillUpdatesTheState() throws Exception {
        history();
        assertThat(run("vaani", "--state", state.toString()).outLines()).containsExactly("v2", "v1");
        vaani.add("v3", Instant.parse("2026-11-21T11:00:00Z"));
        Result r = run("vaani", "--state", state.toString(), "--full-refresh");
        assertThat(r.outLines()).containsExactly("v3", "v2", "v1");
        assertThat(JSON.readTree(state.toFile()).at("/exports/0/high_water_mark").asText())
                .isEqualTo("2026-11-21T11:00:00Z");
        assertThat(run("vaani", "--state", state.toString()).out()).isEmpty();
    }

    @Test
    void neitherTheStateNorTheSummaryHoldsASecret() throws Exception {
        history();
        Path summary = dir.resolve("summary.json");
        Result r = run("vaani", "--state", state.toString(), "--summary-json", summary.toString(), "--param",
                "api_key=param-secret-9", "--base-url", server.url("/").newBuilder().username("u")
                        .password("url-pass-77").build().toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (Path p : List.of(state, summary)) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertThat(text).as(p.toString()).doesNotContain(KEY, "param-secret-9", "url-pass-77");
        }
        assertThat(Files.readString(state)).contains("\"--param=api_key=****\"");
    }

    @Test
    void stateOptionsAreCheckedBeforeAnyRequest() {
        history();
        String file = state.toString();
        for (String[] args : List.of(new String[] {"vaani", "--lookback", "2h"},
                new String[] {"vaani", "--full-refresh"},
                new String[] {"vaani", "--state", file, "--limit", "5"},
                new String[] {"vaani", "--state", file, "--page", "2"},
                new String[] {"vaani", "--state", file, "--lookback", "soon"},
                new String[] {"vaani", "--state", file, "--lookback", "91d"},
                new String[] {"vaani", "--state", file, "-f", file},
                new String[] {"vaani", "--state", dir.toString()})) {
            Result r = run(args);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        }
        assertThat(server.requestCount()).isZero();
        assertThat(state).doesNotExist();
    }

    @Test
    void contactCallsKeepAStateToo() {
        server.whenPath("/api/v1/contacts/ct_1/calls").answer(q -> dev.callx.testing.Api.json(
                dev.callx.testing.ApiPages.contactCalls(List.of("s1", "s2"))));
        state = dir.resolve("contact.json");
        Result first = run("contact-calls", "ct_1", "--state", state.toString());
        assertThat(first.outLines()).as(first.toString()).containsExactly("s1", "s2");
        Result second = run("contact-calls", "ct_1", "--state", state.toString());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).isEmpty();
        Result other = run("contact-calls", "ct_2", "--state", state.toString());
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(2);
    }

    /** stdout that fails (a full disk behind >): exit 1, and the state as it was. */
    @Test
    void aFailedStdoutLeavesTheStateAsItWas() throws Exception {
        history();
        assertThat(run("vaani", "--state", state.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(state);
        vaani.add("v3", Instant.parse("2026-11-21T11:00:00Z"));
        IOException full = new IOException("No space left on device");
        Writer failing = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw full;
            }

            @Override
            public void flush() throws IOException {
                throw full;
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        AppContext ctx = new AppContext(Map.of("VAANI_API_KEY", KEY), Clock.fixed(CallxRunner.NOW, ZoneOffset.UTC),
                d -> { }, new Random(1), () -> false, () -> 100, new Cleanup()).withStdoutFailure(() -> full);
        int code = Cli.create(ctx, new PrintWriter(failing), new PrintWriter(err, true))
                .execute("vaani", "--base-url", server.baseUrl(), "--state", state.toString());
        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
        assertThat(run("vaani", "--state", state.toString()).outLines()).containsExactly("v3");
    }
}
