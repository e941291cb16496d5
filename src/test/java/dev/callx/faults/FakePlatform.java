package dev.callx.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A platform's paged list in its documented shape, over a list of records that tests may change
 * between requests (new calls arriving at the head).
 */
enum FakePlatform {
    PHONE_HISTORY("phone-history", "/api/v1/calling/phone-history", "page_size", 1,
            List.of("phone-history", "+14155550100"), "RAVAN_API_KEY", null),
    SESSIONS("sessions", "/api/v1/calling/call-sessions", "page_size", 1, List.of("sessions"), "RAVAN_API_KEY",
            null),
    VAANI("vaani", "/api/call-history", "page_size", 1, List.of("vaani"), "VAANI_API_KEY", null),
    CALLS("calls", "/api/calls", "limit", 0, List.of("calls"), "ZUDU_API_KEY", "ZUDU_API_SECRET");

    private static final ObjectMapper JSON = new ObjectMapper();

    final String command;
    final String path;
    final String sizeParam;
    final int firstPage;
    final List<String> args;
    final String keyEnv;
    final String secretEnv;

    FakePlatform(String command, String path, String sizeParam, int firstPage, List<String> args, String keyEnv,
                 String secretEnv) {
        this.command = command;
        this.path = path;
        this.sizeParam = sizeParam;
        this.firstPage = firstPage;
        this.args = args;
        this.keyEnv = keyEnv;
        this.secretEnv = secretEnv;
    }

    /** One record in the platform's own shape: {@code i} makes the id and the start time. */
    ObjectNode record(int i, Instant started) {
        ObjectNode r = JSON.createObjectNode();
        String id = "call-" + i;
        switch (this) {
            case PHONE_HISTORY -> r.put("id", id).put("started_at", started.toString())
                    .put("caller_number", "+14155550100").put("callee_number", "+919876543210")
                    .put("cost_total", "1.50").put("summary", "call " + i);
            case SESSIONS -> r.put("id", id).put("startedAt", started.toString()).put("callerNumber", "+14155550100")
                    .put("costTotal", "1.50").put("summary", "call " + i);
            case VAANI -> r.put("call_id", id).put("Start_time", started.toString().replace("Z", ""))
                    .put("duration_ms", 1000).put("call_summary", "call " + i);
            case CALLS -> r.put("call_id", id).put("id", "uuid-" + i).put("start_timestamp", started.toEpochMilli())
                    .put("call_duration", 1000);
        }
        return r;
    }

    /** The body for page {@code page} of {@code size} over {@code all} records. */
    String page(List<ObjectNode> all, int page, int size) {
        int index = page - firstPage;
        int from = Math.min(all.size(), index * size);
        int to = Math.min(all.size(), from + size);
        ArrayNode items = JSON.createArrayNode().addAll(new ArrayList<>(all.subList(from, to)));
        int total = all.size();
        int totalPages = (total + size - 1) / size;
        boolean hasNext = to < total;
        ObjectNode body = JSON.createObjectNode();
        switch (this) {
            case PHONE_HISTORY -> body.put("success", true).put("message", "ok").put("phone", "+14155550100")
                    .put("total_count", total).put("page", page).put("page_size", size).set("calls", items);
            case SESSIONS -> body.put("success", true).put("message", "ok").putObject("data")
                    .set("callSessions", items);
            case VAANI -> {
                body.set("data", items);
                body.putObject("pagination").put("page", page).put("page_size", size).put("total_count", total)
                        .put("total_pages", totalPages).put("has_next", hasNext).put("has_previous", page > 1);
            }
            case CALLS -> {
                body.put("message", "ok").put("status", "success").putNull("error");
                ObjectNode data = body.putObject("data");
                data.set("calls", items);
                data.putObject("pagination").put("page", page).put("limit", size).put("total_count", total)
                        .put("total_pages", totalPages).put("has_next_page", hasNext)
                        .put("has_previous_page", page > 0);
            }
        }
        return body.toString();
    }

    static List<ObjectNode> records(FakePlatform p, int count, Function<Integer, Instant> startOf) {
        List<ObjectNode> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(p.record(i, startOf.apply(i)));
        }
        return list;
    }
}
