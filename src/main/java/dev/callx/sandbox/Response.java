package dev.callx.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response with a JSON body. */
record Response(int status, byte[] body, Map<String, String> headers) {

    static Response json(int status, Json.Body body) {
        return new Response(status, Json.bytes(body), Map.of());
    }

    Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, body, Map.copyOf(h));
    }
}
