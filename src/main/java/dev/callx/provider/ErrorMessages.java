package dev.callx.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Pulls a platform's own message out of an error body. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    /**
     * The first of {@code keys} that holds a message: a string; an object's {@code message} or
     * {@code msg}; or a list of FastAPI-style {@code {loc, msg}} items, joined with "; ".
     */
    public static String first(JsonNode body, String... keys) {
        if (body == null || !body.isObject()) {
            return null;
        }
        for (String key : keys) {
            String m = describe(body.get(key));
            if (m != null && !m.isBlank()) {
                return m;
            }
        }
        return null;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isObject()) {
            String m = BaseEndpoint.textAt(node, "message", "msg", "detail", "error");
            return m != null ? m : node.toString();
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : node) {
                if (item.isObject() && item.has("msg")) {
                    List<String> loc = new ArrayList<>();
                    item.path("loc").forEach(l -> loc.add(l.asText()));
                    String where = String.join(".", loc);
                    parts.add((where.isEmpty() ? "" : where + ": ") + item.get("msg").asText());
                } else {
                    String m = describe(item);
                    if (m != null) {
                        parts.add(m);
                    }
                }
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }
        return node.asText();
    }
}
