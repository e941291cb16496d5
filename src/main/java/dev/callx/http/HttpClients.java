package dev.callx.http;

import java.util.List;
import okhttp3.ConnectionSpec;
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

    public static OkHttpClient create(Target target, HttpSettings settings) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .callTimeout(settings.timeout())
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(new Origins.CredentialGuard(target.baseUrl(), target.authHeaders().keySet()));
        if (!target.baseUrl().isHttps()) {
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                    .followSslRedirects(false)
                    .addInterceptor(CLEARTEXT_ONLY)
                    .addNetworkInterceptor(CLEARTEXT_ONLY);
        }
        return builder.build();
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
