package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
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
}
