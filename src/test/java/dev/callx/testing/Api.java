package dev.callx.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;

/** Test fixtures: the platforms' documented example bodies, and JSON responses. */
public final class Api {
    private Api() {
    }

    /** A test resource as text, e.g. {@code resource("/api/vaani-call-history.json")}. */
    public static String resource(String path) {
        try (InputStream in = Api.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Vaani's documented example as the one and only page: its one record, and every paging signal
     * saying so (has_next false, total_count 1, total_pages 1), so that no signal disagrees.
     */
    public static String vaaniOnlyPage() {
        return resource("/api/vaani-call-history.json").replace("\"has_next\": true", "\"has_next\": false")
                .replace("\"total_count\": 1028", "\"total_count\": 1").replace("\"total_pages\": 21",
                        "\"total_pages\": 1");
    }

    /** Zudu's documented example as the one and only page, every paging signal saying so. */
    public static String zuduOnlyPage() {
        return resource("/api/zudu-calls.json").replace("\"has_next_page\": true", "\"has_next_page\": false")
                .replace("\"total_count\": 25", "\"total_count\": 1").replace("\"total_pages\": 2",
                        "\"total_pages\": 1");
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    public static MockResponse json(String body) {
        return json(200, body);
    }
}
