package dev.callx.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every request goes: latency sleep, route by path (unknown: 404), GET only (else 405),
 * credentials (else 401), fault injection (503 / 429), then the endpoint.
 */
final class Router implements HttpHandler {

    private final List<PlatformApi> apis;
    private final FaultInjector faults;
    private final Duration latency;

    Router(List<PlatformApi> apis, FaultInjector faults, Duration latency) {
        this.apis = List.copyOf(apis);
        this.faults = faults;
        this.latency = latency;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
            }
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
            send(exchange, route(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the sandbox is closing: drop the exchange
        }
    }

    Response route(Request request) {
        PlatformApi api = apis.stream().filter(a -> a.handles(request.path())).findFirst().orElse(null);
        if (api == null) {
            return Response.json(404, g -> {
                g.writeStartObject();
                g.writeStringField("error", "Not Found");
                g.writeStringField("message", "no sandbox endpoint at " + request.path());
                g.writeEndObject();
            });
        }
        if (!"GET".equals(request.method())) {
            return api.error(405, "Method Not Allowed").withHeader("Allow", "GET");
        }
        if (!api.authorized(request)) {
            return api.unauthorized();
        }
        switch (faults.next()) {
            case SERVER_ERROR:
                return api.error(503, "Service Unavailable (sandbox fault injection)");
            case RATE_LIMITED:
                return api.error(429, "Too Many Requests (sandbox fault injection)").withHeader("Retry-After", "1");
            default:
                break;
        }
        try {
            return api.handle(request);
        } catch (ApiException e) {
            return e.response();
        } catch (RuntimeException e) {
            return api.error(500, "internal sandbox error: " + e);
        }
    }

    /**
     * Sends a response. A HEAD request gets the headers only; its Content-Length, if any, must be
     * among the response's headers (the JDK server does not derive it for HEAD).
     */
    static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        byte[] body = response.body();
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
