package dev.callx.http;

import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Builds the OkHttp client of one run, for one platform's base URL.
 *
 * <p>For an {@code http://} base URL (the sandbox, a local mock, or a host allowed by
 * {@code --allow-http}) the client speaks cleartext only: OkHttp then sets up no TLS at all, where
 * it would otherwise load and parse the JDK's trust store at construction (about 95 ms of a
 * one-off lookup's start) for connections that never use it. Such a client must never be handed an
 * {@code https://} URL: OkHttp would send that request in clear text rather than fail. So it does
 * not follow a redirect from http to https (that redirect ends the request as its 3xx answer; the
 * credentials would not have gone along anyway, being kept to the configured origin), and any
 * {@code https://} request given to it fails before a byte is sent.
 *
 * <p>An {@code https://} base URL gets OkHttp's own TLS set-up, unchanged: the JDK's trust store,
 * hostname verification, OkHttp's TLS versions and cipher suites.
 */
public final class HttpClients {
    private HttpClients() {
    }

    /**
     * @param concurrency requests in flight at most: the connection pool keeps as many alive, and
     *                    OkHttp's own dispatcher (used by async calls only) never becomes the limit
     */
    public static OkHttpClient create(Target target, HttpSettings settings, int concurrency) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(concurrency, 64));
        dispatcher.setMaxRequestsPerHost(Math.max(concurrency, 5));
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .callTimeout(settings.timeout())
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .retryOnConnectionFailure(false)
                // https to http is refused with a message that names both (ApiClient); OkHttp then hands the 3xx back
                .followSslRedirects(false)
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
                .addNetworkInterceptor(new Origins.CredentialGuard(target.baseUrl(), target.authHeaders().keySet()));
        Network network = settings.network();
        if (network.proxies().any()) {
            builder.proxySelector(network.proxies().selector())
                    .proxyAuthenticator(network.proxies().authenticator());
        }
        if (target.baseUrl().isHttps() && network.trust() != null) {
            builder.sslSocketFactory(network.trust().sockets(), network.trust().manager());
        }
        if (!target.baseUrl().isHttps()) {
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                    .followSslRedirects(false)
                    .addInterceptor(CLEARTEXT_ONLY)
                    .addNetworkInterceptor(CLEARTEXT_ONLY);
            if (!settings.allowHttp()) {
                // a direct connection is refused before the name is looked up; one through a proxy, before it is sent
                builder.dns(host -> {
                    if (!Origins.isLoopback(host)) {
                        throw clearTextRefused(target, "http://" + host);
                    }
                    return okhttp3.Dns.SYSTEM.lookup(host);
                }).addNetworkInterceptor(cleartextStaysLocal(target));
            }
        }
        return builder.build();
    }

    /**
     * Without --allow-http, plain http goes only to loopback: a redirect from a loopback base URL to
     * another host in clear text (where the query, a phone number, would travel readable) is refused
     * before a byte is sent, as the base URL itself would be.
     */
    private static Interceptor cleartextStaysLocal(Target target) {
        return chain -> {
            okhttp3.HttpUrl url = chain.request().url();
            if (!url.isHttps() && !Origins.isLoopback(url.host())) {
                throw clearTextRefused(target, Origins.origin(url));
            }
            return chain.proceed(chain.request());
        };
    }

    private static dev.callx.error.CallxException clearTextRefused(Target target, String where) {
        return dev.callx.error.CallxException.network(target.platform() + " redirected to " + where
                + " in plain http, which callx refuses outside loopback: the request would travel in clear "
                + "text. Check --base-url, or pass --allow-http if you must", null);
    }

    /** Refuses an https:// request in a client that has no TLS (a bug in callx if it ever happens). */
    private static final Interceptor CLEARTEXT_ONLY = chain -> {
        if (chain.request().url().isHttps()) {
            throw new IllegalStateException("an https:// request (" + chain.request().url().host()
                    + ") reached the client made for an http:// base URL, which has no TLS");
        }
        return chain.proceed(chain.request());
    };
}
