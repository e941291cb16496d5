package dev.callx.http;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How requests reach the platforms: proxies from the environment, and extra certificate
 * authorities (--ca-cert, else SSL_CERT_FILE). The authorities are read only when a TLS connection
 * is set up: building the JDK's trust store with a bundle costs a lookup against an http:// base
 * URL a large part of its start, and many machines set SSL_CERT_FILE for every program.
 */
public final class Network {
    public static final Network DIRECT = new Network(Proxies.NONE, () -> null);

    private final Proxies proxies;
    private final Supplier<Trust> source;
    private Trust trust;
    private boolean read;

    private Network(Proxies proxies, Supplier<Trust> source) {
        this.proxies = proxies;
        this.source = source;
    }

    /**
     * @param caCert --ca-cert, or null; then SSL_CERT_FILE when set
     */
    public static Network from(Map<String, String> env, Path caCert) {
        Supplier<Trust> source = () -> null;
        if (caCert != null) {
            source = () -> Trust.withBundle(caCert, "--ca-cert");
        } else if (env.get("SSL_CERT_FILE") != null && !env.get("SSL_CERT_FILE").isBlank()) {
            Path bundle = Path.of(env.get("SSL_CERT_FILE").trim());
            source = () -> Trust.withBundle(bundle, "SSL_CERT_FILE");
        }
        return new Network(Proxies.fromEnv(env), source);
    }

    /** The proxies ({@link Proxies#NONE} for none). */
    public Proxies proxies() {
        return proxies;
    }

    /**
     * The authorities trusted, or null for the JDK's own; read at the first call.
     *
     * @throws dev.callx.error.CallxException exit 2 when the bundle cannot be read or holds no certificate
     */
    public synchronized Trust trust() {
        if (!read) {
            trust = source.get();
            read = true;
        }
        return trust;
    }
}
