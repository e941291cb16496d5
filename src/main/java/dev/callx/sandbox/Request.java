package dev.callx.sandbox;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parts of an HTTP request the endpoints look at. Query values are form-decoded ('+' is a space). */
final class Request {

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Headers headers;

    Request(String method, String path, String rawQuery, Headers headers) {
        this.method = method;
        this.path = path;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    /** First value of a query parameter, or null. */
    String param(String name) {
        return query.get(name);
    }

    Map<String, String> params() {
        return query;
    }

    /** First value of a header (names are case-insensitive), or null. */
    String header(String name) {
        return headers.getFirst(name);
    }

    /** Whether the header is present with exactly this value; compared in constant time. */
    boolean headerEquals(String name, String expected) {
        String v = header(name);
        return v != null && MessageDigest.isEqual(
                v.trim().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(key, value);
        }
        return Collections.unmodifiableMap(out);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // malformed %-escape: keep it as sent
        }
    }
}
