package dev.callx.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dotted paths into a JSON value ({@code "call_analysis.call_summary"}), each split once: the
 * mappers look up the same few dozen paths in every record.
 */
public final class JsonPaths {
    /** Paths are the mappers' constants; the bound only guards against a caller building them. */
    private static final int MAX_CACHED = 4_096;
    private static final ConcurrentHashMap<String, String[]> SPLIT = new ConcurrentHashMap<>();

    private JsonPaths() {
    }

    /** The value at {@code path}, or null when it is missing, JSON null, or below a non-object. */
    public static JsonNode at(JsonNode node, String path) {
        JsonNode n;
        if (path.indexOf('.') < 0) {
            // one name, most paths: no split to look up
            n = node instanceof ObjectNode object ? object.get(path) : null;
        } else {
            n = node;
            for (String part : parts(path)) {
                if (!(n instanceof ObjectNode object)) {
                    return null;
                }
                n = object.get(part);
            }
        }
        if (n == null) {
            return null;
        }
        JsonNodeType type = n.getNodeType();
        return type == JsonNodeType.NULL || type == JsonNodeType.MISSING ? null : n;
    }

    private static String[] parts(String path) {
        String[] parts = SPLIT.get(path);
        if (parts == null) {
            parts = path.split("\\.");
            for (int i = 0; i < parts.length; i++) {
                // Jackson interns field names: an interned key is found by identity, its text never read
                parts[i] = parts[i].intern();
            }
            if (SPLIT.size() < MAX_CACHED) {
                SPLIT.putIfAbsent(path, parts);
            }
        }
        return parts;
    }
}
