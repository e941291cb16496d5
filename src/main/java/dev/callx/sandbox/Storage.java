package dev.callx.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for the object storage that pre-signed recording URLs point at (Zudu's recordings,
 * Ravan's call-sessions {@code recordingUrl}), on a loopback port of its own so that it is another
 * origin than the platforms' APIs, as real storage is another host.
 *
 * <p>{@code GET} or {@code HEAD /recordings/<platform>/<id>.<ext>?expires=<epoch s>&signature=<hex>}.
 * The signature, made by {@link #url}, is checked (403 when missing or wrong, as storage does); it
 * never expires. A request carrying a platform credential header ({@code Authorization},
 * {@code X-Api-Key}, {@code X-API-SECRET}) is refused with 400: credentials must never be sent to a
 * pre-signed URL (SPEC section 10), and storage services refuse a second authentication too.
 * Errors are XML, like Azure's and S3's. No fault injection; the sandbox's latency applies.
 */
final class Storage implements HttpHandler {

    /** A stored object: its bytes and Content-Type. */
    record Blob(String contentType, byte[] bytes) {
    }

    static final String PREFIX = "/recordings/";
    private static final String[] CREDENTIAL_HEADERS = {"Authorization", "X-Api-Key", "X-API-SECRET"};
    private static final String ALGORITHM = "HmacSHA256";

    private final String baseUrl;
    private final byte[] secret;
    private final long expires;
    private final Duration latency;
    private final Map<String, Function<String, Blob>> folders = new ConcurrentHashMap<>();

    /**
     * @param baseUrl  where this storage answers, {@code http://127.0.0.1:<port>}
     * @param seed     the sandbox's seed: signatures are deterministic
     * @param expires  the {@code expires} every URL carries, epoch seconds
     */
    Storage(String baseUrl, long seed, long expires, Duration latency) {
        this.baseUrl = baseUrl;
        this.secret = Long.toHexString(Dataset.mix(seed ^ 0x53544F52414745L)).getBytes(StandardCharsets.US_ASCII);
        this.expires = expires;
        this.latency = latency;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Serves {@code /recordings/<folder>/<name>}: {@code objects} gives the blob of a name, or null. */
    void folder(String folder, Function<String, Blob> objects) {
        folders.put(folder, objects);
    }

    /** The pre-signed URL of an object, e.g. {@code zudu/call_0a1b....mp4}. */
    String url(String key) {
        return baseUrl + PREFIX + key + "?expires=" + expires + "&signature=" + signature(key, Long.toString(expires));
    }

    private String signature(String key, String expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            byte[] d = mac.doFinal((key + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(32);
            for (int i = 0; i < 16; i++) {
                sb.append(String.format(Locale.ROOT, "%02x", d[i] & 0xff));
            }
            return sb.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
            }
            Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
            Router.send(exchange, answer(r));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the sandbox is closing: drop the exchange
        }
    }

    Response answer(Request r) {
        boolean head = "HEAD".equals(r.method());
        if (!head && !"GET".equals(r.method())) {
            return error(405, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb.")
                    .withHeader("Allow", "GET, HEAD");
        }
        for (String h : CREDENTIAL_HEADERS) {
            if (r.header(h) != null) {
                return error(400, "InvalidArgument", "Only one auth mechanism allowed: this URL is pre-signed,"
                        + " send it without the " + h + " header.");
            }
        }
        String path = r.path();
        if (!path.startsWith(PREFIX)) {
            return error(404, "ResourceNotFound", "The specified resource does not exist.");
        }
        String key = path.substring(PREFIX.length());
        String expiry = r.param("expires");
        String given = r.param("signature");
        if (expiry == null || given == null || !MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), signature(key, expiry).getBytes(StandardCharsets.UTF_8))) {
            return error(403, "AuthenticationFailed", "Signature did not match or is missing.");
        }
        int slash = key.indexOf('/');
        Function<String, Blob> objects = slash < 0 ? null : folders.get(key.substring(0, slash));
        Blob blob = objects == null ? null : objects.apply(key.substring(slash + 1));
        if (blob == null) {
            return error(404, "BlobNotFound", "The specified blob does not exist.");
        }
        Response ok = Response.bytes(200, blob.contentType(), head ? new byte[0] : blob.bytes());
        return head ? ok.withHeader("Content-Length", Integer.toString(blob.bytes().length)) : ok;
    }

    private static Response error(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error>";
        return Response.bytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }
}
