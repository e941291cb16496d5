package dev.callx.provider.zudu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.paging.Page;
import dev.callx.provider.BaseEndpoint;
import dev.callx.provider.Credentials;
import dev.callx.provider.ErrorMessages;
import dev.callx.provider.Paging;
import dev.callx.provider.Platform;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import dev.callx.record.RecordBuilder;
import dev.callx.record.Warnings;
import dev.callx.transcript.Transcripts;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zudu AI {@code GET /api/calls} (api-docs/calls-list.txt): {@code page} from 0, {@code limit},
 * {@code data.pagination.{total_count|total, total_pages, has_next_page}}. Two credential headers.
 */
public final class ZuduCallsEndpoint extends BaseEndpoint {
    public static final Platform PLATFORM = new Platform("zudu", "Zudu AI", "https://api.zudu.ai",
            "ZUDU_BASE_URL", body -> ErrorMessages.first(body, "error", "message", "detail"));
    public static final String API_KEY_ENV = "ZUDU_API_KEY";
    public static final String API_SECRET_ENV = "ZUDU_API_SECRET";
    /** The API documents no maximum for {@code limit}; 100 keeps requests few and responses modest. */
    public static final int PAGE_SIZE = 100;
    static final Paging PAGING = new Paging("page", "limit", 0, PAGE_SIZE, 0);

    /** The sort that lets paging stop at the first page older than --since: the newest calls first. */
    public static final String START_TIMESTAMP = "start_timestamp";
    public static final String DESCENDING = "descending";

    /** @param sortOrder ascending|descending, or null; @param sortBy a field name, or null */
    public ZuduCallsEndpoint(String sortOrder, String sortBy) {
        super(PLATFORM, List.of("api", "calls"), query(sortOrder, sortBy), PAGING);
    }

    private static Map<String, String> query(String sortOrder, String sortBy) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("sort_order", sortOrder);
        q.put("sort_by", sortBy);
        return q;
    }

    @Override
    public Map<String, String> authHeaders(Map<String, String> env) {
        String key = Credentials.get(env, API_KEY_ENV);
        String secret = Credentials.get(env, API_SECRET_ENV);
        if (key == null || secret == null) {
            String missing = key == null && secret == null ? API_KEY_ENV + " and " + API_SECRET_ENV
                    : key == null ? API_KEY_ENV : API_SECRET_ENV;
            throw Credentials.missing(PLATFORM.displayName(), missing);
        }
        return Map.of("X-API-KEY", key, "X-API-SECRET", secret);
    }

    @Override
    public String credentialEnv(Map<String, String> env) {
        return API_KEY_ENV + " and " + API_SECRET_ENV;
    }

    @Override
    public Page parse(JsonNode body, String what) {
        if ("error".equalsIgnoreCase(textAt(body, "status"))) {
            throw reportedFailure(what, "status: error", ErrorMessages.first(body, "error", "message"));
        }
        List<JsonNode> items = requireArray(body, "data.calls", what);
        Long total = longAt(body, "data.pagination.total_count");
        if (total == null) {
            total = longAt(body, "data.pagination.total");
        }
        return new Page(items, boolAt(body, "data.pagination.has_next_page"),
                longAt(body, "data.pagination.total_pages"), total, newestFirst(body));
    }

    /**
     * Whether the page echoes the order {@code sort_by=start_timestamp}, {@code sort_order=descending}
     * (calls-list.txt: {@code data.sort_by}, {@code data.sort_order}). Only a page that says so is taken
     * to be in that order: one that echoes nothing may be sorted any way.
     */
    static boolean newestFirst(JsonNode body) {
        String by = textAt(body, "data.sort_by");
        String order = textAt(body, "data.sort_order");
        return START_TIMESTAMP.equals(by) && order != null
                && (order.equalsIgnoreCase(DESCENDING) || order.equalsIgnoreCase("desc"));
    }

    @Override
    public String idOf(JsonNode record) {
        String id = RecordBuilder.asText(record.get("call_id"));
        return id != null ? id : RecordBuilder.asText(record.get("id"));
    }

    @Override
    public CallRecord map(JsonNode raw, Warnings warnings, ZoneId assumeZone) {
        return new RecordBuilder(raw, PLATFORM.key(), warnings, assumeZone)
                .text(Field.ID, "call_id", "id")
                .timestamp(Field.STARTED_AT, "start_timestamp")
                .timestamp(Field.ENDED_AT, "end_timestamp")
                .scaled(Field.DURATION_SEC, 3, "call_duration")
                .lower(Field.DIRECTION, "direction")
                .lower(Field.CHANNEL, "call_type")
                .text(Field.STATUS, "call_status")
                .text(Field.FROM_NUMBER, "from_number")
                .text(Field.TO_NUMBER, "to_number")
                .text(Field.AGENT_ID, "agent_id")
                .text(Field.ORGANIZATION_ID, "organization_id")
                .number(Field.COST, "call_cost.combined_cost")
                .text(Field.SUMMARY, "call_analysis.call_summary")
                .text(Field.SENTIMENT, "call_analysis.user_sentiment")
                .text(Field.DISCONNECT_REASON, "disconnection_reason")
                .number(Field.LATENCY_MS, "latency.e2e.p50")
                .text(Field.RECORDING_URL, "recording_url")
                .set(Field.TRANSCRIPT, Transcripts.zudu(raw))
                .object(Field.METADATA, "metadata")
                .build();
    }
}
