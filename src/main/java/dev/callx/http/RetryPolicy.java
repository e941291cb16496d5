package dev.callx.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLException;

/**
 * What is worth another attempt, and how long to wait before it: the rules apart from the sending,
 * in the manner of okhttp's {@code RetryAndFollowUpInterceptor.recover}. The requests are GETs, so
 * repeating one is harmless.
 *
 * <ul>
 *   <li>Retried: HTTP 429, 500, 502, 503, 504; a timeout; a connection reset or a body cut short.</li>
 *   <li>Not retried: any other status; an unknown host; a TLS failure (a handshake to a plain-http
 *       port fails the same way every time); a redirect loop.</li>
 *   <li>Connection refused is retried at most twice: a server that is not listening rarely starts
 *       to within seconds, and a wrong port should not cost minutes.</li>
 *   <li>Waits: full jitter, a random time between 0 and min(30 s, 500 ms x 2^(attempt-1)), never
 *       more than --max-wait. A Retry-After in seconds or as an HTTP date is honoured instead, up to
 *       --max-wait; one in the past, or unreadable, falls back to the backoff.</li>
 * </ul>
 */
public final class RetryPolicy {
    /** Attempts after a refused connection, the first included. */
    static final int REFUSED_ATTEMPTS = 3;

    private final HttpSettings settings;
    private final Random random;
    private final Clock clock;

    public RetryPolicy(HttpSettings settings, Random random, Clock clock) {
        this.settings = settings;
        this.random = random;
        this.clock = clock;
    }

    /** Whether an answer with this status is worth another attempt. */
    public static boolean isRetryable(int code) {
        return code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
    }

    /** Whether the status says the server is overloaded: fewer requests in flight (see {@link Throttle}). */
    public static boolean isThrottling(int code) {
        return code == 429 || code == 503;
    }

    /** Whether a failure to talk to the server is worth another attempt. */
    public static boolean isRetryable(IOException e) {
        return !(e instanceof UnknownHostException || e instanceof SSLException || isRedirectLoop(e)
                || isProxyAuth(e));
    }

    /** OkHttp's words when a proxy refuses the credentials of an https tunnel (CONNECT). */
    public static boolean isProxyAuth(IOException e) {
        return e.getMessage() != null && e.getMessage().startsWith("Failed to authenticate with proxy");
    }

    /** OkHttp gives up after 20 redirects with this. */
    public static boolean isRedirectLoop(IOException e) {
        return e instanceof ProtocolException && e.getMessage() != null
                && e.getMessage().startsWith("Too many follow-up requests");
    }

    public static boolean isRefused(IOException e) {
        return e instanceof ConnectException;
    }

    /** A TLS handshake with something that answered in plain http. */
    public static boolean isPlainHttp(IOException e) {
        String m = e.getMessage();
        return e instanceof SSLException && m != null
                && (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext")
                || m.contains("Remote host terminated the handshake"));
    }

    /**
     * A timeout during the TLS handshake: the server took the connection but never answered the
     * ClientHello, as a plain-http server does that waits for a request line. Another attempt gets
     * the same silence, so it is tried as often as a refused connection.
     */
    public static boolean isHandshakeTimeout(IOException e) {
        if (!isTimeout(e)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getMethodName().equals("startHandshake")) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    }

    /** Full jitter: a random wait between 0 and min(cap, base * 2^(attempt-1)), at most --max-wait. */
    public Duration backoff(int attempt) {
        long ceiling = HttpSettings.BACKOFF_BASE.toMillis() << Math.min(attempt - 1, 16);
        ceiling = Math.min(ceiling, HttpSettings.BACKOFF_CAP.toMillis());
        ceiling = Math.min(ceiling, settings.maxWait().toMillis());
        return Duration.ofMillis(ceiling <= 0 ? 0 : (long) (random.nextDouble() * ceiling));
    }

    /**
     * The wait a Retry-After asks for, or null when it asks for none worth honouring (absent,
     * unreadable, or a date already past): then the backoff applies.
     */
    public Duration retryAfter(String header) {
        return RetryAfter.parse(header, clock);
    }

    /** Whether a wait is more than the user allows (--max-wait). */
    public boolean tooLong(Duration wait) {
        return wait.compareTo(settings.maxWait()) > 0;
    }

    public int attempts() {
        return settings.retries() + 1;
    }
}
