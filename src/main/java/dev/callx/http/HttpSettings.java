package dev.callx.http;

import java.time.Duration;

/**
 * Per-run HTTP behaviour.
 *
 * @param timeout   per-request timeout (connect, send, wait and read together)
 * @param retries   retries after the first attempt for 429, 502, 503, 504 and I/O failures
 * @param maxWait   the longest single wait callx accepts, Retry-After included
 * @param allowHttp allow plain http:// to a host that is not loopback
 * @param maxResponseSize the largest body callx reads, in bytes, as decoded (--max-response-size)
 * @param network   proxies and extra certificate authorities
 */
public record HttpSettings(Duration timeout, int retries, Duration maxWait, boolean allowHttp, long maxResponseSize,
                           Network network) {
    public static final Duration BACKOFF_BASE = Duration.ofMillis(500);
    public static final Duration BACKOFF_CAP = Duration.ofSeconds(30);

    public static final long DEFAULT_MAX_RESPONSE_SIZE = 256L * 1024 * 1024;

    public HttpSettings(Duration timeout, int retries, Duration maxWait, boolean allowHttp) {
        this(timeout, retries, maxWait, allowHttp, DEFAULT_MAX_RESPONSE_SIZE, Network.DIRECT);
    }

    public HttpSettings(Duration timeout, int retries, Duration maxWait, boolean allowHttp, long maxResponseSize) {
        this(timeout, retries, maxWait, allowHttp, maxResponseSize, Network.DIRECT);
    }

    public HttpSettings withNetwork(Network n) {
        return new HttpSettings(timeout, retries, maxWait, allowHttp, maxResponseSize, n);
    }

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(30), 5, Duration.ofSeconds(60), false);
    }
}
