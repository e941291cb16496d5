package dev.callx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Test helper: GET requests against a running sandbox with java.net.http. */
final class SandboxHttp {

    static final Instant ANCHOR = Instant.parse("2026-06-01T12:00:00Z");
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxHttp() {
    }

    record Reply(int status, String raw, HttpHeaders headers) {
        JsonNode json() {
            try {
                return MAPPER.readTree(raw);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw, e);
            }
        }
    }

    static SandboxConfig config(int calls) {
        return SandboxConfig.defaults().withCalls(calls).withAnchor(ANCHOR);
    }

    static String[] ravanKey(Sandbox s) {
        return new String[] {"X-Api-Key", s.credentials().get("RAVAN_API_KEY")};
    }

    static String[] ravanBearer(Sandbox s) {
        return new String[] {"Authorization", "Bearer " + s.credentials().get("RAVAN_TOKEN")};
    }

    static String[] vaaniKey(Sandbox s) {
        return new String[] {"X-API-Key", s.credentials().get("VAANI_API_KEY")};
    }

    static String[] zuduKeys(Sandbox s) {
        return new String[] {"X-API-KEY", s.credentials().get("ZUDU_API_KEY"),
                "X-API-SECRET", s.credentials().get("ZUDU_API_SECRET")};
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Reply get(Sandbox s, String pathAndQuery, String... headers) {
        return send(s, "GET", pathAndQuery, headers);
    }

    static Reply send(Sandbox s, String method, String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer whose body is kept as bytes (recordings). */
    record Bytes(int status, byte[] body, HttpHeaders headers) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return new Reply(status, text(), headers).json();
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse(null);
        }

        long contentLength() {
            return headers.firstValueAsLong("Content-Length").orElse(-1);
        }
    }

    /** A request to any URL (the storage is another origin than the base URL), body as bytes. */
    static Bytes fetch(String method, String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path and query of a URL the sandbox handed out, to request it with {@link #get}. */
    static String pathOf(String url) {
        URI u = URI.create(url);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
