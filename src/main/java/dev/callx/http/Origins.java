package dev.callx.http;

import dev.callx.error.CallxException;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Keeps credentials on the configured origin (scheme, host and port). */
public final class Origins {
    private Origins() {
    }

    public static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }

    /** {@code scheme://host:port}: an origin for messages, with no userinfo, path or query. */
    public static String origin(HttpUrl url) {
        return url.scheme() + "://" + (url.host().contains(":") ? "[" + url.host() + "]" : url.host()) + ":"
                + url.port();
    }

    /** Refuses plain http:// to a host that is not loopback, unless allowed: keys would travel in clear. */
    public static void checkScheme(HttpUrl base, boolean allowHttp) {
        if (base.isHttps() || allowHttp || isLoopback(base.host())) {
            return;
        }
        throw CallxException.usage("refusing plain http:// to " + base.host()
                + ": the API key would travel in clear text. Use https://, or pass --allow-http if you must");
    }

    public static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Literal addresses only: a name is never resolved here.
        if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * A network interceptor: it sees every request OkHttp sends, redirects included, and removes
     * the credential headers from any that leaves the configured origin. OkHttp itself strips only
     * Authorization, and only when the host changes.
     */
    static final class CredentialGuard implements Interceptor {
        private final HttpUrl origin;
        private final List<String> headers;

        CredentialGuard(HttpUrl origin, Set<String> headers) {
            this.origin = origin;
            this.headers = List.copyOf(headers);
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            if (sameOrigin(origin, request.url())) {
                return chain.proceed(request);
            }
            Request.Builder stripped = request.newBuilder();
            headers.forEach(stripped::removeHeader);
            stripped.removeHeader("Authorization");
            return chain.proceed(stripped.build());
        }
    }
}
