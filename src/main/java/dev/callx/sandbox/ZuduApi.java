package dev.callx.sandbox;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Zudu AI: {@code GET /api/calls} with {@code X-API-KEY} and {@code X-API-SECRET}; pages from 0.
 * Each answered call's {@code recording_url} is a pre-signed {@link Storage} URL.
 * Errors are {@code {"message":"<reason>","status":"error","error":"<detail>","data":null}}.
 */
final class ZuduApi implements PlatformApi {

    static final String CALLS = "/api/calls";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 500;
    private static final long AUDIO_SALT = 0x5A554455L;

    private final Dataset data;
    private final ZuduJson json;
    private final String apiKey;
    private final String apiSecret;
    /** Ascending orders by sort field other than start_timestamp, computed once each. */
    private final Map<String, int[]> ascendingOrders = new ConcurrentHashMap<>();

    ZuduApi(Dataset data, String baseUrl, Storage storage, String apiKey, String apiSecret) {
        this.data = data;
        this.json = new ZuduJson(data, baseUrl, storage);
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        IdIndex ids = new IdIndex(data, ZuduJson::callId);
        // the recordings behind recording_url: storage/zudu/<call_id>.mp4, missing for a few calls
        storage.folder(ZuduJson.FOLDER, name -> {
            SyntheticCall c = name.endsWith(".mp4") ? ids.find(name.substring(0, name.length() - 4)) : null;
            return c == null || !Audio.exists(c) ? null
                    : new Storage.Blob(Audio.Format.MP4.contentType, Audio.bytes(c, Audio.Format.MP4, AUDIO_SALT));
        });
    }

    @Override
    public boolean handles(String path) {
        return path.equals(CALLS) || path.equals(CALLS + "/");
    }

    @Override
    public boolean authorized(Request r) {
        return r.headerEquals("X-API-KEY", apiKey) && r.headerEquals("X-API-SECRET", apiSecret);
    }

    @Override
    public Response unauthorized() {
        return error(401, "Unauthorized", "invalid API key or secret");
    }

    @Override
    public Response error(int status, String message) {
        return error(status, reason(status), message);
    }

    private static Response error(int status, String message, String error) {
        return Response.json(status, g -> {
            g.writeStartObject();
            g.writeStringField("message", message);
            g.writeStringField("status", "error");
            g.writeStringField("error", error);
            g.writeNullField("data");
            g.writeEndObject();
        });
    }

    @Override
    public Response handle(Request r) {
        int page = intParam(r, "page", 0, 0, Integer.MAX_VALUE);
        int limit = intParam(r, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String sortOrder = r.param("sort_order") == null || r.param("sort_order").isBlank()
                ? "descending" : r.param("sort_order").trim();
        if (!sortOrder.equals("ascending") && !sortOrder.equals("descending")) {
            throw bad("sort_order must be ascending or descending");
        }
        String sortBy = r.param("sort_by") == null || r.param("sort_by").isBlank()
                ? "start_timestamp" : r.param("sort_by").trim();
        ToLongFunction<SyntheticCall> key = sortKey(sortBy);
        boolean descending = sortOrder.equals("descending");
        int total = data.size();
        int totalPages = (int) ((total + (long) limit - 1) / limit);
        long from = (long) page * limit;
        int to = (int) Math.min(total, from + limit);
        int[] ascending = key == null ? null : ascendingOrders.computeIfAbsent(sortBy, s -> ascendingOrder(key));
        return Response.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("message", "Calls retrieved successfully");
            g.writeStringField("status", "success");
            g.writeNullField("error");
            g.writeObjectFieldStart("data");
            g.writeStringField("organization_id", data.organizationId());
            g.writeArrayFieldStart("calls");
            for (long k = from; k < to; k++) {
                // rank k counted in the requested order; without an order array, index order is newest first
                int rank = (int) (descending ? k : total - 1 - k);
                int index = ascending == null ? rank : ascending[total - 1 - rank];
                json.record(g, data.call(index));
            }
            g.writeEndArray();
            g.writeObjectFieldStart("pagination");
            g.writeNumberField("page", page);
            g.writeNumberField("limit", limit);
            g.writeNumberField("total_count", total);
            g.writeNumberField("total_pages", totalPages);
            g.writeBooleanField("has_next_page", page + 1L < totalPages);
            g.writeBooleanField("has_previous_page", page > 0);
            g.writeEndObject();
            g.writeNumberField("returned_count", Math.max(0, to - from));
            g.writeStringField("sort_order", sortOrder);
            g.writeStringField("sort_by", sortBy);
            Json.emptyObject(g, "applied_filters");
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** Null for start_timestamp (index order); a key for the other sortable fields. */
    private static ToLongFunction<SyntheticCall> sortKey(String sortBy) {
        switch (sortBy) {
            case "start_timestamp":
                return null;
            case "end_timestamp":
                return SyntheticCall::endMs;
            case "call_duration":
                return SyntheticCall::durationMs;
            default:
                throw bad("sort_by must be one of start_timestamp, end_timestamp, call_duration");
        }
    }

    /** Indices by key ascending, ties older (higher index) first. */
    private int[] ascendingOrder(ToLongFunction<SyntheticCall> key) {
        SyntheticCall[] all = data.all();
        Comparator<SyntheticCall> byKey = Comparator.comparingLong(key);
        return Arrays.stream(all).sorted(byKey.thenComparing(SyntheticCall::index, Comparator.reverseOrder()))
                .mapToInt(SyntheticCall::index).toArray();
    }

    private static int intParam(Request r, String name, int def, int min, int max) {
        String s = r.param(name);
        if (s == null || s.isBlank()) {
            return def;
        }
        int v;
        try {
            v = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw bad(name + " must be an integer");
        }
        if (v < min) {
            throw bad(name + " must be >= " + min);
        }
        if (v > max) {
            throw bad(name + " must be <= " + max);
        }
        return v;
    }

    private static ApiException bad(String detail) {
        return new ApiException(error(400, "Bad Request", detail));
    }

    private static String reason(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 429:
                return "Too Many Requests";
            case 503:
                return "Service Unavailable";
            default:
                return "Internal Server Error";
        }
    }
}
