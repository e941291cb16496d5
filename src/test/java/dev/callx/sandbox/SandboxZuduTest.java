package dev.callx.sandbox;

import static dev.callx.sandbox.SandboxHttp.fieldNames;
import static dev.callx.sandbox.SandboxHttp.get;
import static dev.callx.sandbox.SandboxHttp.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxZuduTest {

    static final String PATH = "/api/calls";
    static final List<String> FIELDS = List.of("id", "call_id", "agent_id", "organization_id", "call_status",
            "call_type", "direction", "from_number", "to_number", "start_timestamp", "end_timestamp", "call_duration",
            "disconnection_reason", "recording_url", "public_log_url", "opt_out_sensitive_data_storage", "metadata",
            "events", "transcript", "transcript_object", "transcript_with_tool_calls", "latency", "call_analysis",
            "call_cost", "telephony_identifier");

    static Sandbox sandbox;
    static String[] keys;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxHttp.config(1000));
        keys = SandboxHttp.zuduKeys(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void pageZeroIsTheFirstPage() {
        JsonNode body = get(sandbox, PATH, keys).json();
        assertThat(fieldNames(body)).containsExactly("message", "status", "error", "data");
        assertThat(body.get("status").asText()).isEqualTo("success");
        assertThat(body.get("error").isNull()).isTrue();
        JsonNode data = body.get("data");
        assertThat(fieldNames(data)).containsExactly("organization_id", "calls", "pagination", "returned_count",
                "sort_order", "sort_by", "applied_filters");
        assertThat(data.get("calls").size()).isEqualTo(20);
        assertThat(data.get("returned_count").asInt()).isEqualTo(20);
        assertThat(data.get("sort_order").asText()).isEqualTo("descending");
        assertThat(data.get("sort_by").asText()).isEqualTo("start_timestamp");
        assertThat(data.get("applied_filters").isObject()).isTrue();
        JsonNode p = data.get("pagination");
        assertThat(fieldNames(p)).containsExactly("page", "limit", "total_count", "total_pages", "has_next_page",
                "has_previous_page");
        assertThat(p.get("page").asInt()).isZero();
        assertThat(p.get("limit").asInt()).isEqualTo(20);
        assertThat(p.get("total_count").asInt()).isEqualTo(1000);
        assertThat(p.get("total_pages").asInt()).isEqualTo(50);
        assertThat(p.get("has_next_page").asBoolean()).isTrue();
        assertThat(p.get("has_previous_page").asBoolean()).isFalse();
        assertThat(get(sandbox, PATH + "?page=0", keys).raw()).isEqualTo(get(sandbox, PATH, keys).raw());
    }

    @Test
    void recordShape() {
        JsonNode data = get(sandbox, PATH + "?limit=200", keys).json().get("data");
        List<JsonNode> calls = list(data.get("calls"));
        long previous = Long.MAX_VALUE;
        for (JsonNode c : calls) {
            assertThat(fieldNames(c)).containsExactlyElementsOf(FIELDS);
            assertThat(c.get("organization_id").asText()).isEqualTo(data.get("organization_id").asText());
            assertThat(c.get("call_type").asText()).isIn("PHONE_CALL", "WEB_CALL");
            assertThat(c.get("direction").asText()).isIn("INBOUND", "OUTBOUND");
            assertThat(c.get("call_status").asText()).isIn("ENDED", "NOT_CONNECTED", "ERROR");
            long start = c.get("start_timestamp").asLong();
            assertThat(start).isLessThan(previous).isLessThan(SandboxHttp.ANCHOR.toEpochMilli());
            previous = start;
            assertThat(c.get("end_timestamp").asLong() - start).isEqualTo(c.get("call_duration").asLong());
            assertThat(c.get("call_cost").get("combined_cost").isNumber()).isTrue();
            assertThat(c.get("call_analysis").has("call_summary")).isTrue();
        }
        JsonNode ended = calls.stream().filter(c -> c.get("call_status").asText().equals("ENDED")).findFirst().orElseThrow();
        assertThat(ended.get("latency").get("e2e").get("p50").isNumber()).isTrue();
        assertThat(ended.get("transcript").asText()).startsWith("Agent: ");
        assertThat(calls).anyMatch(c -> c.get("call_type").asText().equals("WEB_CALL") && c.get("from_number").isNull());
    }

    @Test
    void pagingAllTheWay() {
        Set<String> ids = new HashSet<>();
        for (int page = 0; page < 4; page++) {
            JsonNode data = get(sandbox, PATH + "?limit=300&page=" + page, keys).json().get("data");
            JsonNode p = data.get("pagination");
            assertThat(p.get("total_pages").asInt()).isEqualTo(4);
            assertThat(p.get("has_next_page").asBoolean()).isEqualTo(page < 3);
            assertThat(p.get("has_previous_page").asBoolean()).isEqualTo(page > 0);
            assertThat(data.get("returned_count").asInt()).isEqualTo(page < 3 ? 300 : 100);
            data.get("calls").forEach(c -> ids.add(c.get("call_id").asText()));
        }
        assertThat(ids).hasSize(1000);
        JsonNode beyond = get(sandbox, PATH + "?limit=300&page=4", keys).json().get("data");
        assertThat(beyond.get("calls").size()).isZero();
        assertThat(beyond.get("returned_count").asInt()).isZero();
    }

    @Test
    void sortOrderAndField() {
        List<JsonNode> desc = list(get(sandbox, PATH + "?limit=500&page=1", keys).json().get("data").get("calls"));
        List<JsonNode> asc = list(get(sandbox, PATH + "?limit=500&sort_order=ascending", keys).json().get("data").get("calls"));
        assertThat(asc).extracting(c -> c.get("start_timestamp").asLong()).isSorted();
        assertThat(asc.get(0).get("id")).isEqualTo(desc.get(desc.size() - 1).get("id"));
        JsonNode byDuration = get(sandbox, PATH + "?limit=500&sort_by=call_duration&sort_order=ascending", keys).json().get("data");
        assertThat(byDuration.get("sort_by").asText()).isEqualTo("call_duration");
        assertThat(list(byDuration.get("calls"))).extracting(c -> c.get("call_duration").asLong()).isSorted();
        List<JsonNode> byEnd = list(get(sandbox, PATH + "?limit=500&sort_by=end_timestamp", keys).json().get("data").get("calls"));
        assertThat(byEnd).extracting(c -> c.get("end_timestamp").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertZuduError(get(sandbox, PATH + "?sort_order=up", keys), 400, "sort_order must be ascending or descending");
        assertZuduError(get(sandbox, PATH + "?sort_by=cost", keys), 400, "sort_by");
    }

    @Test
    void limitAboveMaximum() {
        assertThat(get(sandbox, PATH + "?limit=500", keys).json().get("data").get("calls").size()).isEqualTo(500);
        assertZuduError(get(sandbox, PATH + "?limit=501", keys), 400, "limit must be <= 500");
        assertZuduError(get(sandbox, PATH + "?limit=0", keys), 400, "limit must be >= 1");
        assertZuduError(get(sandbox, PATH + "?page=-1", keys), 400, "page must be >= 0");
        assertZuduError(get(sandbox, PATH + "?page=first", keys), 400, "page must be an integer");
    }

    @Test
    void needsKeyAndSecret() {
        String key = keys[1];
        String secret = keys[3];
        assertZuduError(get(sandbox, PATH), 401, "invalid API key or secret");
        assertZuduError(get(sandbox, PATH, "X-API-KEY", key), 401, "invalid API key or secret");
        assertZuduError(get(sandbox, PATH, "X-API-SECRET", secret), 401, "invalid API key or secret");
        assertZuduError(get(sandbox, PATH, "X-API-KEY", key, "X-API-SECRET", "wrong"), 401, "invalid API key or secret");
        assertZuduError(get(sandbox, PATH, "X-API-KEY", "wrong", "X-API-SECRET", secret), 401, "invalid API key or secret");
        SandboxHttp.Reply unauthorized = get(sandbox, PATH);
        assertThat(unauthorized.json().get("message").asText()).isEqualTo("Unauthorized");
        assertThat(get(sandbox, PATH, "x-api-key", key, "x-api-secret", secret).status()).isEqualTo(200);
    }

    static void assertZuduError(SandboxHttp.Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        JsonNode body = reply.json();
        assertThat(fieldNames(body)).containsExactly("message", "status", "error", "data");
        assertThat(body.get("status").asText()).isEqualTo("error");
        assertThat(body.get("error").asText()).contains(error);
        assertThat(body.get("data").isNull()).isTrue();
    }
}
