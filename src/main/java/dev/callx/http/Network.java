package dev.callx.http;

import java.nio.file.Path;
import java.util.Map;

/**
 * How requests reach the platforms: proxies from the environment, and extra certificate
 * authorities (--ca-cert, else SSL_CERT_FILE).
 *
 * @param proxies the proxies ({@link Proxies#NONE} for none)
 * @param trust   the authorities trusted, or null for the JDK's own
 */
public record Network(Proxies proxies, Trust trust) {
    public static final Network DIRECT = new Network(Proxies.NONE, null);

    /**
     * @param caCert --ca-cert, or null; then SSL_CERT_FILE when set
     */
    public static Network from(Map<String, String> env, Path caCert) {
        Trust trust = null;
        if (caCert != null) {
            trust = Trust.withBundle(caCert, "--ca-cert");
        } else if (env.get("SSL_CERT_FILE") != null && !env.get("SSL_CERT_FILE").isBlank()) {
            trust = Trust.withBundle(Path.of(env.get("SSL_CERT_FILE").trim()), "SSL_CERT_FILE");
        }
        return new Network(Proxies.fromEnv(env), trust);
    }
}
