package dev.callx.sandbox;

import static dev.callx.sandbox.SandboxHttp.enc;
import static dev.callx.sandbox.SandboxHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
                assertThat(f.get().statusCode()).isEqualTo(200);
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
            assertThat(s.ravanCallsMatchingPhone(s.examplePhone())).isZero();
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
            int matching = s.ravanSessionsMatching(Map.of("agent_id", agent, "status", "completed"));
            assertThat(matching).isBetween(10_000, 40_000);
            JsonNode sessions = get(s, "/api/v1/calling/call-sessions?page_size=500&status=completed&agent_id=" + agent
                    + "&page=" + (matching / 500 + 1), SandboxHttp.ravanKey(s)).json();
            assertThat(sessions.get("data").get("callSessions").size()).isEqualTo(matching % 500);
            JsonNode history = get(s, "/api/v1/calling/phone-history?phone=" + enc(s.examplePhone()),
                    SandboxHttp.ravanKey(s)).json();
            assertThat(history.get("total_count").asInt()).isEqualTo(s.ravanCallsMatchingPhone(s.examplePhone()))
                    .isGreaterThan(20);
        }
    }

    @Test
    void closeStopsServingAndIsIdempotent() throws IOException {
        Sandbox s = Sandbox.start(SandboxHttp.config(10).withLatency(Duration.ofMillis(1)));
        assertThat(get(s, "/api/call-history", SandboxHttp.vaaniKey(s)).status()).isEqualTo(200);
        s.close();
        s.close();
        assertThatThrownBy(() -> get(s, "/api/call-history", SandboxHttp.vaaniKey(s)))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void fixedPortIsHonoured() throws IOException {
        int port;
        try (Sandbox probe = Sandbox.start(SandboxHttp.config(1))) {
            port = probe.port();
        }
        try (Sandbox s = Sandbox.start(SandboxHttp.config(1).withPort(port))) {
            assertThat(s.port()).isEqualTo(port);
            assertThat(s.baseUrl()).endsWith(":" + port);
        }
    }
}
