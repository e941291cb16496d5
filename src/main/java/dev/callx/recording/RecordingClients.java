package dev.callx.recording;

import dev.callx.error.CallxException;
import dev.callx.http.ApiClient;
import dev.callx.http.Origins;
import dev.callx.http.Target;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Which client fetches a recording URL, and so which credentials go with it (SPEC section 10):
 *
 * <ul>
 *   <li>a URL on the platform's own origin (the configured base URL's scheme, host and port: Vaani's
 *       stream endpoint, Ravan phone-history's API recording URL) goes through the run's platform
 *       client, with the platform's credentials;</li>
 *   <li>any other URL (a pre-signed storage URL: Zudu's, Ravan call sessions') goes through a client
 *       made for its origin with <em>no</em> credential header at all: they are never added, rather
 *       than added and stripped. It must be https, unless its host is loopback; plain http elsewhere
 *       is refused, {@code --allow-http} or not (a pre-signed URL is a credential in itself).</li>
 * </ul>
 * The clients for other origins are made when first needed, one per origin, each with the TLS set-up
 * its scheme needs (a run against an http:// base URL loads no TLS until an https:// recording URL
 * asks for it). Thread safe.
 */
public final class RecordingClients {
    private final ApiClient platformClient;
    private final HttpUrl base;
    private final String platform;
    private final Function<Target, ApiClient> factory;
    private final Map<String, ApiClient> others = new ConcurrentHashMap<>();

    /**
     * @param platformClient the run's client, with the platform's credentials, for its own origin
     * @param base           the configured base URL
     * @param platform       the platform's name, for messages
     * @param factory        makes a client for a target (the run's settings, throttle and counts)
     */
    public RecordingClients(ApiClient platformClient, HttpUrl base, String platform,
                            Function<Target, ApiClient> factory) {
        this.platformClient = platformClient;
        this.base = base;
        this.platform = platform;
        this.factory = factory;
    }

    /** Whether a request to {@code url} carries the platform's credentials. */
    public boolean credentialed(HttpUrl url) {
        return Origins.sameOrigin(base, url);
    }

    /**
     * The client for {@code url}.
     *
     * @param what "the recording of call X", for the message of a refused URL
     * @throws CallxException when the URL is plain http to a host that is not loopback
     */
    public ApiClient forUrl(HttpUrl url, String what) {
        if (credentialed(url)) {
            return platformClient;
        }
        if (!url.isHttps() && !Origins.isLoopback(url.host())) {
            throw CallxException.rejected(what + " was not fetched: its URL is plain http:// to " + url.host()
                    + ", which would carry the recording in clear text; callx downloads recordings from "
                    + "other hosts over https only");
        }
        String origin = Origins.origin(url);
        return others.computeIfAbsent(origin, o -> factory.apply(new Target(platform + " recording storage",
                HttpUrl.get(o + "/"), Map.of(),
                "the recording URL: a pre-signed URL expires, export again for a fresh one", null)));
    }
}
