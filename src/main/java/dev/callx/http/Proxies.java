package dev.callx.http;

import dev.callx.error.CallxException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * The proxies the environment names, read as curl reads them:
 * <ul>
 *   <li>{@code https_proxy} / {@code HTTPS_PROXY} for https:// URLs, {@code http_proxy} /
 *       {@code HTTP_PROXY} for http://, {@code all_proxy} / {@code ALL_PROXY} for either when the
 *       scheme's own is unset; the lower-case name wins when both are set.</li>
 *   <li>A proxy URL without a scheme is http://; its port defaults to 1080 as curl's does; a
 *       {@code user:password@} in it is sent as Basic proxy authentication and never printed.</li>
 *   <li>{@code no_proxy} / {@code NO_PROXY}: comma-separated names; {@code *} matches every host; a
 *       name matches itself and its subdomains ({@code example.com} and {@code .example.com} both
 *       match {@code api.example.com}); an IPv4 address or CIDR range matches literal addresses.</li>
 * </ul>
 * Only http:// proxies are supported (CONNECT tunnels https through them); another scheme is a
 * usage error naming the variable.
 */
public final class Proxies {
    /** The host[:port] of a URL, after an optional scheme and user info. */
    private static final java.util.regex.Pattern AUTHORITY = java.util.regex.Pattern.compile(
            "^(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?(?:[^@/]*@)?([^/?#]*)");

    public static final Proxies NONE = new Proxies(null, null, null, null, List.of());

    private final HttpUrl https;
    private final HttpUrl http;
    private final String httpsVar;
    private final String httpVar;
    private final List<String> noProxy;

    private Proxies(HttpUrl https, String httpsVar, HttpUrl http, String httpVar, List<String> noProxy) {
        this.https = https;
        this.http = http;
        this.httpsVar = httpsVar;
        this.httpVar = httpVar;
        this.noProxy = noProxy;
    }

    public static Proxies fromEnv(Map<String, String> env) {
        String[] httpsVar = {null};
        String[] httpVar = {null};
        String all = first(env, new String[1], "all_proxy", "ALL_PROXY");
        String httpsValue = first(env, httpsVar, "https_proxy", "HTTPS_PROXY");
        String httpValue = first(env, httpVar, "http_proxy", "HTTP_PROXY");
        if (httpsValue == null && all != null) {
            httpsValue = all;
            httpsVar[0] = env.containsKey("all_proxy") ? "all_proxy" : "ALL_PROXY";
        }
        if (httpValue == null && all != null) {
            httpValue = all;
            httpVar[0] = env.containsKey("all_proxy") ? "all_proxy" : "ALL_PROXY";
        }
        String no = first(env, new String[1], "no_proxy", "NO_PROXY");
        List<String> noProxy = new ArrayList<>();
        if (no != null) {
            for (String part : no.split(",")) {
                String p = part.trim().toLowerCase(Locale.ROOT);
                if (!p.isEmpty()) {
                    noProxy.add(p.startsWith(".") ? p.substring(1) : p);
                }
            }
        }
        return new Proxies(parse(httpsValue, httpsVar[0]), httpsVar[0], parse(httpValue, httpVar[0]), httpVar[0],
                List.copyOf(noProxy));
    }

    private static String first(Map<String, String> env, String[] name, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                name[0] = n;
                return v.trim();
            }
        }
        return null;
    }

    /** A proxy setting with any user:password@ masked, with or without a scheme. */
    static String withoutUserinfo(String value) {
        int scheme = value.indexOf("://");
        int from = scheme < 0 ? 0 : scheme + 3;
        int slash = value.indexOf('/', from);
        int at = value.lastIndexOf('@', slash < 0 ? value.length() - 1 : slash - 1);
        return at < from ? value : value.substring(0, from) + "****@" + value.substring(at + 1);
    }

    private static String start(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "...";
    }

    private static HttpUrl parse(String value, String variable) {
        if (value == null) {
            return null;
        }
        String v = value.contains("://") ? value : "http://" + value;
        HttpUrl url = HttpUrl.parse(v);
        if (url == null || !url.scheme().equals("http")) {
            throw CallxException.usage(variable + " is not an http:// proxy URL (callx supports http proxies, "
                    + "which tunnel https); it starts '" + start(withoutUserinfo(value)) + "'");
        }
        java.util.regex.Matcher authority = AUTHORITY.matcher(value);
        if (authority.find() && !authority.group(1).matches(".*:\\d+")) {
            url = url.newBuilder().port(1080).build(); // curl's default proxy port
        }
        return url;
    }

    /** The proxy URL for a request to {@code url}, or null to go direct. */
    public HttpUrl proxyFor(HttpUrl url) {
        HttpUrl proxy = url.isHttps() ? https : http;
        if (proxy == null || bypassed(url.host())) {
            return null;
        }
        return proxy;
    }

    /** Whether any proxy is configured. */
    public boolean any() {
        return https != null || http != null;
    }

    /** The proxy passwords, for masking. */
    public List<String> secrets() {
        List<String> s = new ArrayList<>();
        for (HttpUrl p : new HttpUrl[] {https, http}) {
            if (p != null && !p.password().isEmpty()) {
                s.add(p.password());
                s.add(p.encodedPassword());
                s.add(Credentials.basic(p.username(), p.password()).substring("Basic ".length()));
            }
        }
        return s;
    }

    boolean bypassed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            if (entry.equals("*") || h.equals(entry) || h.endsWith("." + entry) || inRange(h, entry)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 10.1.2.3} against {@code 10.0.0.0/8}. */
    private static boolean inRange(String host, String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || !host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        String net = cidr.substring(0, slash);
        if (!net.matches("\\d{1,3}(\\.\\d{1,3}){3}") || !cidr.substring(slash + 1).matches("\\d{1,2}")) {
            return false;
        }
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        if (bits > 32) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(host) & mask) == (ipv4(net) & mask);
    }

    private static long ipv4(String dotted) {
        long v = 0;
        for (String part : dotted.split("\\.")) {
            v = (v << 8) | (Integer.parseInt(part) & 0xFF);
        }
        return v;
    }

    /** An OkHttp proxy selector over these rules. */
    ProxySelector selector() {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                HttpUrl url = HttpUrl.get(uri);
                HttpUrl proxy = url == null ? null : proxyFor(url);
                if (proxy == null) {
                    return List.of(Proxy.NO_PROXY);
                }
                return List.of(new Proxy(Proxy.Type.HTTP,
                        InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // OkHttp reports the failure itself
            }
        };
    }

    /** Basic proxy authentication from the proxy URL's user and password, once per challenge. */
    Authenticator authenticator() {
        return (route, response) -> {
            if (response.request().header("Proxy-Authorization") != null) {
                return null; // refused with these credentials: give up, the 407 is the answer
            }
            HttpUrl proxy = route == null ? null : proxyFor(route.address().url());
            if (proxy == null || proxy.username().isEmpty()) {
                return null;
            }
            return response.request().newBuilder()
                    .header("Proxy-Authorization", Credentials.basic(proxy.username(), proxy.password()))
                    .build();
        };
    }

    /** Names the proxy for messages: its origin, never its user or password. */
    public String describe(HttpUrl url) {
        HttpUrl p = proxyFor(url);
        return p == null ? null : "the proxy " + p.host() + ":" + p.port() + " (" + (url.isHttps() ? httpsVar
                : httpVar) + ")";
    }
}
