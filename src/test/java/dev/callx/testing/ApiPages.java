package dev.callx.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Response bodies in each platform's documented shape (SPEC section 1, api-docs/), with records
 * that carry the ids a test chooses. Records are the documented example records with the id
 * replaced; a paging hint given as null is left out of the body.
 */
public final class ApiPages {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiPages() {
    }

    /** {@code prefix1 .. prefixN}, inclusive. */
    public static List<String> ids(String prefix, int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    // ---- Ravan phone-history: {success, message, phone, total_count, page, page_size, calls} ----

    public static String phoneHistory(Long totalCount, long page, int pageSize, List<String> ids) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("success", true);
        body.put("message", "call history retrieved successfully");
        body.put("phone", "+14155550100");
        putIfNotNull(body, "total_count", totalCount);
        body.put("page", page);
        body.put("page_size", pageSize);
        body.set("calls", records(ids, ApiPages::phoneHistoryCall));
        return write(body);
    }

    public static ObjectNode phoneHistoryCall(String id) {
        ObjectNode call = template("/api/ravan-phone-history.json", "calls");
        call.put("id", id);
        return call;
    }

    // ---- Ravan call-sessions, documented shape: {success, message, data: {callSessions}} ----

    /** An empty page of sessions: how a list without a total says it has ended. */
    public static String noSessions() {
        return sessions(List.of());
    }

    public static String sessions(List<String> ids) {
        return sessionsOf(ids.stream().map(ApiPages::session).toList());
    }

    /** The documented shape around the given records. */
    public static String sessionsOf(List<ObjectNode> records) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("success", true);
        body.put("message", "ok");
        body.putObject("data").putArray("callSessions").addAll(records);
        return write(body);
    }

    /** A camelCase session with the documented fields (the example's are all "&lt;string&gt;"). */
    public static ObjectNode session(String id) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("id", id);
        s.put("agentId", "agt_1");
        s.put("organizationId", "org_1");
        s.put("callerNumber", "+14155550100");
        s.put("calleeNumber", "+919876543210");
        s.put("channel", "voice");
        s.put("status", "completed");
        s.put("summary", "Customer asked about billing.");
        s.putObject("metadata").put("source", "crm");
        s.put("callLatencyMs", 820);
        s.put("startedAt", "2026-11-21T09:30:00Z");
        s.put("endedAt", "2026-11-21T09:34:10Z");
        s.put("durationSec", 250);
        s.put("costTotal", "12.50");
        s.put("agentName", "Support Agent");
        return s;
    }

    // ---- Ravan call-sessions, second shape: {success, message, data: [snake_case], meta: {total, limit, offset}} ----

    public static String sessionsMeta(Long total, int limit, long offset, List<String> ids) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("success", true);
        body.put("message", "ok");
        body.set("data", records(ids, ApiPages::phoneHistoryCall));
        ObjectNode meta = body.putObject("meta");
        putIfNotNull(meta, "total", total);
        meta.put("limit", limit);
        meta.put("offset", offset);
        return write(body);
    }

    // ---- Ravan contact calls: {success, message, data: [camelCase]} ----

    public static String contactCalls(List<String> ids) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("success", true);
        body.put("message", "ok");
        body.set("data", records(ids, ApiPages::session));
        return write(body);
    }

    // ---- Vaani: {data, pagination: {page, page_size, total_count, total_pages, has_next, has_previous}} ----

    public static String vaani(long page, int pageSize, Long totalCount, Long totalPages, Boolean hasNext,
                               List<String> ids) {
        ObjectNode body = MAPPER.createObjectNode();
        body.set("data", records(ids, ApiPages::vaaniCall));
        ObjectNode p = body.putObject("pagination");
        p.put("page", page);
        p.put("page_size", pageSize);
        putIfNotNull(p, "total_count", totalCount);
        putIfNotNull(p, "total_pages", totalPages);
        if (hasNext != null) {
            p.put("has_next", hasNext);
        }
        p.put("has_previous", page > 1);
        return write(body);
    }

    public static ObjectNode vaaniCall(String id) {
        ObjectNode call = template("/api/vaani-call-history.json", "data");
        call.put("call_id", id);
        return call;
    }

    // ---- Zudu: {message, status, error, data: {calls, pagination: {page, limit, total_count, total_pages, has_next_page}}} ----

    public static String zudu(long page, int limit, Long totalCount, Long totalPages, Boolean hasNextPage,
                              List<String> ids) {
        ObjectNode body = zuduBody(ids);
        ObjectNode p = ((ObjectNode) body.get("data")).putObject("pagination");
        p.put("page", page);
        p.put("limit", limit);
        putIfNotNull(p, "total_count", totalCount);
        putIfNotNull(p, "total_pages", totalPages);
        if (hasNextPage != null) {
            p.put("has_next_page", hasNextPage);
        }
        p.put("has_previous_page", page > 0);
        return write(body);
    }

    /** The variant of SPEC section 1: {@code total} instead of {@code total_count}, no {@code has_next_page}. */
    public static String zuduTotalVariant(long page, int limit, long total, List<String> ids) {
        ObjectNode body = zuduBody(ids);
        ObjectNode p = ((ObjectNode) body.get("data")).putObject("pagination");
        p.put("page", page);
        p.put("limit", limit);
        p.put("total", total);
        return write(body);
    }

    private static ObjectNode zuduBody(List<String> ids) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("message", "Calls retrieved successfully");
        body.put("status", "success");
        body.putNull("error");
        ObjectNode data = body.putObject("data");
        data.put("organization_id", "org-789");
        data.set("calls", records(ids, ApiPages::zuduCall));
        data.put("returned_count", ids.size());
        return body;
    }

    /** The documented Zudu call with {@code call_id} = id (the normalized id) and a distinct {@code id}. */
    public static ObjectNode zuduCall(String id) {
        ObjectNode call = template("/api/zudu-calls.json", "data", "calls");
        call.put("call_id", id);
        call.put("id", "uuid-" + id);
        return call;
    }

    // ---- helpers ----

    private static ArrayNode records(List<String> ids, Function<String, ObjectNode> record) {
        ArrayNode a = MAPPER.createArrayNode();
        ids.forEach(id -> a.add(record.apply(id)));
        return a;
    }

    private static ObjectNode template(String resource, String... path) {
        try {
            JsonNode n = MAPPER.readTree(Api.resource(resource));
            for (String p : path) {
                n = n.get(p);
            }
            return (ObjectNode) n.get(0).deepCopy();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putIfNotNull(ObjectNode node, String name, Long value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
