package dev.callx.sandbox;

import static dev.callx.sandbox.SandboxHttp.enc;
import static dev.callx.sandbox.SandboxHttp.fieldNames;
import static dev.callx.sandbox.SandboxHttp.get;
import static dev.callx.sandbox.SandboxHttp.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxRavanTest {

    static final List<String> HISTORY_FIELDS = List.of("id", "agent_id", "agent_name", "organization_id",
            "caller_number", "callee_number", "caller_name", "caller_email", "channel", "status", "summary",
            "recording_url", "duration_sec", "cost_total", "twilio_cost", "model_cost", "credit_breakdown",
            "disconnect_reason", "call_latency_ms", "error_message", "post_call_analysis_result", "metadata",
            "started_at", "ended_at", "created_at");
    static final List<String> SESSION_FIELDS = List.of("id", "agentId", "organizationId", "roomId",
            "callerNumber", "calleeNumber", "callerName", "callerEmail", "channel", "status", "summary",
            "metadata", "errorMessage", "disconnectReason", "promptDynamicVariables", "extractDynamicVariables",
            "callLatencyMs", "startedAt", "endedAt", "durationSec", "createdAt", "recordingUrl", "costTotal",
            "agentName", "postCallAnalysisResult", "creditBreakdown");
    static final String HISTORY = "/api/v1/calling/phone-history";
    static final String SESSIONS = "/api/v1/calling/call-sessions";

    static Sandbox sandbox;
    static String[] key;
    /**
     * Every call session, newest first, as the unfiltered endpoint serves it: the expected result of a
     * filter is computed from these and the filter's documented meaning (package-info of the sandbox),
     * never taken from the sandbox's own counting.
     */
    static List<JsonNode> everySession;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxHttp.config(1000));
        key = SandboxHttp.ravanKey(sandbox);
        everySession = fetchAll("");
        assertThat(everySession).hasSize(1000);
    }

    /** The ids of the sessions that {@code keep} accepts, newest first. */
    static List<String> sessionIds(Predicate<JsonNode> keep) {
        return everySession.stream().filter(keep).map(c -> c.get("id").asText()).toList();
    }

    /** Documented: a call matches a phone when the phone is its caller or its callee number. */
    static Predicate<JsonNode> onPhone(String phone) {
        return c -> c.get("callerNumber").asText().equals(phone) || c.get("calleeNumber").asText().equals(phone);
    }

    /** Documented: search is case-insensitive, over summary, caller name and both numbers. */
    static Predicate<JsonNode> searchMatches(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return c -> Stream.of("summary", "callerName", "callerNumber", "calleeNumber")
                .anyMatch(f -> c.get(f).asText().toLowerCase(Locale.ROOT).contains(t));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    // ---- phone-history -------------------------------------------------------------------------

    @Test
    void phoneHistoryShapeAndPaging() {
        String phone = sandbox.examplePhone();
        List<String> matching = sessionIds(onPhone(phone));
        int expected = matching.size();
        assertThat(expected).isGreaterThanOrEqualTo(5);
        List<String> ids = new ArrayList<>();
        boolean asCaller = false;
        boolean asCallee = false;
        Instant previous = Instant.MAX;
        for (int page = 1; page <= 100; page++) {
            JsonNode body = get(sandbox, HISTORY + "?phone=" + enc(phone) + "&page=" + page + "&page_size=3",
                    SandboxHttp.ravanBearer(sandbox)).json();
            assertThat(fieldNames(body)).containsExactly("success", "message", "phone", "total_count", "page",
                    "page_size", "calls");
            assertThat(body.get("success").asBoolean()).isTrue();
            assertThat(body.get("phone").asText()).isEqualTo(phone);
            assertThat(body.get("total_count").asInt()).isEqualTo(expected);
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("page_size").asInt()).isEqualTo(3);
            List<JsonNode> calls = list(body.get("calls"));
            if (calls.isEmpty()) {
                break;
            }
            for (JsonNode c : calls) {
                assertThat(fieldNames(c)).containsExactlyElementsOf(HISTORY_FIELDS);
                asCaller |= c.get("caller_number").asText().equals(phone);
                asCallee |= c.get("callee_number").asText().equals(phone);
                assertThat(List.of(c.get("caller_number").asText(), c.get("callee_number").asText())).contains(phone);
                assertThat(c.get("cost_total").asText()).matches("\\d+\\.\\d\\d");
                Instant started = Instant.parse(c.get("started_at").asText());
                assertThat(started).isBefore(SandboxHttp.ANCHOR).isBeforeOrEqualTo(previous);
                previous = started;
                ids.add(c.get("id").asText());
            }
        }
        assertThat(ids).hasSize(expected).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(matching);
        assertThat(asCaller).as("phone seen as caller_number").isTrue();
        assertThat(asCallee).as("phone seen as callee_number").isTrue();
    }

    @Test
    void phoneHistoryMatchesAgentLinesOnEitherSide() {
        String line = "+14155550100"; // an agent line: caller on outbound calls, callee on inbound
        JsonNode body = get(sandbox, HISTORY + "?page_size=100&phone=" + enc(line), key).json();
        assertThat(body.get("total_count").asInt()).isEqualTo(sessionIds(onPhone(line)).size()).isGreaterThan(100);
        List<JsonNode> calls = list(body.get("calls"));
        assertThat(calls).hasSize(100);
        assertThat(calls).anyMatch(c -> c.get("caller_number").asText().equals(line));
        assertThat(calls).anyMatch(c -> c.get("callee_number").asText().equals(line));
    }

    @Test
    void phoneHistoryTranscriptsOnlyWhenAsked() {
        String q = HISTORY + "?page_size=100&phone=" + enc(sandbox.examplePhone());
        assertThat(list(get(sandbox, q, key).json().get("calls"))).allMatch(c -> !c.has("transcripts"));
        List<JsonNode> calls = list(get(sandbox, q + "&include_transcripts=true", key).json().get("calls"));
        assertThat(calls).allMatch(c -> c.get("transcripts").isArray());
        JsonNode answered = calls.stream().filter(c -> c.get("status").asText().equals("completed")).findFirst().orElseThrow();
        JsonNode turn = answered.get("transcripts").get(0);
        assertThat(fieldNames(turn)).containsExactly("id", "call_session_id", "message", "timestamp_ms", "created_at");
        assertThat(turn.get("call_session_id").asText()).isEqualTo(answered.get("id").asText());
        assertThat(turn.get("message").get("role").asText()).isEqualTo("agent");
        assertThat(turn.get("message").get("content").asText()).isNotBlank();
        assertThat(turn.get("timestamp_ms").asLong())
                .isGreaterThanOrEqualTo(Instant.parse(answered.get("started_at").asText()).toEpochMilli());
    }

    @Test
    void phoneHistoryValidation() {
        assertRavanError(get(sandbox, HISTORY + "?phone=" + enc(sandbox.examplePhone()) + "&page_size=101", key), 400, "page_size");
        assertThat(get(sandbox, HISTORY + "?phone=" + enc(sandbox.examplePhone()) + "&page_size=100", key).status()).isEqualTo(200);
        assertRavanError(get(sandbox, HISTORY, key), 400, "phone is required");
        assertRavanError(get(sandbox, HISTORY + "?phone=12345", key), 400, "E.164");
        assertRavanError(get(sandbox, HISTORY + "?phone=+14155550100", key), 400, "%2B");
        assertRavanError(get(sandbox, HISTORY + "?phone=%2B14155550100&page=0", key), 400, "page");
        JsonNode none = get(sandbox, HISTORY + "?phone=%2B10000000000", key).json();
        assertThat(none.get("total_count").asInt()).isZero();
        assertThat(none.get("calls").size()).isZero();
        JsonNode beyond = get(sandbox, HISTORY + "?page=99&phone=" + enc(sandbox.examplePhone()), key).json();
        assertThat(beyond.get("total_count").asInt()).isEqualTo(sessionIds(onPhone(sandbox.examplePhone())).size());
        assertThat(beyond.get("calls").size()).isZero();
    }

    @Test
    void authOnEveryRavanEndpoint() {
        String history = HISTORY + "?phone=" + enc(sandbox.examplePhone());
        String contact = "/api/v1/contacts/" + sandbox.exampleContactId() + "/calls";
        for (String path : List.of(history, SESSIONS, contact)) {
            assertRavanError(get(sandbox, path), 401, "invalid API key");
            assertRavanError(get(sandbox, path, "X-Api-Key", "wrong"), 401, "invalid API key");
            assertRavanError(get(sandbox, path, "Authorization", "Bearer wrong"), 401, "invalid API key");
            assertThat(get(sandbox, path, "x-api-key", key[1]).status()).as(path).isEqualTo(200);
        }
        assertThat(get(sandbox, history, SandboxHttp.ravanBearer(sandbox)).status()).isEqualTo(200);
        // the token is for phone-history only
        assertRavanError(get(sandbox, SESSIONS, SandboxHttp.ravanBearer(sandbox)), 401, "invalid API key");
        assertRavanError(get(sandbox, contact, SandboxHttp.ravanBearer(sandbox)), 401, "invalid API key");
    }

    // ---- call-sessions -------------------------------------------------------------------------

    @Test
    void sessionsShapeDefaultsAndShortLastPage() {
        JsonNode first = get(sandbox, SESSIONS, key).json();
        assertThat(fieldNames(first)).containsExactly("success", "message", "data");
        assertThat(fieldNames(first.get("data"))).containsExactly("callSessions");
        List<JsonNode> sessions = list(first.get("data").get("callSessions"));
        assertThat(sessions).hasSize(20);
        JsonNode s = sessions.get(0);
        assertThat(fieldNames(s)).containsExactlyElementsOf(SESSION_FIELDS);
        assertThat(s.get("costTotal").isTextual()).isTrue();
        assertThat(s.get("costTotal").asText()).matches("\\d+\\.\\d\\d");
        assertThat(fieldNames(s.get("creditBreakdown"))).containsExactly("channel", "duration_sec", "model_credits",
                "provider_credits", "provider_managed", "telephony_type", "total_credits");

        Set<String> ids = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        for (int page = 1; page <= 10; page++) {
            List<JsonNode> got = list(get(sandbox, SESSIONS + "?page_size=300&page=" + page, key).json()
                    .get("data").get("callSessions"));
            sizes.add(got.size());
            got.forEach(c -> ids.add(c.get("id").asText()));
            if (got.size() < 300) {
                break;
            }
        }
        assertThat(sizes).containsExactly(300, 300, 300, 100);
        assertThat(ids).hasSize(1000);
    }

    @Test
    void sessionsPageSizeLimit() {
        assertThat(list(get(sandbox, SESSIONS + "?page_size=500", key).json().get("data").get("callSessions"))).hasSize(500);
        assertRavanError(get(sandbox, SESSIONS + "?page_size=501", key), 400, "page_size");
        assertRavanError(get(sandbox, SESSIONS + "?page_size=abc", key), 400, "page_size");
    }

    @Test
    void sessionsFilters() {
        String agent = sandbox.ravanAgentIds().get(0);
        assertFilter("agent_id", agent, c -> c.get("agentId").asText().equals(agent));
        assertFilter("status", "no_answer", c -> c.get("status").asText().equals("no_answer"));
        assertFilter("channel", "web", c -> c.get("channel").asText().equals("web"));
        String phone = sandbox.examplePhone();
        assertFilter("caller_number", phone, c -> c.get("callerNumber").asText().equals(phone));
        assertFilter("search", "BILLING", searchMatches("billing"));
        assertFilter("search", "o'brien", searchMatches("O'Brien"));
        assertThat(fetchAll("search=" + enc("o'brien"))).as("the O'Briens are found in any case")
                .allMatch(c -> c.get("callerName").asText().contains("O'Brien")
                        || c.get("summary").asText().contains("O'Brien"));
    }

    @Test
    void sessionsTimeWindow() {
        Instant after = SandboxHttp.ANCHOR.minusSeconds(10 * 86400);
        Instant before = SandboxHttp.ANCHOR.minusSeconds(5 * 86400);
        // documented: started_after inclusive, started_before exclusive
        List<String> expected = sessionIds(c -> !startedAt(c).isBefore(after) && startedAt(c).isBefore(before));
        assertThat(expected).hasSizeBetween(20, 100); // about 1000 * 5/90
        List<JsonNode> got = fetchAll("started_after=" + enc(after.toString()) + "&started_before=" + enc(before.toString()));
        assertThat(got).extracting(c -> c.get("id").asText()).containsExactlyElementsOf(expected);
        assertThat(got).allSatisfy(c -> assertThat(startedAt(c)).isAfterOrEqualTo(after).isBefore(before));
        List<String> oldestFirst = new java.util.ArrayList<>(expected);
        java.util.Collections.reverse(oldestFirst);
        assertThat(fetchAll("sort_order=asc&started_after=" + enc(after.toString()) + "&started_before="
                + enc(before.toString()))).extracting(c -> c.get("id").asText()).containsExactlyElementsOf(oldestFirst);
        assertThat(fetchAll("started_after=" + enc(before.toString()) + "&started_before=" + enc(after.toString())))
                .as("a window that ends before it starts").isEmpty();
        Instant first = startedAt(got.get(0));
        assertThat(fetchAll("started_before=" + enc(first.toString()))).as("started_before is exclusive")
                .extracting(c -> c.get("id").asText()).doesNotContain(got.get(0).get("id").asText())
                .containsExactlyElementsOf(sessionIds(c -> startedAt(c).isBefore(first)));
        Instant may22 = Instant.parse("2026-05-22T00:00:00Z");
        List<String> sinceMay22 = sessionIds(c -> !startedAt(c).isBefore(may22));
        assertThat(sinceMay22).hasSizeBetween(1, 999);
        assertThat(fetchAll("started_after=2026-05-22")).as("a date is midnight UTC")
                .extracting(c -> c.get("id").asText()).containsExactlyElementsOf(sinceMay22);
        assertThat(fetchAll("started_after=" + enc("2026-05-22T00:00:00Z")))
                .extracting(c -> c.get("id").asText()).containsExactlyElementsOf(sinceMay22);
        assertRavanError(get(sandbox, SESSIONS + "?started_after=yesterday", key), 400, "started_after");
        assertRavanError(get(sandbox, SESSIONS + "?started_before=2026-13-01", key), 400, "started_before");
    }

    @Test
    void sessionsSorting() {
        List<JsonNode> desc = list(get(sandbox, SESSIONS + "?page_size=500", key).json().get("data").get("callSessions"));
        assertThat(desc).extracting(c -> c.get("startedAt").asText()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        List<JsonNode> asc = list(get(sandbox, SESSIONS + "?page_size=500&sort_order=asc", key).json()
                .get("data").get("callSessions"));
        assertThat(asc).extracting(c -> c.get("startedAt").asText()).isSorted();
        assertThat(asc.get(0).get("startedAt").asText()).isLessThan(desc.get(desc.size() - 1).get("startedAt").asText());

        List<JsonNode> byDuration = list(get(sandbox, SESSIONS + "?page_size=500&sort_by=durationSec&sort_order=asc", key)
                .json().get("data").get("callSessions"));
        assertThat(byDuration).extracting(c -> c.get("durationSec").asInt()).isSorted();
        List<JsonNode> byCost = list(get(sandbox, SESSIONS + "?page_size=500&sort_by=costTotal&sort_order=desc", key)
                .json().get("data").get("callSessions"));
        assertThat(byCost).extracting(c -> Double.parseDouble(c.get("costTotal").asText()))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        List<JsonNode> byCreated = list(get(sandbox, SESSIONS + "?page_size=500&sort_by=createdAt", key)
                .json().get("data").get("callSessions"));
        assertThat(byCreated).extracting(c -> c.get("createdAt").asText()).isSortedAccordingTo((a, b) -> b.compareTo(a));

        assertRavanError(get(sandbox, SESSIONS + "?sort_by=price", key), 400, "sort_by");
        assertRavanError(get(sandbox, SESSIONS + "?sort_order=up", key), 400, "sort_order");
    }

    // ---- contact calls -------------------------------------------------------------------------

    @Test
    void contactCalls() {
        String contact = sandbox.exampleContactId();
        assertThat(contact).matches("ct_\\d{4}");
        JsonNode body = get(sandbox, "/api/v1/contacts/" + contact + "/calls?page_size=1", key).json();
        assertThat(fieldNames(body)).containsExactly("success", "message", "data");
        List<JsonNode> calls = list(body.get("data"));
        assertThat(calls).extracting(c -> c.get("id").asText()).hasSizeGreaterThan(5).containsExactlyInAnyOrderElementsOf(
                sessionIds(c -> c.get("metadata").get("contact_id").asText().equals(contact)));
        assertThat(fieldNames(calls.get(0))).containsExactlyElementsOf(SESSION_FIELDS);
        assertThat(calls).extracting(c -> c.get("callerName").asText()).containsOnly(calls.get(0).get("callerName").asText());
        assertThat(calls).extracting(c -> c.get("metadata").get("contact_id").asText()).containsOnly(contact);
        assertThat(calls).allMatch(c -> c.get("callerNumber").asText().equals(sandbox.examplePhone())
                || c.get("calleeNumber").asText().equals(sandbox.examplePhone()));
        assertThat(calls).extracting(c -> c.get("startedAt").asText()).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void unknownContactIs404() {
        assertRavanError(get(sandbox, "/api/v1/contacts/ct_9999/calls", key), 404, "contact not found");
        assertRavanError(get(sandbox, "/api/v1/contacts/nobody/calls", key), 404, "contact not found");
        assertThat(sandbox.contactCallCount("ct_9999")).isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The filter selects exactly the sessions {@code matches} accepts, newest first as unfiltered. */
    private static void assertFilter(String param, String value, Predicate<JsonNode> matches) {
        List<String> expected = sessionIds(matches);
        assertThat(expected).as(param).hasSizeBetween(1, 999);
        List<JsonNode> got = fetchAll(param + "=" + enc(value));
        assertThat(got).as(param).extracting(c -> c.get("id").asText()).containsExactlyElementsOf(expected);
    }

    private static Instant startedAt(JsonNode c) {
        return Instant.parse(c.get("startedAt").asText());
    }

    private static List<JsonNode> fetchAll(String query) {
        List<JsonNode> out = new ArrayList<>();
        for (int page = 1; page < 100; page++) {
            List<JsonNode> got = list(get(sandbox, SESSIONS + "?page_size=100&page=" + page + "&" + query, key)
                    .json().get("data").get("callSessions"));
            out.addAll(got);
            if (got.size() < 100) {
                return out;
            }
        }
        throw new AssertionError("too many pages");
    }

    static void assertRavanError(SandboxHttp.Reply reply, int status, String messagePart) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).containsExactly("success", "message");
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("message").asText()).contains(messagePart);
    }
}
