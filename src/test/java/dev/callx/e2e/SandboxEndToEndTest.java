package dev.callx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callx.sandbox.Sandbox;
import dev.callx.sandbox.SandboxConfig;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.NormalizedJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each of the five commands against the sandbox, end to end through HTTP: every record arrives once,
 * and every normalized field the platform provides is filled. Where a command exports a selection of
 * the calls, the expected selection is computed here from every Ravan call as the sandbox serves it
 * (read over HTTP, not through callx) and the filters' documented meaning, never taken from the
 * sandbox's own counting.
 */
class SandboxEndToEndTest {
    private static final int CALLS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Sandbox sandbox;
    /** Every Ravan call session the sandbox serves, newest first, read straight from its HTTP API. */
    private static List<JsonNode> everySession;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.defaults().withCalls(CALLS)
                .withAnchor(CallxRunner.NOW.truncatedTo(ChronoUnit.MINUTES)));
        everySession = rawSessions();
        assertThat(everySession).hasSize(CALLS);
    }

    /** GET call-sessions page by page (500 a page, the documented maximum) with java.net.http. */
    private static List<JsonNode> rawSessions() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page <= CALLS / 500 + 1; page++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                            + "/api/v1/calling/call-sessions?page_size=500&page=" + page))
                    .header("X-Api-Key", sandbox.credentials().get("RAVAN_API_KEY"))
                    .timeout(Duration.ofSeconds(20)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JSON.readTree(response.body()).get("data").get("callSessions").forEach(all::add);
        }
        return all;
    }

    /** The ids of the sessions that {@code keep} accepts, newest first. */
    private static List<String> sessionIds(Predicate<JsonNode> keep) {
        return everySession.stream().filter(keep).map(s -> s.get("id").asText()).toList();
    }

    private static List<String> ids(List<JsonNode> records) {
        return records.stream().map(r -> r.get("id").asText()).toList();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static CallxRunner callx() {
        CallxRunner runner = CallxRunner.callx();
        sandbox.credentials().forEach(runner::env);
        for (String name : new String[] {"RAVAN_BASE_URL", "VAANI_BASE_URL", "ZUDU_BASE_URL"}) {
            runner.env(name, sandbox.baseUrl());
        }
        return runner;
    }

    private static List<JsonNode> records(Result r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<JsonNode> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String line : r.outLines()) {
            JsonNode record = JSON.readTree(line);
            assertThat(ids.add(record.get("id").asText())).as("duplicate id in " + r.args()).isTrue();
            records.add(record);
        }
        return records;
    }

    /** Every field in {@code provided} is filled in some record; every other field of SPEC section 4 in none. */
    private static void assertFilled(List<JsonNode> records, Set<String> provided) {
        for (String field : NormalizedJson.SPEC_FIELDS) {
            boolean anyFilled = records.stream().anyMatch(r -> !r.get(field).isNull());
            assertThat(anyFilled).as(field + (provided.contains(field) ? " is provided" : " is not provided"))
                    .isEqualTo(provided.contains(field));
        }
    }

    /** The fields of SPEC section 4 but these. */
    private static Set<String> allBut(String... absent) {
        Set<String> s = new LinkedHashSet<>(NormalizedJson.SPEC_FIELDS);
        assertThat(s).as("fields of SPEC section 4").containsAll(List.of(absent));
        s.removeAll(List.of(absent));
        return s;
    }

    @Test
    void vaaniExportsEveryCall() throws Exception {
        List<JsonNode> records = records(callx().run("vaani"));
        assertThat(records).hasSize(CALLS);
        assertFilled(records, allBut("channel", "caller_email", "sentiment", "disconnect_reason",
                "latency_ms", "transcript", "error_message"));
    }

    @Test
    void zuduCallsExportsEveryCall() throws Exception {
        List<JsonNode> records = records(callx().run("calls"));
        assertThat(records).hasSize(CALLS);
        assertFilled(records, allBut("caller_name", "caller_email", "agent_name", "transcript_url",
                "error_message"));
    }

    @Test
    void ravanSessionsExportsEveryCall() throws Exception {
        List<JsonNode> records = records(callx().run("sessions"));
        assertThat(records).hasSize(CALLS);
        assertFilled(records, allBut("direction", "transcript", "transcript_url"));
    }

    /** The sandbox documents agent_id and status as exact matches and started_after as inclusive. */
    @Test
    void ravanSessionsFiltersSelectExactlyTheMatchingCalls() throws Exception {
        String agent = sandbox.ravanAgentIds().get(0);
        Instant since = CallxRunner.NOW.minus(30, ChronoUnit.DAYS);
        Result r = callx().run("sessions", "--agent", agent, "--status", "completed", "--since", "30d");
        List<JsonNode> records = records(r);
        List<String> expected = sessionIds(s -> s.get("agentId").asText().equals(agent)
                && s.get("status").asText().equals("completed")
                && !Instant.parse(s.get("startedAt").asText()).isBefore(since));
        assertThat(expected).hasSizeBetween(1, CALLS - 1);
        assertThat(ids(records)).as(r.toString()).containsExactlyElementsOf(expected);
        assertThat(records).allSatisfy(rec -> {
            assertThat(rec.get("agent_id").asText()).isEqualTo(agent);
            assertThat(rec.get("status").asText()).isEqualTo("completed");
            assertThat(Instant.parse(rec.get("started_at").asText())).isAfterOrEqualTo(since);
        });
    }

    @Test
    void phoneHistoryFindsTheCallsOfOneNumberWithTranscripts() throws Exception {
        String phone = sandbox.examplePhone();
        List<JsonNode> records = records(callx().run("phone-history", phone, "--transcripts"));
        // the sandbox documents it: a call matches when the phone is its caller or its callee number
        List<String> expected = sessionIds(s -> s.get("callerNumber").asText().equals(phone)
                || s.get("calleeNumber").asText().equals(phone));
        assertThat(expected).isNotEmpty();
        assertThat(ids(records)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(records).allSatisfy(rec -> assertThat(List.of(rec.get("from_number").asText(),
                rec.get("to_number").asText())).contains(phone));
        assertFilled(records, allBut("direction", "transcript_url"));
    }

    @Test
    void contactCallsReturnsTheContactsCalls() throws Exception {
        String contact = sandbox.exampleContactId();
        List<JsonNode> records = records(callx().run("contact-calls", contact));
        List<String> expected = sessionIds(s -> s.get("metadata").get("contact_id").asText().equals(contact));
        assertThat(expected).isNotEmpty();
        assertThat(ids(records)).containsExactlyInAnyOrderElementsOf(expected);
        assertFilled(records, allBut("direction", "transcript", "transcript_url"));
    }

    @Test
    void inProcessSandboxPrintsOnlyRecordsOnStdout() throws Exception {
        for (String[] args : List.of(new String[] {"--sandbox", "vaani"}, new String[] {"--sandbox", "calls"},
                new String[] {"--sandbox", "sessions"},
                new String[] {"--sandbox", "phone-history", sandbox.examplePhone()},
                new String[] {"--sandbox", "contact-calls", sandbox.exampleContactId()})) {
            Result r = CallxRunner.callx().run(args);
            List<JsonNode> records = records(r);
            assertThat(records).as(r.toString()).isNotEmpty();
            if (args[1].equals("vaani") || args[1].equals("calls") || args[1].equals("sessions")) {
                assertThat(records).hasSize(CALLS);
            }
            // stderr has the summary line alone
            assertThat(r.errLines()).as(r.toString()).singleElement().asString()
                    .startsWith("callx " + args[1] + ": wrote ");
        }
    }

    @Test
    void inProcessSandboxRefusesABaseUrl() {
        Result r = CallxRunner.callx().run("--sandbox", "vaani", "--base-url", "https://api.vaanivoice.ai");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    }
}
