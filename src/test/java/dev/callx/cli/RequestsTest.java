package dev.callx.cli;

import static dev.callx.testing.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Item 2: for each command and each of its options, the request that reaches the server: the path,
 * the credential headers and the query parameters (SPEC sections 1 and 3).
 */
class RequestsTest {
    static final String PHONE = "+14155550100";
    static final String RAVAN_KEY = "rk-secret-0001";
    static final String RAVAN_TOKEN = "rt-token-0002";
    static final String VAANI_KEY = "vk-secret-0003";
    static final String ZUDU_KEY = "zk-key-0004";
    static final String ZUDU_SECRET = "zs-secret-0005";
    static final List<String> ALL_SECRETS = List.of(RAVAN_KEY, RAVAN_TOKEN, VAANI_KEY, ZUDU_KEY, ZUDU_SECRET);

    /** The five commands: their arguments, path, default query and the last page of a one-record answer. */
    enum Cmd {
        PHONE_HISTORY("/api/v1/calling/phone-history", "RAVAN_BASE_URL",
                Map.of("phone", PHONE, "page", "1", "page_size", "100"),
                Map.of("X-Api-Key", RAVAN_KEY), "phone-history", PHONE),
        SESSIONS("/api/v1/calling/call-sessions", "RAVAN_BASE_URL",
                Map.of("page", "1", "page_size", "100", "started_before", "2026-11-21T12:00:00Z"),
                Map.of("X-Api-Key", RAVAN_KEY), "sessions"),
        CONTACT_CALLS("/api/v1/contacts/ct_0001/calls", "RAVAN_BASE_URL", Map.of(),
                Map.of("X-Api-Key", RAVAN_KEY), "contact-calls", "ct_0001"),
        VAANI("/api/call-history", "VAANI_BASE_URL", Map.of("page", "1", "page_size", "200"),
                Map.of("X-API-Key", VAANI_KEY), "vaani"),
        CALLS("/api/calls", "ZUDU_BASE_URL", Map.of("page", "0", "limit", "100"),
                Map.of("X-API-KEY", ZUDU_KEY, "X-API-SECRET", ZUDU_SECRET), "calls");

        final String path;
        final String baseUrlEnv;
        final Map<String, String> defaultQuery;
        final Map<String, String> auth;
        final List<String> args;

        Cmd(String path, String baseUrlEnv, Map<String, String> defaultQuery, Map<String, String> auth,
            String... args) {
            this.path = path;
            this.baseUrlEnv = baseUrlEnv;
            this.defaultQuery = defaultQuery;
            this.auth = auth;
            this.args = List.of(args);
        }

        /** One record, and every paging hint says it is the last. */
        String onlyPage() {
            List<String> one = List.of("r1");
            return switch (this) {
                case PHONE_HISTORY -> ApiPages.phoneHistory(1L, 1, 100, one);
                case SESSIONS -> ApiPages.sessions(one);
                case CONTACT_CALLS -> ApiPages.contactCalls(one);
                case VAANI -> ApiPages.vaani(1, 200, 1L, 1L, false, one);
                case CALLS -> ApiPages.zudu(0, 100, 1L, 1L, false, one);
            };
        }
    }

    /** A request nobody expected is answered at once with an error, and fails the test. */
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    /** Every platform's credentials but RAVAN_TOKEN: a command must send its own and no other. */
    static CallxRunner withAllKeys() {
        return CallxRunner.callx().env("RAVAN_API_KEY", RAVAN_KEY).env("VAANI_API_KEY", VAANI_KEY)
                .env("ZUDU_API_KEY", ZUDU_KEY).env("ZUDU_API_SECRET", ZUDU_SECRET);
    }

    /** Runs cmd against the mock server with extra args, writing the ids as csv. */
    Result run(CallxRunner runner, Cmd cmd, String... extra) {
        if (cmd == Cmd.SESSIONS) {
            // its one page is short, and sessions give no total: the empty page 2 tells it was the last
            server.emptyAfterFirstPage(ApiPages.noSessions());
        }
        List<String> args = new ArrayList<>(cmd.args);
        args.addAll(List.of("--base-url", server.baseUrl(), "-o", "csv", "--fields", "id",
                "--no-header"));
        args.addAll(Arrays.asList(extra));
        return runner.run(args.toArray(String[]::new));
    }

    RecordedRequest take() {
        return server.takeRequest();
    }

    /** The query as name -> value; fails if a name is sent more than once. */
    static Map<String, String> query(RecordedRequest req) {
        HttpUrl url = req.getUrl();
        Map<String, String> q = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            assertThat(url.queryParameterValues(name)).as(req.getTarget() + ": " + name).hasSize(1);
            q.put(name, url.queryParameter(name));
        }
        return q;
    }

    static Map<String, String> plus(Map<String, String> base, String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** The value arrives as "+..." and the raw target carries it as %2B, which no server reads as a space. */
    static void assertPlusEncoded(RecordedRequest req, String name, String e164) {
        assertThat(req.getUrl().queryParameter(name)).as(req.getTarget()).isEqualTo(e164);
        assertThat(req.getTarget()).doesNotContain(" ").doesNotContain("+")
                .contains(name + "=%2B" + e164.substring(1));
    }

    // ---- path, credentials, default query: every command ----

    @ParameterizedTest
    @EnumSource(Cmd.class)
    void eachCommandGetsItsPathWithItsOwnCredentialsAndDefaultQuery(Cmd cmd) throws Exception {
        server.enqueue(json(cmd.onlyPage()));
        Result r = run(withAllKeys(), cmd);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("r1");
        // sessions give no total: after their short page, the empty page 2 tells it was the last
        assertThat(server.requestCount()).as(r.toString()).isEqualTo(cmd == Cmd.SESSIONS ? 2 : 1);
        RecordedRequest req = take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(req.getUrl().encodedPath()).as(req.getTarget()).isEqualTo(cmd.path);
        assertThat(query(req)).as(req.getTarget()).isEqualTo(cmd.defaultQuery);
        cmd.auth.forEach((name, value) -> assertThat(req.getHeaders().get(name)).as(name).isEqualTo(value));
        assertThat(req.getHeaders().get("Authorization")).as("Authorization").isNull();
        assertNoOtherSecret(req.getHeaders(), cmd.auth.values().stream().toList());
    }

    static void assertNoOtherSecret(Headers headers, List<String> own) {
        for (String secret : ALL_SECRETS) {
            if (own.contains(secret)) {
                continue;
            }
            for (String name : headers.names()) {
                assertThat(headers.values(name)).as("header " + name).noneMatch(v -> v.contains(secret));
            }
        }
    }

    @Test
    void phoneHistorySendsRavanTokenAsBearer() throws Exception {
        server.enqueue(json(Cmd.PHONE_HISTORY.onlyPage()));
        Result r = run(CallxRunner.callx().env("RAVAN_TOKEN", RAVAN_TOKEN), Cmd.PHONE_HISTORY);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = take();
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + RAVAN_TOKEN);
        assertThat(req.getHeaders().get("X-Api-Key")).isNull();
    }

    /** Both set: one credential is sent, the token (PhoneHistoryEndpoint's documented precedence). */
    @Test
    void phoneHistoryWithTokenAndKeySendsOnlyTheBearerToken() throws Exception {
        server.enqueue(json(Cmd.PHONE_HISTORY.onlyPage()));
        Result r = run(withAllKeys().env("RAVAN_TOKEN", RAVAN_TOKEN), Cmd.PHONE_HISTORY);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = take();
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + RAVAN_TOKEN);
        assertThat(req.getHeaders().get("X-Api-Key")).isNull();
    }

    /** RAVAN_TOKEN is for phone-history only (SPEC section 3): the other Ravan commands need the key. */
    @ParameterizedTest
    @EnumSource(value = Cmd.class, names = {"SESSIONS", "CONTACT_CALLS"})
    void otherRavanCommandsDoNotUseTheToken(Cmd cmd) {
        Result r = run(CallxRunner.callx().env("RAVAN_TOKEN", RAVAN_TOKEN), cmd);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains("RAVAN_API_KEY").doesNotContain(RAVAN_TOKEN);
        assertThat(server.requestCount()).as(r.toString()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"PHONE_HISTORY, '', RAVAN_API_KEY", "SESSIONS, '', RAVAN_API_KEY",
            "CONTACT_CALLS, '', RAVAN_API_KEY", "VAANI, '', VAANI_API_KEY",
            "CALLS, ZUDU_API_KEY, ZUDU_API_SECRET", "CALLS, ZUDU_API_SECRET, ZUDU_API_KEY"})
    void missingCredentialIsExit3NamingTheVariableBeforeAnyRequest(Cmd cmd, String present, String missing) {
        CallxRunner runner = CallxRunner.callx();
        if (!present.isEmpty()) {
            runner.env(present, "some-value-123");
        }
        Result r = run(runner, cmd);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains(missing).doesNotContain("some-value-123");
        assertThat(server.requestCount()).as(r.toString()).isZero();
    }

    // ---- phone-history ----

    @Test
    void phoneHistorySendsThePlusOfTheNumberPercentEncoded() throws Exception {
        server.enqueue(json(Cmd.PHONE_HISTORY.onlyPage()));
        Result r = run(withAllKeys(), Cmd.PHONE_HISTORY);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertPlusEncoded(take(), "phone", PHONE);
    }

    @Test
    void phoneHistoryTranscriptsSendsIncludeTranscripts() throws Exception {
        server.enqueue(json(Cmd.PHONE_HISTORY.onlyPage()));
        Result r = run(withAllKeys(), Cmd.PHONE_HISTORY, "--transcripts");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = take();
        assertThat(query(req)).as(req.getTarget())
                .isEqualTo(plus(Cmd.PHONE_HISTORY.defaultQuery, "include_transcripts", "true"));
    }

    // ---- sessions: each option to its documented parameter ----

    @ParameterizedTest(name = "{0} {1} -> {2}={3}")
    @CsvSource(delimiter = '|', textBlock = """
            --agent      | agt_123                   | agent_id       | agt_123
            --status     | completed                 | status         | completed
            --channel    | voice                     | channel        | voice
            --caller     | +14155550100              | caller_number  | +14155550100
            --search     | refund & "billing" 50%    | search         | refund & "billing" 50%
            --sort-by    | startedAt                 | sort_by        | startedAt
            --sort-order | asc                       | sort_order     | asc
            --sort-order | desc                      | sort_order     | desc
            --sort-order | ascending                 | sort_order     | asc
            --sort-order | DESCENDING                | sort_order     | desc
            --since      | 24h                       | started_after  | 2026-11-20T12:00:00Z
            --since      | 90m                       | started_after  | 2026-11-21T10:30:00Z
            --since      | 7d                        | started_after  | 2026-11-14T12:00:00Z
            --since      | 2026-11-01                | started_after  | 2026-11-01T00:00:00Z
            --since      | 2026-11-01T08:00:00+02:00 | started_after  | 2026-11-01T06:00:00Z
            --until      | 2026-11-21T08:00:00Z      | started_before | 2026-11-21T08:00:00Z
            --until      | 1h                        | started_before | 2026-11-21T11:00:00Z
            """)
    void sessionsOptionGoesAsItsParameter(String option, String value, String param, String expected)
            throws Exception {
        server.enqueue(json(ApiPages.sessions(List.of())));
        Result r = run(withAllKeys(), Cmd.SESSIONS, option, value);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = take();
        assertThat(req.getUrl().encodedPath()).isEqualTo(Cmd.SESSIONS.path);
        assertThat(query(req)).as(req.getTarget()).isEqualTo(plus(Cmd.SESSIONS.defaultQuery, param, expected));
    }

    /**
     * A date or zone-less date-time is read in --tz; what is sent is always UTC with a Z. The zones
     * include a :45 offset (Kathmandu +05:45), offsets past +12:00 (Chatham +13:45 in its summer,
     * Kiritimati +14:00, where the date sent is the day before) and one behind UTC by a half hour whose
     * summer time ends between the two (St John's: -02:30 at the start of 1 November, -03:30 on the 2nd).
     */
    @ParameterizedTest(name = "--tz {0}")
    @CsvSource({
            "Asia/Kolkata,       2026-10-31T18:30:00Z, 2026-11-02T03:30:00Z",
            "Asia/Kathmandu,     2026-10-31T18:15:00Z, 2026-11-02T03:15:00Z",
            "Pacific/Chatham,    2026-10-31T10:15:00Z, 2026-11-01T19:15:00Z",
            "Pacific/Kiritimati, 2026-10-31T10:00:00Z, 2026-11-01T19:00:00Z",
            "America/St_Johns,   2026-11-01T02:30:00Z, 2026-11-02T12:30:00Z"})
    void sessionsSinceInAnotherZoneIsSentInUtc(String zone, String after, String before) throws Exception {
        server.enqueue(json(ApiPages.sessions(List.of())));
        Result r = run(withAllKeys(), Cmd.SESSIONS, "--tz", zone, "--since", "2026-11-01",
                "--until", "2026-11-02T09:00:00");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = take();
        assertThat(query(req)).as(req.getTarget()).isEqualTo(plus(Cmd.SESSIONS.defaultQuery,
                "started_after", after, "started_before", before));
    }

    @Test
    void sessionsSendsEveryFilterTogether() throws Exception {
        server.enqueue(json(ApiPages.sessions(List.of("s1"))));
        Result r = run(withAllKeys(), Cmd.SESSIONS, "--agent", "agt_1", "--status", "completed", "--channel", "sip",
                "--caller", PHONE, "--search", "refund", "--sort-by", "startedAt", "--sort-order", "desc",
                "--since", "2026-11-21T00:00:00Z", "--until", "2026-11-21T12:00:00Z");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("s1");
        RecordedRequest req = take();
        assertThat(query(req)).as(req.getTarget()).isEqualTo(plus(Cmd.SESSIONS.defaultQuery,
                "agent_id", "agt_1", "status", "completed", "channel", "sip", "caller_number", PHONE,
                "search", "refund", "sort_by", "startedAt", "sort_order", "desc",
                "started_after", "2026-11-21T00:00:00Z", "started_before", "2026-11-21T12:00:00Z"));
        assertThat(req.getHeaders().get("X-Api-Key")).isEqualTo(RAVAN_KEY);
    }

    /**
     * SPEC 5: --since/--until go to the server where the API has the parameters (sessions) and are
     * filtered on the client everywhere else; every session the server chose is written (SPEC 4: a
     * record never disappears), also one whose startedAt is missing or unreadable.
     */
    @Test
    void sessionsSinceUntilAreLeftToTheServer() throws Exception {
        ObjectNode noStart = ApiPages.session("s1");
        noStart.putNull("startedAt");
        ObjectNode placeholder = ApiPages.session("s2");
        placeholder.put("startedAt", "<string>");
        server.enqueue(json(ApiPages.sessionsOf(List.of(noStart, placeholder, ApiPages.session("s3")))));
        Result r = run(withAllKeys(), Cmd.SESSIONS, "--since", "24h", "--until", "1h");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("s1", "s2", "s3");
        assertThat(r.err()).as(r.toString()).doesNotContain("left out");
        RecordedRequest req = take();
        assertThat(query(req)).as(req.getTarget()).isEqualTo(plus(Cmd.SESSIONS.defaultQuery,
                "started_after", "2026-11-20T12:00:00Z", "started_before", "2026-11-21T11:00:00Z"));
    }

    @Test
    void sessionsCallerKeepsItsPlus() throws Exception {
        server.enqueue(json(ApiPages.sessions(List.of())));
        Result r = run(withAllKeys(), Cmd.SESSIONS, "--caller", PHONE);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertPlusEncoded(take(), "caller_number", PHONE);
    }

    @ParameterizedTest
    @CsvSource({"sessions, --sort-order, up", "sessions, --caller, 14155550100",
            "calls, --sort-order, descend", "calls, --sort-order, ''"})
    void badOptionValueIsAUsageErrorBeforeAnyRequest(String command, String option, String value) {
        Cmd cmd = Cmd.valueOf(command.toUpperCase(Locale.ROOT));
        Result r = run(withAllKeys(), cmd, option, value);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains(option);
        assertThat(server.requestCount()).as(r.toString()).isZero();
    }

    // ---- contact-calls ----

    @Test
    void contactCallsSendsNoQueryAtAll() throws Exception {
        server.enqueue(json(ApiPages.contactCalls(List.of("c1", "c2"))));
        Result r = run(withAllKeys(), Cmd.CONTACT_CALLS);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("c1", "c2");
        RecordedRequest req = take();
        assertThat(req.getTarget()).isEqualTo("/api/v1/contacts/ct_0001/calls");
    }

    @Test
    void contactIdIsOnePathSegment() throws Exception {
        server.enqueue(json(ApiPages.contactCalls(List.of())));
        Result r = withAllKeys().run("contact-calls", "ct 1/2?x=#y", "--base-url", server.baseUrl(),
                "-o", "jsonl");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = take();
        assertThat(req.getUrl().encodedPath()).isEqualTo("/api/v1/contacts/ct%201%2F2%3Fx=%23y/calls");
        assertThat(req.getUrl().pathSegments()).containsExactly("api", "v1", "contacts", "ct 1/2?x=#y", "calls");
        assertThat(req.getUrl().querySize()).isZero();
    }

    /** OkHttp reads a "." or ".." segment as a path step: the request would go to another endpoint. */
    @ParameterizedTest
    @CsvSource({"'.'", "'..'", "' .. '"})
    void contactIdThatIsADotSegmentIsAUsageError(String id) {
        Result r = withAllKeys().run("contact-calls", id, "--base-url", server.baseUrl(), "-o", "jsonl");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("CONTACT_ID");
        assertThat(server.requestCount()).as(r.toString()).isZero();
    }

    // ---- vaani and calls ----

    /** The documented example records (2023 to 2026-06) are all older than 7 days before NOW. */
    @ParameterizedTest
    @EnumSource(value = Cmd.class, names = {"PHONE_HISTORY", "VAANI", "CALLS"})
    void sinceUntilFilterOnTheClientWhereTheApiHasNoParameter(Cmd cmd) throws Exception {
        server.enqueue(json(cmd.onlyPage()));
        Result r = run(withAllKeys(), cmd, "--since", "7d", "--until", "2026-11-21");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).isEmpty();
        RecordedRequest req = take();
        assertThat(query(req)).as(req.getTarget()).isEqualTo(cmd == Cmd.CALLS ? NEWEST_FIRST : cmd.defaultQuery);
    }

    /**
     * With --since, calls asks for the newest calls first, so that paging can stop at the first page
     * older than the window (issue 9.3).
     */
    static final Map<String, String> NEWEST_FIRST = Map.of("page", "0", "limit", "100",
            "sort_by", "start_timestamp", "sort_order", "descending");

    /**
     * Where the client filters, a --since date starts at midnight in --tz too: a call a minute before
     * that midnight is left out, one a minute after is written.
     */
    @ParameterizedTest(name = "--tz {0}: midnight is {1}")
    @CsvSource({"Asia/Kathmandu, 2026-11-20T18:15:00Z", "Pacific/Chatham, 2026-11-20T10:15:00Z",
            "UTC, 2026-11-21T00:00:00Z"})
    void clientSideSinceDateIsMidnightInTz(String zone, String midnight) throws Exception {
        Instant m = Instant.parse(midnight);
        String body = "{\"message\":\"ok\",\"status\":\"success\",\"error\":null,\"data\":{\"calls\":["
                + "{\"call_id\":\"after\",\"start_timestamp\":" + m.plusSeconds(60).toEpochMilli() + "},"
                + "{\"call_id\":\"before\",\"start_timestamp\":" + m.minusSeconds(60).toEpochMilli() + "}],"
                + "\"pagination\":{\"page\":0,\"limit\":100,\"total_count\":2,\"total_pages\":1,"
                + "\"has_next_page\":false}}}";
        server.enqueue(json(body));
        Result r = run(withAllKeys(), Cmd.CALLS, "--tz", zone, "--since", "2026-11-21");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactly("after");
        assertThat(query(take())).isEqualTo(NEWEST_FIRST);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}={1}")
    @CsvSource({"--sort-order, ascending, sort_order, ascending", "--sort-order, descending, sort_order, descending",
            "--sort-order, asc, sort_order, ascending", "--sort-order, Desc, sort_order, descending",
            "--sort-by, start_timestamp, sort_by, start_timestamp", "--sort-by, call_duration, sort_by, call_duration"})
    void callsOptionGoesAsItsParameter(String option, String value, String param, String sent) throws Exception {
        server.enqueue(json(Cmd.CALLS.onlyPage()));
        Result r = run(withAllKeys(), Cmd.CALLS, option, value);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = take();
        assertThat(req.getUrl().encodedPath()).isEqualTo("/api/calls");
        assertThat(query(req)).as(req.getTarget()).isEqualTo(plus(Cmd.CALLS.defaultQuery, param, sent));
        assertThat(req.getHeaders().get("X-API-KEY")).isEqualTo(ZUDU_KEY);
        assertThat(req.getHeaders().get("X-API-SECRET")).isEqualTo(ZUDU_SECRET);
    }

    @Test
    void callsSortOrderAndSortByTogether() throws Exception {
        server.enqueue(json(Cmd.CALLS.onlyPage()));
        Result r = run(withAllKeys(), Cmd.CALLS, "--sort-order", "ascending", "--sort-by", "start_timestamp");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = take();
        assertThat(query(req)).as(req.getTarget()).isEqualTo(plus(Cmd.CALLS.defaultQuery,
                "sort_order", "ascending", "sort_by", "start_timestamp"));
    }

    // ---- --param KEY=VALUE, every command ----

    @ParameterizedTest
    @EnumSource(Cmd.class)
    void paramAddsRawQueryParameters(Cmd cmd) throws Exception {
        server.enqueue(json(cmd.onlyPage()));
        Result r = run(withAllKeys(), cmd, "--param", "campaign=summer 2026", "--param", "to=+919876543210",
                "--param", "expr=a=b&c");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = take();
        assertThat(req.getUrl().encodedPath()).isEqualTo(cmd.path);
        assertThat(query(req)).as(req.getTarget()).isEqualTo(plus(cmd.defaultQuery,
                "campaign", "summer 2026", "to", "+919876543210", "expr", "a=b&c"));
        assertPlusEncoded(req, "to", "+919876543210");
    }

    /**
     * SPEC 1: each --param "adds a raw query parameter"; the same key twice is how a list goes to many
     * APIs ({@code status=a&status=b}).
     */
    @Test
    void paramWithTheSameKeyTwiceSendsBothValues() throws Exception {
        server.enqueue(json(Cmd.VAANI.onlyPage()));
        Result r = run(withAllKeys(), Cmd.VAANI, "--param", "tag=a", "--param", "tag=b");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = take();
        assertThat(req.getUrl().queryParameterValues("tag")).as(req.getTarget()).containsExactly("a", "b");
    }

    @ParameterizedTest
    @CsvSource({"PHONE_HISTORY, page", "PHONE_HISTORY, page_size", "SESSIONS, page", "SESSIONS, page_size",
            "VAANI, page", "VAANI, page_size", "CALLS, page", "CALLS, limit"})
    void paramThatWouldBreakPagingIsAUsageError(Cmd cmd, String key) {
        Result r = run(withAllKeys(), cmd, "--param", key + "=3");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains("--param " + key);
        assertThat(server.requestCount()).as(r.toString()).isZero();
    }

    // ---- base URL with a path prefix (a self-hosted Zudu at http://host/zudu) ----

    static Stream<Arguments> prefixedBaseUrls() {
        List<Arguments> all = new ArrayList<>();
        for (Cmd cmd : Cmd.values()) {
            for (String how : List.of("--base-url /zudu", "--base-url /zudu/", "env /zudu", "env /zudu/")) {
                all.add(Arguments.of(cmd, how));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("prefixedBaseUrls")
    void baseUrlPathPrefixIsKept(Cmd cmd, String how) throws Exception {
        server.enqueue(json(cmd.onlyPage()));
        if (cmd == Cmd.SESSIONS) {
            server.emptyAfterFirstPage(ApiPages.noSessions());
        }
        String url = server.url(how.substring(how.indexOf(' ') + 1)).toString();
        CallxRunner runner = withAllKeys();
        List<String> args = new ArrayList<>(cmd.args);
        args.addAll(List.of("-o", "jsonl"));
        if (how.startsWith("env")) {
            runner.env(cmd.baseUrlEnv, url);
        } else {
            args.addAll(List.of("--base-url", url));
        }
        Result r = runner.run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = take();
        assertThat(req.getUrl().encodedPath()).as(r.toString()).isEqualTo("/zudu" + cmd.path);
        assertThat(query(req)).as(req.getTarget()).isEqualTo(cmd.defaultQuery);
    }

    @Test
    void baseUrlFlagWinsOverTheEnvironment() throws Exception {
        server.enqueue(json(Cmd.CALLS.onlyPage()));
        Result r = withAllKeys().env("ZUDU_BASE_URL", "http://127.0.0.1:1/elsewhere")
                .run("calls", "--base-url", server.url("/zudu").toString(), "-o", "jsonl");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(take().getUrl().encodedPath()).isEqualTo("/zudu/api/calls");
    }
}
