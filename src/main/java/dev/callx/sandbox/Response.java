package dev.callx.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response: a JSON body unless a Content-Type header says otherwise. */
record Response(int status, byte[] body, Map<String, String> headers) {

    static Response json(int status, Json.Body body) {
        return new Response(status, Json.bytes(body), Map.of());
    }

    /** A body of another type: audio bytes, an XML error. */
    static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, body, Map.of("Content-Type", contentType));
    }

    Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, body, Map.copyOf(h));
    }
}
