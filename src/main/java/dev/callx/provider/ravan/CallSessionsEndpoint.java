package dev.callx.provider.ravan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.paging.Page;
import dev.callx.provider.Paging;
import dev.callx.transcript.TranscriptSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/calling/call-sessions} (api-docs/ravan-call-sessions.txt). It gives no total:
 * paging stops on a short page. It also answers in a second shape,
 * {@code {data: [snake_case records], meta: {total, limit, offset}}}; then {@code meta.total} is used.
 */
public final class CallSessionsEndpoint extends RavanEndpoint {
    /** The API documents no maximum page size; 100 keeps requests few and responses modest. */
    /** The page size callx asks for: the API documents no maximum. */
    public static final int PAGE_SIZE = 100;
    static final Paging PAGING = new Paging("page", "page_size", 1, PAGE_SIZE, 0);

    /**
     * The documented filters; a null value is not sent.
     *
     * @param startedAfter  ISO 8601 UTC
     * @param startedBefore ISO 8601 UTC
     */
    public record Filters(String agentId, String status, String channel, String callerNumber, String search,
                          String sortBy, String sortOrder, String startedAfter, String startedBefore) {
        public static final Filters NONE = new Filters(null, null, null, null, null, null, null, null, null);

        Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("agent_id", agentId);
            q.put("status", status);
            q.put("channel", channel);
            q.put("caller_number", callerNumber);
            q.put("search", search);
            q.put("sort_by", sortBy);
            q.put("sort_order", sortOrder);
            q.put("started_after", startedAfter);
            q.put("started_before", startedBefore);
            return q;
        }
    }

    public CallSessionsEndpoint(Filters filters) {
        super(List.of("api", "v1", "calling", "call-sessions"), filters.query(), PAGING);
    }

    /** started_after and started_before carry --since and --until. */
    @Override
    public boolean filtersTimeOnServer() {
        return true;
    }

    @Override
    public Page parse(JsonNode body, String what) {
        checkSuccess(body, what);
        JsonNode data = at(body, "data");
        if (data != null && data.isArray()) {
            return new Page(requireArray(body, "data", what), null, null, longAt(body, "meta.total"));
        }
        return new Page(requireArray(body, "data.callSessions", what), null, null, longAt(body, "meta.total"));
    }

    /** No transcript in the list: the session detail has it. */
    @Override
    public TranscriptSource transcripts() {
        return SESSION_DETAIL;
    }
}
