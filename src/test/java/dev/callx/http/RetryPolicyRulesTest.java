package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The retry rules one by one: which failures are retried, how the backoff grows, what is too long. */
class RetryPolicyRulesTest {
    /** A random at the top of its range: the backoff shows its ceiling. */
    private static final Random HIGH = new Random() {
        @Override
        public double nextDouble() {
            return 0.999;
        }
    };

    private static RetryPolicy policy(Duration maxWait) {
        return new RetryPolicy(new HttpSettings(Duration.ofSeconds(30), 5, maxWait, false), HIGH, Clock.systemUTC());
    }

    @Test
    void theBackoffCeilingDoublesFromHalfASecondUpToThirtySeconds() {
        RetryPolicy p = policy(Duration.ofSeconds(60));
        // 0.999 of 500 ms, 1 s, 2 s, 4 s ... capped at 30 s
        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(499));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(999));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(1998));
        assertThat(p.backoff(6)).isEqualTo(Duration.ofMillis(15984));
        assertThat(p.backoff(7)).isEqualTo(Duration.ofMillis(29970));
        assertThat(p.backoff(40)).isEqualTo(Duration.ofMillis(29970));
        assertThat(policy(Duration.ofSeconds(2)).backoff(6)).as("never past --max-wait")
                .isEqualTo(Duration.ofMillis(1998));
    }

    @Test
    void aWaitOfExactlyMaxWaitIsAllowedAndOneMillisecondMoreIsNot() {
        RetryPolicy p = policy(Duration.ofSeconds(60));
        assertThat(p.tooLong(Duration.ofSeconds(60))).isFalse();
        assertThat(p.tooLong(Duration.ofSeconds(60).plusMillis(1))).isTrue();
    }

    @Test
    void only429And503SayTheServerIsOverloaded() {
        assertThat(RetryPolicy.isThrottling(429)).isTrue();
        assertThat(RetryPolicy.isThrottling(503)).isTrue();
        for (int code : new int[] {200, 500, 502, 504, 404}) {
            assertThat(RetryPolicy.isThrottling(code)).as("HTTP " + code).isFalse();
        }
    }

    @Test
    void aProxyThatRefusedTheTunnelsCredentialsIsNotRetried() {
        IOException refused = new IOException("Failed to authenticate with proxy");
        assertThat(RetryPolicy.isProxyAuth(refused)).isTrue();
        assertThat(RetryPolicy.isRetryable(refused)).isFalse();
        IOException reset = new IOException("Connection reset");
        assertThat(RetryPolicy.isProxyAuth(reset)).isFalse();
        assertThat(RetryPolicy.isRetryable(reset)).isTrue();
        assertThat(RetryPolicy.isProxyAuth(new IOException())).as("no message").isFalse();
    }

    @Test
    void only429And500And502And503And504AreRetried() {
        // README, --retries: "retries of 429/500/502/503/504"
        for (int code : new int[] {429, 500, 502, 503, 504}) {
            assertThat(RetryPolicy.isRetryable(code)).as("HTTP " + code).isTrue();
        }
        for (int code : new int[] {200, 301, 400, 401, 403, 404, 408, 422, 428, 430, 499, 501, 505, 599}) {
            assertThat(RetryPolicy.isRetryable(code)).as("HTTP " + code).isFalse();
        }
    }

    @Test
    void fiveRetriesMakeSixAttempts() {
        assertThat(policy(Duration.ofSeconds(60)).attempts()).isEqualTo(6);
        assertThat(new RetryPolicy(new HttpSettings(Duration.ofSeconds(30), 0, Duration.ofSeconds(60), false), HIGH,
                Clock.systemUTC()).attempts()).as("--retries 0: the one attempt").isEqualTo(1);
    }

    @Test
    void aRetryAfterInSecondsOrAsADateIsTheWait() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        RetryPolicy p = new RetryPolicy(new HttpSettings(Duration.ofSeconds(30), 5, Duration.ofSeconds(60), false),
                HIGH, clock);
        assertThat(p.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        // RFC 9110 section 10.2.3: an HTTP date, 12 s after the clock
        assertThat(p.retryAfter("Sun, 01 Mar 2026 10:00:12 GMT")).isEqualTo(Duration.ofSeconds(12));
        assertThat(p.retryAfter(null)).as("absent: the backoff applies").isNull();
    }

    @Test
    void aRedirectLoopIsNotRetriedAndOtherProtocolErrorsAre() {
        // OkHttp's RetryAndFollowUpInterceptor: ProtocolException("Too many follow-up requests: 21")
        ProtocolException loop = new ProtocolException("Too many follow-up requests: 21");
        assertThat(RetryPolicy.isRedirectLoop(loop)).isTrue();
        assertThat(RetryPolicy.isRetryable(loop)).isFalse();
        assertThat(RetryPolicy.isRedirectLoop(new IOException("Too many follow-up requests: 21")))
                .as("the same words in another exception").isFalse();
        assertThat(RetryPolicy.isRedirectLoop(new ProtocolException("unexpected end of stream"))).isFalse();
        assertThat(RetryPolicy.isRedirectLoop(new ProtocolException())).as("no message").isFalse();
        assertThat(RetryPolicy.isRetryable(new ProtocolException("unexpected end of stream"))).isTrue();
    }

    @Test
    void anUnknownHostAndATlsFailureAreNotRetriedAndAReadTimeoutIs() {
        assertThat(RetryPolicy.isRetryable(new UnknownHostException("api.example.invalid"))).isFalse();
        assertThat(RetryPolicy.isRetryable(new SSLHandshakeException("PKIX path building failed"))).isFalse();
        assertThat(RetryPolicy.isRetryable(new SocketTimeoutException("Read timed out"))).isTrue();
    }

    @Test
    void aRefusedConnectionIsACountedKindOfFailure() {
        assertThat(RetryPolicy.isRefused(new ConnectException("Connection refused"))).isTrue();
        assertThat(RetryPolicy.isRefused(new IOException("Connection refused"))).isFalse();
    }

    @Test
    void aTlsHandshakeAnsweredInPlainHttpIsRecognisedByTheJdksWords() {
        // the JDK's SSLSocket, and OkHttp's, say one of these when the peer speaks plain http
        assertThat(RetryPolicy.isPlainHttp(new SSLException("Unsupported or unrecognized SSL message"))).isTrue();
        assertThat(RetryPolicy.isPlainHttp(new SSLException("plaintext connection?"))).isTrue();
        assertThat(RetryPolicy.isPlainHttp(new SSLHandshakeException("Remote host terminated the handshake")))
                .isTrue();
        assertThat(RetryPolicy.isPlainHttp(new SSLException("PKIX path building failed"))).isFalse();
        assertThat(RetryPolicy.isPlainHttp(new SSLException((String) null))).isFalse();
        assertThat(RetryPolicy.isPlainHttp(new IOException("Unsupported or unrecognized SSL message")))
                .as("not a TLS failure").isFalse();
    }

    @Test
    void aTimeoutIsASocketTimeoutOrOkHttpsTimeout() {
        assertThat(RetryPolicy.isTimeout(new SocketTimeoutException("Read timed out"))).isTrue();
        // OkHttp's call timeout: InterruptedIOException("timeout")
        assertThat(RetryPolicy.isTimeout(new InterruptedIOException("timeout"))).isTrue();
        assertThat(RetryPolicy.isTimeout(new InterruptedIOException("interrupted"))).isFalse();
        assertThat(RetryPolicy.isTimeout(new InterruptedIOException())).isFalse();
        assertThat(RetryPolicy.isTimeout(new IOException("timeout"))).isFalse();
    }

    private static <T extends Throwable> T thrownIn(T t, String method) {
        t.setStackTrace(new StackTraceElement[] {new StackTraceElement("sun.security.ssl.SSLSocketImpl", method,
                null, -1)});
        return t;
    }

    @Test
    void aTimeoutDuringTheTlsHandshakeIsTellingApartFromOneAfterIt() {
        assertThat(RetryPolicy.isHandshakeTimeout(thrownIn(new SocketTimeoutException("Read timed out"),
                "startHandshake"))).isTrue();
        // the handshake frame in the cause of the timeout
        SocketTimeoutException outer = thrownIn(new SocketTimeoutException("timeout"), "read");
        outer.initCause(thrownIn(new IOException("inner"), "startHandshake"));
        assertThat(RetryPolicy.isHandshakeTimeout(outer)).isTrue();
        assertThat(RetryPolicy.isHandshakeTimeout(thrownIn(new SocketTimeoutException("Read timed out"), "read")))
                .as("a timeout reading the body").isFalse();
        assertThat(RetryPolicy.isHandshakeTimeout(thrownIn(new IOException("reset"), "startHandshake")))
                .as("not a timeout").isFalse();
    }
}
