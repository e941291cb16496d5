package dev.callx.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.record.Json;
import dev.callx.sandbox.Sandbox;
import dev.callx.sandbox.SandboxConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every record the sandbox serves, redacted as for {@code --raw}: no phone number, address or
 * caller name is left, and ids, times, costs, URLs and every number outside phone keys are intact.
 */
class RedactSandboxDataTest {

    private static final Pattern PHONE_LEFT = Pattern.compile("\\+\\d{8,}");
    private static final Set<String> INTACT = Set.of("id", "call_id", "agent_id", "agentId", "organization_id",
            "organizationId", "roomId", "room_id", "client_id", "call_session_id", "startedAt", "started_at", "endedAt",
            "ended_at", "createdAt", "created_at", "Start_time", "End_time", "costTotal", "cost_total", "recording_url",
            "recordingUrl", "recording_api", "call_transcription", "public_log_url", "call_sid", "conference_sid",
            "batch_call_id", "customer_id", "contact_id", "callback_id", "status", "channel", "call_status",
            "agent_name", "agentName", "role", "intent", "call_dialing_at", "call_ringing_at", "user_picked_up_at");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void nothingPersonalLeftAndNothingElseChanged() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        try (Sandbox s = Sandbox.start(SandboxConfig.defaults().withCalls(400)
                .withAnchor(Instant.parse("2026-06-01T12:00:00Z")))) {
            Map<String, String> env = s.credentials();
            String phone = URLEncoder.encode(s.examplePhone(), StandardCharsets.UTF_8);
            records.addAll(list(get(s, "/api/v1/calling/phone-history?page_size=100&include_transcripts=true&phone=" + phone,
                    "X-Api-Key", env.get("RAVAN_API_KEY")).get("calls")));
            JsonNode sessions = get(s, "/api/v1/calling/call-sessions?page_size=400", "X-Api-Key", env.get("RAVAN_API_KEY"))
                    .get("data").get("callSessions");
            records.addAll(list(sessions));
            for (int i = 0; i < 20; i++) {
                records.add(get(s, "/api/v1/calling/call-sessions-detail/" + sessions.get(i).get("id").asText(),
                        "X-Api-Key", env.get("RAVAN_API_KEY")).get("data"));
            }
            records.addAll(list(get(s, "/api/call-history?page_size=200", "X-API-Key", env.get("VAANI_API_KEY")).get("data")));
            records.addAll(list(get(s, "/api/calls?limit=400", "X-API-KEY", env.get("ZUDU_API_KEY"), "X-API-SECRET",
                    env.get("ZUDU_API_SECRET")).get("data").get("calls")));
        }
        assertThat(records).hasSizeGreaterThan(1000);
        Redactor redactor = new Redactor(RedactorTextTest.KEY);
        List<String> problems = new ArrayList<>();
        for (JsonNode in : records) {
            compare(in, redactor.redact(in), null, problems);
        }
        assertThat(problems).isEmpty();
    }

    private static void compare(JsonNode in, JsonNode out, String key, List<String> problems) {
        if (in.isObject()) {
            Iterator<String> names = in.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                compare(in.get(k), out.get(k), k, problems);
            }
        } else if (in.isArray()) {
            for (int i = 0; i < in.size(); i++) {
                compare(in.get(i), out.get(i), key, problems);
            }
        } else if (in.isTextual()) {
            String value = out.textValue();
            if (PHONE_LEFT.matcher(value).find() || value.contains("@")) {
                problems.add(key + ": left in " + value);
            }
            if (INTACT.contains(key) && !value.equals(in.textValue())) {
                problems.add(key + ": changed " + in.textValue() + " -> " + value);
            }
            if (Set.of("caller_name", "callerName", "customer_name", "name").contains(key) && !value.startsWith("name:")) {
                problems.add(key + ": not a name token: " + value);
            }
        } else if (!Keys.phone(key) && !in.equals(out)) {
            problems.add(key + ": changed " + in + " -> " + out);
        }
    }

    private static JsonNode get(Sandbox s, String path, String... headers) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(s.baseUrl() + path)).headers(headers).build();
        HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
