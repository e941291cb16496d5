package dev.callx.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Vaani Voice: {@code GET /api/call-history}, {@code /api/transcript/{call_id}} and
 * {@code /api/stream/{call_id}} ({@link VaaniCalls}), all with {@code X-API-Key}. FastAPI-style
 * errors: {@code {"detail":"..."}}, and 422 {@code {"detail":[{loc,msg,type}]}} for bad query
 * parameters or a missing call id.
 */
final class VaaniApi implements PlatformApi {

    static final String CALL_HISTORY = "/api/call-history";
    static final String TRANSCRIPT = "/api/transcript";
    static final String STREAM = "/api/stream";
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    private final Dataset data;
    private final VaaniJson json;
    private final VaaniCalls calls;
    private final String apiKey;

    VaaniApi(Dataset data, String baseUrl, String apiKey) {
        this.data = data;
        this.json = new VaaniJson(data, baseUrl);
        this.calls = new VaaniCalls(data);
        this.apiKey = apiKey;
    }

    private record Violation(String where, String param, String msg, String type) {
        Violation(String param, String msg, String type) {
            this("query", param, msg, type);
        }
    }

    @Override
    public boolean handles(String path) {
        return path.equals(CALL_HISTORY) || path.equals(CALL_HISTORY + "/") || perCall(path, TRANSCRIPT) != null
                || perCall(path, STREAM) != null;
    }

    /** The call id of {@code <endpoint>/<id>} ("" for {@code <endpoint>} or {@code <endpoint>/}); null for other paths. */
    private static String perCall(String path, String endpoint) {
        if (path.equals(endpoint)) {
            return "";
        }
        if (!path.startsWith(endpoint + "/")) {
            return null;
        }
        String id = path.substring(endpoint.length() + 1);
        return id.indexOf('/') >= 0 ? null : id;
    }

    @Override
    public boolean authorized(Request r) {
        return r.headerEquals("X-API-Key", apiKey);
    }

    @Override
    public Response unauthorized() {
        return error(401, "Invalid API key");
    }

    @Override
    public Response error(int status, String message) {
        return Response.json(status, g -> {
            g.writeStartObject();
            g.writeStringField("detail", message);
            g.writeEndObject();
        });
    }

    @Override
    public Response handle(Request r) {
        String transcriptOf = perCall(r.path(), TRANSCRIPT);
        String streamOf = perCall(r.path(), STREAM);
        String callId = transcriptOf != null ? transcriptOf : streamOf;
        if (callId != null) {
            if (callId.isEmpty()) {
                List<Violation> missing = List.of(new Violation("path", "call_id", "field required", "value_error.missing"));
                return Response.json(422, g -> validationError(g, missing));
            }
            return transcriptOf != null ? calls.transcript(callId) : calls.stream(callId);
        }
        return callHistory(r);
    }

    private Response callHistory(Request r) {
        List<Violation> violations = new ArrayList<>();
        int page = intParam(r, "page", 1, 1, Integer.MAX_VALUE, violations);
        int pageSize = intParam(r, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, violations);
        if (!violations.isEmpty()) {
            return Response.json(422, g -> validationError(g, violations));
        }
        int total = data.size();
        int totalPages = (int) ((total + (long) pageSize - 1) / pageSize);
        long from = (long) (page - 1) * pageSize;
        int to = (int) Math.min(total, from + pageSize);
        return Response.json(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (long i = from; i < to; i++) {
                json.record(g, data.call((int) i));
            }
            g.writeEndArray();
            g.writeObjectFieldStart("pagination");
            g.writeNumberField("page", page);
            g.writeNumberField("page_size", pageSize);
            g.writeNumberField("total_count", total);
            g.writeNumberField("total_pages", totalPages);
            g.writeBooleanField("has_next", page < totalPages);
            g.writeBooleanField("has_previous", page > 1);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void validationError(JsonGenerator g, List<Violation> violations) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("detail");
        for (Violation v : violations) {
            g.writeStartObject();
            g.writeArrayFieldStart("loc");
            g.writeString(v.where());
            g.writeString(v.param());
            g.writeEndArray();
            g.writeStringField("msg", v.msg());
            g.writeStringField("type", v.type());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static int intParam(Request r, String name, int def, int min, int max, List<Violation> out) {
        String s = r.param(name);
        if (s == null) {
            return def;
        }
        int v;
        try {
            v = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            out.add(new Violation(name, "value is not a valid integer", "type_error.integer"));
            return def;
        }
        if (v < min) {
            out.add(new Violation(name, "ensure this value is greater than or equal to " + min,
                    "value_error.number.not_ge"));
        } else if (v > max) {
            out.add(new Violation(name, "ensure this value is less than or equal to " + max,
                    "value_error.number.not_le"));
        }
        return v;
    }
}
