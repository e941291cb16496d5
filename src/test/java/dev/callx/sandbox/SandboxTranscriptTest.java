package dev.callx.sandbox;

import static dev.callx.sandbox.SandboxHttp.enc;
import static dev.callx.sandbox.SandboxHttp.fieldNames;
import static dev.callx.sandbox.SandboxHttp.get;
import static dev.callx.sandbox.SandboxHttp.list;
import static dev.callx.sandbox.SandboxHttp.pathOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.transcript.DetailBodies;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vaani's transcript endpoint and Ravan's session detail, as api-docs/vaani-transcript.txt and ravan-call-session-detail.txt say. */
class SandboxTranscriptTest {

    static final String DETAIL = "/api/v1/calling/call-sessions-detail/";
    static final List<String> DETAIL_FIELDS = List.of("id", "agent_id", "agent_name", "organization_id", "room_id",
            "caller_number", "callee_number", "channel", "status", "summary", "metadata", "disconnect_reason",
            "call_latency_ms", "duration_sec", "recording_url", "cost_total", "credit_breakdown",
            "post_call_analysis_result", "started_at", "ended_at", "created_at", "transcripts");
    static final String VAANI_NOT_FOUND =
            "{\"transcript\":\"Transcript not found in Azure Blob Storage\",\"status_code\":404,\"function\":\"get_transcript\"}";

    static Sandbox sandbox;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxHttp.config(1000));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static List<JsonNode> vaaniCalls() {
        return list(get(sandbox, "/api/call-history?page_size=200", SandboxHttp.vaaniKey(sandbox)).json().get("data"));
    }

    @Test
    void vaaniTranscriptsOfAnsweredCallsWithAFewNotGeneratedYet() {
        int answered = 0;
        int missing = 0;
        for (JsonNode call : vaaniCalls()) {
            JsonNode url = call.get("call_transcription");
            if (url.isNull()) {
                continue;
            }
            answered++;
            assertThat(url.asText()).isEqualTo(sandbox.baseUrl() + "/api/transcript/" + call.get("call_id").asText());
            SandboxHttp.Reply r = get(sandbox, pathOf(url.asText()), SandboxHttp.vaaniKey(sandbox));
            if (r.status() == 404) {
                missing++;
                assertThat(r.raw()).isEqualTo(VAANI_NOT_FOUND);
                continue;
            }
            assertThat(r.status()).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(fieldNames(body)).containsExactly("transcript", "status_code", "function");
            assertThat(body.get("status_code").asInt()).isEqualTo(200);
            assertThat(body.get("function").asText()).isEqualTo("get_transcript");
            String text = body.get("transcript").asText();
            assertThat(text).startsWith("AGENT: ").contains("\n\n USER: ").doesNotEndWith("\n");
            for (String turn : text.split("\n\n ")) {
                assertThat(turn).matches("(AGENT|USER): \\S.*");
            }
            String rendered = DetailBodies.vaaniTranscript(body);
            assertThat(rendered.split("\n")).hasSize(text.split("\n\n ").length);
            assertThat(rendered).startsWith("agent: ").contains("\nuser: ");
        }
        assertThat(answered).isGreaterThan(100);
        assertThat(missing).as("%d of %d answered calls without a transcript", missing, answered)
                .isBetween(1, answered * 12 / 100);
    }

    @Test
    void vaaniTranscriptOfAnUnansweredOrUnknownCallIs404() {
        JsonNode unanswered = vaaniCalls().stream().filter(c -> c.get("call_transcription").isNull()).findFirst()
                .orElseThrow();
        SandboxHttp.Reply r = get(sandbox, "/api/transcript/" + unanswered.get("call_id").asText(),
                SandboxHttp.vaaniKey(sandbox));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.raw()).isEqualTo(VAANI_NOT_FOUND);
        SandboxHttp.Reply unknown = get(sandbox, "/api/transcript/outbound-1-00000000", SandboxHttp.vaaniKey(sandbox));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.raw()).isEqualTo(VAANI_NOT_FOUND);
    }

    @Test
    void vaaniMissingCallIdIs422AndTheKeyIsRequired() {
        for (String path : List.of("/api/transcript/", "/api/transcript", "/api/stream/")) {
            SandboxHttp.Reply r = get(sandbox, path, SandboxHttp.vaaniKey(sandbox));
            assertThat(r.status()).as(path).isEqualTo(422);
            assertThat(r.raw()).isEqualTo("{\"detail\":[{\"loc\":[\"path\",\"call_id\"],\"msg\":\"field required\","
                    + "\"type\":\"value_error.missing\"}]}");
        }
        String id = vaaniCalls().get(0).get("call_id").asText();
        assertThat(get(sandbox, "/api/transcript/" + id).status()).isEqualTo(401);
        assertThat(get(sandbox, "/api/transcript/" + id, "X-API-Key", "wrong").json().get("detail").asText())
                .isEqualTo("Invalid API key");
        assertThat(get(sandbox, "/api/transcript/" + id, SandboxHttp.ravanKey(sandbox)).status()).isEqualTo(401);
        assertThat(get(sandbox, "/api/transcript/" + id + "/more", SandboxHttp.vaaniKey(sandbox)).status()).isEqualTo(404);
    }

    @Test
    void vaaniTranscriptsAreTheSameInAnotherSandboxWithTheSameSeed() throws IOException {
        List<String> ids = vaaniCalls().stream().filter(c -> !c.get("call_transcription").isNull())
                .limit(20).map(c -> c.get("call_id").asText()).toList();
        try (Sandbox other = Sandbox.start(SandboxHttp.config(1000))) {
            for (String id : ids) {
                assertThat(get(other, "/api/transcript/" + id, SandboxHttp.vaaniKey(other)).raw())
                        .isEqualTo(get(sandbox, "/api/transcript/" + id, SandboxHttp.vaaniKey(sandbox)).raw());
            }
        }
    }

    @Test
    void ravanDetailHasTheDocumentedShapeAndTheListsValues() {
        List<JsonNode> sessions = list(get(sandbox, "/api/v1/calling/call-sessions?page_size=100",
                SandboxHttp.ravanKey(sandbox)).json().get("data").get("callSessions"));
        int completed = 0;
        int withoutTranscript = 0;
        for (JsonNode s : sessions) {
            SandboxHttp.Reply r = get(sandbox, DETAIL + s.get("id").asText(), SandboxHttp.ravanKey(sandbox));
            assertThat(r.status()).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(fieldNames(body)).containsExactly("success", "message", "data");
            assertThat(body.get("success").asBoolean()).isTrue();
            JsonNode d = body.get("data");
            assertThat(fieldNames(d)).containsExactlyElementsOf(DETAIL_FIELDS);
            assertThat(d.get("id").asText()).isEqualTo(s.get("id").asText());
            assertThat(d.get("caller_number").asText()).isEqualTo(s.get("callerNumber").asText());
            assertThat(d.get("started_at").asText()).isEqualTo(s.get("startedAt").asText());
            assertThat(d.get("cost_total").asText()).isEqualTo(s.get("costTotal").asText()).matches("\\d+\\.\\d\\d");
            assertThat(d.get("recording_url")).isEqualTo(s.get("recordingUrl"));
            assertThat(d.get("transcripts").isArray()).isTrue();
            if (s.get("status").asText().equals("completed")) {
                completed++;
                if (d.get("transcripts").isEmpty()) {
                    withoutTranscript++;
                } else {
                    JsonNode turn = d.get("transcripts").get(0);
                    assertThat(fieldNames(turn)).containsExactly("id", "call_session_id", "message", "timestamp_ms",
                            "created_at");
                    assertThat(turn.get("message").get("role").asText()).isEqualTo("agent");
                    assertThat(DetailBodies.ravanSessionDetail(body)).startsWith("agent: ").contains("\nuser: ");
                }
            } else {
                assertThat(d.get("transcripts").isEmpty()).isTrue();
                assertThat(DetailBodies.ravanSessionDetail(body)).isNull();
            }
        }
        assertThat(completed).isGreaterThan(50);
        assertThat(withoutTranscript).as("%d of %d", withoutTranscript, completed).isLessThanOrEqualTo(completed * 12 / 100);
    }

    @Test
    void ravanDetailTranscriptsAreThoseOfPhoneHistory() {
        List<JsonNode> calls = list(get(sandbox, "/api/v1/calling/phone-history?page_size=100&include_transcripts=true"
                + "&phone=" + enc(sandbox.examplePhone()), SandboxHttp.ravanKey(sandbox)).json().get("calls"));
        Map<String, JsonNode> byId = new HashMap<>();
        calls.forEach(c -> byId.put(c.get("id").asText(), c.get("transcripts")));
        assertThat(byId).hasSizeGreaterThan(20);
        int nonEmpty = 0;
        for (Map.Entry<String, JsonNode> e : byId.entrySet()) {
            JsonNode detail = get(sandbox, DETAIL + e.getKey(), SandboxHttp.ravanKey(sandbox)).json().get("data");
            assertThat(detail.get("transcripts")).as(e.getKey()).isEqualTo(e.getValue());
            nonEmpty += e.getValue().isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isPositive();
    }

    @Test
    void ravanDetailErrors() {
        SandboxHttp.Reply unknown = get(sandbox, DETAIL + "00000000-0000-4000-8000-000000000000", SandboxHttp.ravanKey(sandbox));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.raw()).isEqualTo("{\"success\":false,\"message\":\"call session not found\"}");
        String id = list(get(sandbox, "/api/v1/calling/call-sessions?page_size=1", SandboxHttp.ravanKey(sandbox)).json()
                .get("data").get("callSessions")).get(0).get("id").asText();
        assertThat(get(sandbox, DETAIL + id).status()).isEqualTo(401);
        assertThat(get(sandbox, DETAIL + id, SandboxHttp.ravanBearer(sandbox)).status())
                .as("the detail documents X-Api-Key only").isEqualTo(401);
        assertThat(get(sandbox, DETAIL + id + "/", SandboxHttp.ravanKey(sandbox)).status()).isEqualTo(200);
    }
}
