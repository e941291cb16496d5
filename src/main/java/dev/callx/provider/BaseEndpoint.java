package dev.callx.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.error.CallxException;
import dev.callx.record.JsonPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** What every endpoint shares: a path below the base URL, the query its options set, paging. */
public abstract class BaseEndpoint implements Endpoint {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");

    private final Platform platform;
    private final List<String> path;
    private final Map<String, String> query;
    private final Paging paging;

    protected BaseEndpoint(Platform platform, List<String> path, Map<String, String> query, Paging paging) {
        this.platform = platform;
        this.path = List.copyOf(path);
        this.query = new LinkedHashMap<>(query);
        this.paging = paging;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public Paging paging() {
        return paging;
    }

    @Override
    public HttpUrl url(HttpUrl base, long page, int pageSize) {
        HttpUrl.Builder b = base.newBuilder();
        path.forEach(b::addPathSegment);
        query.forEach((k, v) -> {
            if (v != null) {
                b.addQueryParameter(k, v);
            }
        });
        if (paging.paged()) {
            b.addQueryParameter(paging.pageParam(), Long.toString(page));
            b.addQueryParameter(paging.sizeParam(), Integer.toString(pageSize));
        }
        return b.build();
    }

    // ---- reading helpers for the platforms' parse() ----

    /**
     * The records: the array at a dotted path, every item a JSON object; exit 7 naming the platform
     * and the body when there is no such array or an item is not an object (a list of numbers,
     * strings or nulls is not a list of calls, and would otherwise be written as rows of nulls).
     */
    protected List<JsonNode> requireArray(JsonNode body, String path, String what) {
        JsonNode node = at(body, path);
        if (node == null || !node.isArray()) {
            throw wrongShape(body, what, "no '" + path + "' array");
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw wrongShape(body, what, "item " + (items.size() + 1) + " of '" + path + "' is "
                        + kind(item) + ", not a record object");
            }
            items.add(item);
        }
        return items;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "not an object";
        };
    }

    /**
     * Exit 5: the platform answered with a success status but said the request failed.
     *
     * @param what what was fetched, with the HTTP status: "page 3 (HTTP 200)"
     */
    protected CallxException reportedFailure(String what, String flag, String message) {
        return CallxException.rejected(platform.displayName() + " reported a failure for " + what + " ("
                + flag + ")" + (message == null ? "" : ": " + message)
                + ". Check the options and --param values passed");
    }

    protected CallxException wrongShape(JsonNode body, String what, String problem) {
        String text = body.toString();
        if (text.length() > 200) {
            text = text.substring(0, 200) + "…";
        }
        return CallxException.badResponse(platform.displayName() + " answered " + what + " in a shape callx does "
                + "not know (" + problem + "): " + text + ". Check --base-url; the API may have changed");
    }

    /** The node at a dotted path, or null when missing or JSON null. */
    public static JsonNode at(JsonNode node, String path) {
        return JsonPaths.at(node, path);
    }

    /**
     * A whole number at a dotted path (a fraction cut), or text of 1 to 18 digits; null when missing, not a
     * number, beyond a long, or other text.
     */
    public static Long longAt(JsonNode node, String path) {
        JsonNode n = at(node, path);
        if (n != null && n.isNumber()) {
            // 1e999999999 or 1e30 is no count; its longValue() would throw or be the low 64 bits
            return n.canConvertToLong() ? n.longValue() : null;
        }
        if (n != null && n.isTextual() && WHOLE_NUMBER.matcher(n.textValue()).matches()) {
            return Long.parseLong(n.textValue());
        }
        return null;
    }

    /** A boolean at a dotted path, or null when missing or not a boolean. */
    public static Boolean boolAt(JsonNode node, String path) {
        JsonNode n = at(node, path);
        return n != null && n.isBoolean() ? n.booleanValue() : null;
    }

    /** The text of the first of {@code paths} that holds a scalar, or null. */
    public static String textAt(JsonNode node, String... paths) {
        for (String p : paths) {
            JsonNode n = at(node, p);
            if (n != null && n.isValueNode()) {
                return n.asText();
            }
        }
        return null;
    }
}
