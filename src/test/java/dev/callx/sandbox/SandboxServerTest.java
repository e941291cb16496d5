package dev.callx.sandbox;

import static dev.callx.sandbox.SandboxHttp.enc;
import static dev.callx.sandbox.SandboxHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Behaviour shared by every endpoint: lifecycle, determinism, routing, faults, scale. */
class SandboxServerTest {

    /** One request per endpoint, with valid credentials. */
    static List<SandboxHttp.Reply> everyEndpoint(Sandbox s) {
        return List.of(
                get(s, "/api/v1/calling/phone-history?include_transcripts=true&phone=" + enc(s.examplePhone()),
                        SandboxHttp.ravanKey(s)),
                get(s, "/api/v1/calling/call-sessions?page_size=50", SandboxHttp.ravanKey(s)),
                get(s, "/api/v1/contacts/" + s.exampleContactId() + "/calls", SandboxHttp.ravanKey(s)),
                get(s, "/api/call-history", SandboxHttp.vaaniKey(s)),
                get(s, "/api/calls?limit=50", SandboxHttp.zuduKeys(s)));
    }

    static List<String> bodiesWithoutBaseUrl(Sandbox s) {
        List<String> out = new ArrayList<>();
        for (SandboxHttp.Reply r : everyEndpoint(s)) {
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            out.add(r.raw().replace(s.baseUrl(), "BASE").replace(s.storageUrl(), "STORAGE"));
        }
        return out;
    }

    @Test
    void baseUrlPortAndCredentials() throws IOException {
        try (Sandbox s = Sandbox.start(SandboxHttp.config(10))) {
            assertThat(s.port()).isPositive();
            assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:" + s.port());
            assertThat(s.credentials()).containsExactly(
                    Map.entry("RAVAN_API_KEY", "sandbox-ravan-key"),
                    Map.entry("RAVAN_TOKEN", "sandbox-ravan-token"),
                    Map.entry("VAANI_API_KEY", "sandbox-vaani-key"),
                    Map.entry("ZUDU_API_KEY", "sandbox-zudu-key"),
                    Map.entry("ZUDU_API_SECRET", "sandbox-zudu-secret"));
            assertThat(s.ravanAgentIds()).hasSize(4).doesNotHaveDuplicates();
        }
    }

    @Test
    void sameSeedSameBodiesDifferentSeedDifferentBodies() throws IOException {
        List<String> first;
        List<String> again;
        List<String> other;
        try (Sandbox a = Sandbox.start(SandboxHttp.config(300))) {
            first = bodiesWithoutBaseUrl(a);
            assertThat(bodiesWithoutBaseUrl(a)).isEqualTo(first);
        }
        try (Sandbox b = Sandbox.start(SandboxHttp.config(300))) {
            again = bodiesWithoutBaseUrl(b);
        }
        try (Sandbox c = Sandbox.start(SandboxHttp.config(300).withSeed(43))) {
            other = bodiesWithoutBaseUrl(c);
        }
        assertThat(again).isEqualTo(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(other.get(i)).as("endpoint %d", i).isNotEqualTo(first.get(i));
        }
    }

    @Test
    void anchorMovesTimestampsOnly() throws IOException {
        JsonNode early;
        JsonNode later;
        try (Sandbox a = Sandbox.start(SandboxHttp.config(50))) {
            early = get(a, "/api/calls?limit=1", SandboxHttp.zuduKeys(a)).json().get("data").get("calls").get(0);
        }
        try (Sandbox b = Sandbox.start(SandboxHttp.config(50).withAnchor(SandboxHttp.ANCHOR.plusSeconds(3600)))) {
            later = get(b, "/api/calls?limit=1", SandboxHttp.zuduKeys(b)).json().get("data").get("calls").get(0);
        }
        assertThat(later.get("call_id")).isEqualTo(early.get("call_id"));
        assertThat(later.get("start_timestamp").asLong() - early.get("start_timestamp").asLong()).isEqualTo(3_600_000L);
    }

    @Test
    void unknownPathAndWrongMethod() throws IOException {
        try (Sandbox s = Sandbox.start(SandboxHttp.config(10))) {
            SandboxHttp.Reply missing = get(s, "/api/v2/nothing", SandboxHttp.ravanKey(s));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).isEqualTo("Not Found");
            assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));

            SandboxHttp.Reply post = SandboxHttp.send(s, "POST", "/api/calls", SandboxHttp.zuduKeys(s));
            assertThat(post.status()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET");
            assertThat(post.json().get("status").asText()).isEqualTo("error");
            SandboxHttp.Reply delete = SandboxHttp.send(s, "DELETE", "/api/call-history", SandboxHttp.vaaniKey(s));
            assertThat(delete.status()).isEqualTo(405);
            assertThat(delete.json().get("detail").asText()).isEqualTo("Method Not Allowed");
        }
    }

    @Test
    void errorRateOneAnswers503EverywhereButChecksCredentialsFirst() throws IOException {
        try (Sandbox s = Sandbox.start(SandboxHttp.config(20).withErrorRate(1.0))) {
            List<SandboxHttp.Reply> replies = everyEndpoint(s);
            for (SandboxHttp.Reply r : replies) {
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.json().isObject()).isTrue();
            }
            assertThat(replies.get(0).json().get("success").asBoolean()).isFalse();
            assertThat(replies.get(3).json().get("detail").asText()).contains("Service Unavailable");
            assertThat(replies.get(4).json().get("status").asText()).isEqualTo("error");
            assertThat(get(s, "/api/call-history", "X-API-Key", "wrong").status()).isEqualTo(401);
        }
    }

    @Test
    void rateLimitRateOneAnswers429WithRetryAfter() throws IOException {
        try (Sandbox s = Sandbox.start(SandboxHttp.config(20).withRateLimitRate(1.0))) {
            for (SandboxHttp.Reply r : everyEndpoint(s)) {
                assertThat(r.status()).isEqualTo(429);
                assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(r.json().isObject()).isTrue();
            }
        }
    }

    @Test
    void partialFaultRatesAreDeterministicMixes() throws IOException {
        List<Integer> first = statuses(SandboxHttp.config(20).withErrorRate(0.3).withRateLimitRate(0.3));
        assertThat(first).contains(200, 429, 503);
        assertThat(statuses(SandboxHttp.config(20).withErrorRate(0.3).withRateLimitRate(0.3))).isEqualTo(first);
    }

    private static List<Integer> statuses(SandboxConfig config) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (Sandbox s = Sandbox.start(config)) {
            for (int i = 0; i < 40; i++) {
                out.add(get(s, "/api/call-history?page_size=1", SandboxHttp.vaaniKey(s)).status());
            }
        }
        return out;
    }

    @Test
    void latencyDoesNotBreakAnything() throws IOException {
        try (Sandbox s = Sandbox.start(SandboxHttp.config(20).withLatency(Duration.ofMillis(5)))) {
            assertThat(get(s, "/api/call-history", SandboxHttp.vaaniKey(s)).status()).isEqualTo(200);
        }
    }

    @Test
    void concurrentRequests() throws Exception {
        try (Sandbox s = Sandbox.start(SandboxHttp.config(2000))) {
            HttpClient client = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int page = 1; page <= 32; page++) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(s.baseUrl()
                                + "/api/v1/calling/call-sessions?page_size=50&search=a&page=" + page))
                        .header("X-Api-Key", s.credentials().get("RAVAN_API_KEY")).build();
                futures.add(client.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : futures) {
                assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void zeroCalls() throws IOException {
        try (Sandbox s = Sandbox.start(SandboxHttp.config(0))) {
            JsonNode vaani = get(s, "/api/call-history", SandboxHttp.vaaniKey(s)).json();
            assertThat(vaani.get("data").size()).isZero();
            assertThat(vaani.get("pagination").get("total_pages").asInt()).isZero();
            assertThat(vaani.get("pagination").get("has_next").asBoolean()).isFalse();
            JsonNode zudu = get(s, "/api/calls", SandboxHttp.zuduKeys(s)).json().get("data");
            assertThat(zudu.get("pagination").get("total_count").asInt()).isZero();
            assertThat(zudu.get("pagination").get("has_next_page").asBoolean()).isFalse();
            assertThat(get(s, "/api/v1/calling/call-sessions?search=x", SandboxHttp.ravanKey(s)).json()
                    .get("data").get("callSessions").size()).isZero();
            assertThat(get(s, "/api/v1/contacts/" + s.exampleContactId() + "/calls", SandboxHttp.ravanKey(s)).json()
                    .get("data").size()).isZero();
            JsonNode history = get(s, "/api/v1/calling/phone-history?phone=" + enc(s.examplePhone()),
                    SandboxHttp.ravanKey(s)).json();
            assertThat(history.get("total_count").asInt()).isZero();
            assertThat(history.get("calls").size()).isZero();
        }
    }

    @Test
    void hundredThousandCallsStartAndPage() throws IOException {
        try (Sandbox s = Sandbox.start(SandboxHttp.config(100_000))) {
            JsonNode last = get(s, "/api/call-history?page_size=200&page=500", SandboxHttp.vaaniKey(s)).json();
            assertThat(last.get("data").size()).isEqualTo(200);
            assertThat(last.get("pagination").get("has_next").asBoolean()).isFalse();
            JsonNode zudu = get(s, "/api/calls?limit=500&page=199", SandboxHttp.zuduKeys(s)).json().get("data");
            assertThat(zudu.get("returned_count").asInt()).isEqualTo(500);
            assertThat(zudu.get("pagination").get("has_next_page").asBoolean()).isFalse();
            String agent = s.ravanAgentIds().get(1);
            String filtered = "/api/v1/calling/call-sessions?page_size=500&status=completed&agent_id=" + agent;
            // the last page, found by bisection (a page past the end is empty): a short page of matches
            int nonEmpty = 1;
            int empty = 200; // 100,000 calls / 500
            assertThat(sessionsOnPage(s, filtered, empty)).isEmpty();
            while (empty - nonEmpty > 1) {
                int mid = (nonEmpty + empty) / 2;
                if (sessionsOnPage(s, filtered, mid).isEmpty()) {
                    empty = mid;
                } else {
                    nonEmpty = mid;
                }
            }
            List<JsonNode> lastMatches = sessionsOnPage(s, filtered, nonEmpty);
            int matching = (nonEmpty - 1) * 500 + lastMatches.size();
            assertThat(matching).as("an agent's completed calls, of 100,000 (sandbox package-info)")
                    .isBetween(10_000, 40_000);
            assertThat(lastMatches).hasSizeBetween(1, 500).allSatisfy(c -> {
                assertThat(c.get("agentId").asText()).isEqualTo(agent);
                assertThat(c.get("status").asText()).isEqualTo("completed");
            });
            // every call of the busiest contact's phone, page by page: as many as total_count says
            String phone = "/api/v1/calling/phone-history?page_size=100&phone=" + enc(s.examplePhone());
            JsonNode first = get(s, phone, SandboxHttp.ravanKey(s)).json();
            int total = first.get("total_count").asInt();
            Set<String> ids = new HashSet<>();
            for (int page = 1; page <= 100; page++) {
                JsonNode calls = get(s, phone + "&page=" + page, SandboxHttp.ravanKey(s)).json().get("calls");
                if (calls.isEmpty()) {
                    break;
                }
                calls.forEach(c -> {
                    assertThat(List.of(c.get("caller_number").asText(), c.get("callee_number").asText()))
                            .contains(s.examplePhone());
                    ids.add(c.get("id").asText());
                });
            }
            assertThat(ids).hasSize(total);
            assertThat(total).isGreaterThan(20);
        }
    }

    private static List<JsonNode> sessionsOnPage(Sandbox s, String query, int page) {
        return SandboxHttp.list(get(s, query + "&page=" + page, SandboxHttp.ravanKey(s)).json()
                .get("data").get("callSessions"));
    }
}
