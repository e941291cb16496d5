package dev.callx.sandbox;

import static dev.callx.sandbox.SandboxHttp.fieldNames;
import static dev.callx.sandbox.SandboxHttp.get;
import static dev.callx.sandbox.SandboxHttp.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxVaaniTest {

    static final String PATH = "/api/call-history";
    static final List<String> FIELDS = List.of("call_id", "call_type", "call_status", "direction", "agent_name",
            "agent_id", "client_name", "client_id", "from_number", "to_number", "Start_time", "End_time",
            "duration_ms", "call_cost", "call_summary", "call_entity", "call_eval_tag", "call_conversation_quality",
            "post_processing_status", "call_dialing_at", "call_ringing_at", "user_picked_up_at", "recording_api",
            "call_transcription", "call_metadata", "chat_history", "callback_requested", "callback_id",
            "callback_status");

    static Sandbox sandbox;
    static String[] key;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxHttp.config(1000));
        key = SandboxHttp.vaaniKey(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void firstPageWithDefaults() {
        JsonNode body = get(sandbox, PATH, key).json();
        assertThat(fieldNames(body)).containsExactly("data", "pagination");
        assertThat(body.get("data").size()).isEqualTo(50);
        JsonNode p = body.get("pagination");
        assertThat(fieldNames(p)).containsExactly("page", "page_size", "total_count", "total_pages", "has_next", "has_previous");
        assertThat(p.get("page").asInt()).isEqualTo(1);
        assertThat(p.get("page_size").asInt()).isEqualTo(50);
        assertThat(p.get("total_count").asInt()).isEqualTo(1000);
        assertThat(p.get("total_pages").asInt()).isEqualTo(20);
        assertThat(p.get("has_next").asBoolean()).isTrue();
        assertThat(p.get("has_previous").asBoolean()).isFalse();
    }

    @Test
    void recordShape() {
        List<JsonNode> records = list(get(sandbox, PATH + "?page_size=200", key).json().get("data"));
        assertThat(records).hasSize(200);
        String localTime = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";
        LocalDateTime anchor = LocalDateTime.ofInstant(SandboxHttp.ANCHOR, ZoneOffset.UTC);
        String previous = "9999";
        for (JsonNode r : records) {
            assertThat(fieldNames(r)).containsExactlyElementsOf(FIELDS);
            assertThat(r.get("Start_time").asText()).matches(localTime);
            assertThat(r.get("End_time").asText()).matches(localTime);
            assertThat(r.get("Start_time").asText()).isLessThanOrEqualTo(previous);
            previous = r.get("Start_time").asText();
            assertThat(LocalDateTime.parse(r.get("End_time").asText())).isBefore(anchor);
            assertThat(r.get("call_type").asText()).isIn("Inbound", "Outbound").isEqualTo(r.get("direction").asText());
            assertThat(r.get("call_status").asText()).isIn("User disconnected", "Agent disconnected", "Completed",
                    "No answer", "Failed");
            assertThat(r.get("duration_ms").isNumber()).isTrue();
            assertThat(r.get("call_cost").isNumber()).isTrue();
            assertThat(fieldNames(r.get("call_metadata"))).containsExactly("name", "phone", "agent_name", "agent_id", "client_id");
            assertThat(r.get("call_id").asText()).startsWith(r.get("direction").asText().toLowerCase(Locale.ROOT) + "-");
        }
        assertThat(records).extracting(r -> r.get("call_status").asText())
                .contains("User disconnected", "Agent disconnected", "Completed", "No answer");
        JsonNode answered = records.stream().filter(r -> r.get("call_status").asText().equals("Completed")).findFirst().orElseThrow();
        assertThat(answered.get("recording_api").asText()).startsWith(sandbox.baseUrl() + "/api/stream/");
        assertThat(answered.get("call_summary").asText()).isNotBlank();
    }

    @Test
    void pagingToTheShortLastPage() {
        Set<String> ids = new HashSet<>();
        int pages = 0;
        boolean hasNext = true;
        for (int page = 1; hasNext; page++) {
            JsonNode body = get(sandbox, PATH + "?page_size=150&page=" + page, key).json();
            JsonNode p = body.get("pagination");
            assertThat(p.get("total_pages").asInt()).isEqualTo(7);
            assertThat(p.get("has_previous").asBoolean()).isEqualTo(page > 1);
            hasNext = p.get("has_next").asBoolean();
            assertThat(body.get("data").size()).isEqualTo(hasNext ? 150 : 100);
            body.get("data").forEach(r -> ids.add(r.get("call_id").asText()));
            pages++;
        }
        assertThat(pages).isEqualTo(7);
        assertThat(ids).hasSize(1000);
        JsonNode beyond = get(sandbox, PATH + "?page_size=150&page=8", key).json();
        assertThat(beyond.get("data").size()).isZero();
        assertThat(beyond.get("pagination").get("has_next").asBoolean()).isFalse();
    }

    @Test
    void pageSizeAboveMaximumIsFastApi422() {
        SandboxHttp.Reply reply = get(sandbox, PATH + "?page_size=201", key);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.raw()).isEqualTo("{\"detail\":[{\"loc\":[\"query\",\"page_size\"],"
                + "\"msg\":\"ensure this value is less than or equal to 200\",\"type\":\"value_error.number.not_le\"}]}");
        JsonNode notInt = get(sandbox, PATH + "?page_size=lots", key).json().get("detail").get(0);
        assertThat(notInt.get("msg").asText()).isEqualTo("value is not a valid integer");
        assertThat(notInt.get("type").asText()).isEqualTo("type_error.integer");
        SandboxHttp.Reply page0 = get(sandbox, PATH + "?page=0", key);
        assertThat(page0.status()).isEqualTo(422);
        assertThat(page0.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"page\"]");
        assertThat(page0.json().get("detail").get(0).get("type").asText()).isEqualTo("value_error.number.not_ge");
        assertThat(get(sandbox, PATH + "?page_size=200", key).status()).isEqualTo(200);
    }

    @Test
    void wrongOrMissingKeyIs401() {
        for (SandboxHttp.Reply reply : List.of(get(sandbox, PATH), get(sandbox, PATH, "X-API-Key", "nope"),
                get(sandbox, PATH, SandboxHttp.ravanKey(sandbox)))) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.raw()).isEqualTo("{\"detail\":\"Invalid API key\"}");
        }
        assertThat(get(sandbox, PATH, "x-api-key", key[1]).status()).isEqualTo(200);
    }
}
