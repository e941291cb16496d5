package dev.callx.cli;

import static dev.callx.cli.OneLineError.assertOneLineError;
import static dev.callx.testing.Api.json;
import static dev.callx.testing.Api.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC section 7, exit 6: a network or server failure that persisted. Waits between attempts are
 * recorded by the runner, never slept.
 */
class ErrorsNetworkTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();
    private CallxRunner callx;

    @BeforeEach
    void credentials() {
        callx = CallxRunner.callx().env("VAANI_API_KEY", "vk-test-0001").env("ZUDU_API_KEY", "zk-test-0001")
                .env("ZUDU_API_SECRET", "zs-test-0001");
    }

    private String base() {
        return server.baseUrl();
    }

    private static MockResponse status(int code) {
        return json(code, "{\"detail\": \"try later\"}");
    }

    @Test
    void connectionRefusedIsRetriedThenExit6() throws Exception {
        // port 1 (tcpmux) is not served on a test machine; a port just freed could be taken by a test
        // class running alongside
        Result r = callx.run("vaani", "--base-url", "http://127.0.0.1:1/", "--retries", "2");

        assertOneLineError(r, 6, "vaani", "Vaani Voice", "connection refused", "after 3 attempts",
                "Is the URL right? Nothing is listening at http://127.0.0.1:1; check --base-url");
        assertThat(callx.waits()).as(r.toString()).hasSize(2);
    }

    @Test
    void aTimeoutIsExit6() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"data\": []}").onResponseStart(SocketEffect.Stall.INSTANCE).build());
        Result r = callx.run("vaani", "--base-url", base(), "--timeout", "200ms", "--retries", "0");

        assertOneLineError(r, 6, "vaani", "Vaani Voice", "timed out after 0.2s", "--timeout");
        // no retry; on a loaded machine the 0.2 s may pass before the server has read the request
        assertThat(server.requestCount()).isLessThanOrEqualTo(1);
        assertThat(callx.waits()).isEmpty();
    }

    @Test
    void aBodyThatStallsTimesOutToo() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"data\": []}").onResponseBody(SocketEffect.Stall.INSTANCE).build());
        Result r = callx.run("vaani", "--base-url", base(), "--timeout", "200ms", "--retries", "0");

        assertOneLineError(r, 6, "vaani", "Vaani Voice", "timed out");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 502, 503, 504})
    void aRetryableStatusIsTriedRetriesPlusOneTimesThenExit6(int code) {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(code));
        }
        Result r = callx.run("vaani", "--base-url", base(), "--retries", "3");

        assertOneLineError(r, 6, "vaani", "Vaani Voice", "HTTP " + code, "after 4 attempts", "try later",
                "Try again later");
        assertThat(server.requestCount()).isEqualTo(4);
        assertThat(callx.waits()).as(r.toString()).hasSize(3);
    }

    @Test
    void backoffWaitsAreJitteredBelowAGrowingCeiling() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(503));
        }
        Result r = callx.run("vaani", "--base-url", base(), "--retries", "3");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(callx.waits()).hasSize(3);
        assertThat(callx.waits().get(0)).isBetween(Duration.ZERO, Duration.ofMillis(500));
        assertThat(callx.waits().get(1)).isBetween(Duration.ZERO, Duration.ofMillis(1000));
        assertThat(callx.waits().get(2)).isBetween(Duration.ZERO, Duration.ofMillis(2000));
    }

    @Test
    void retriesZeroMeansOneAttempt() {
        server.enqueue(status(503));
        Result r = callx.run("vaani", "--base-url", base(), "--retries", "0");

        assertOneLineError(r, 6, "vaani", "after 1 attempt;", "HTTP 503");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(callx.waits()).isEmpty();
    }

    @Test
    void a500ThatPersistsIsExit6AfterTheRetries() {
        // a 500 is retried like a 502 (issue 8.9: these are idempotent GETs, and one transient 500 must
        // not end a nightly export)
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(500, "{\"detail\": \"database exploded\"}"));
        }
        Result r = callx.run("vaani", "--base-url", base(), "--retries", "2");

        assertOneLineError(r, 6, "vaani", "Vaani Voice", "HTTP 500", "database exploded", "after 3 attempts");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aFailureThatPassesIsNoError() {
        server.enqueue(status(503));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
        server.enqueue(json(resource("/api/vaani-call-history.json")));
        Result r = callx.run("vaani", "--base-url", base(), "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).hasSize(1);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(callx.waits()).hasSize(2).endsWith(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterSecondsIsHonoured() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                    .addHeader("Content-Type", "application/json").body("{\"detail\": \"slow down\"}").build());
        }
        Result r = callx.run("vaani", "--base-url", base(), "--retries", "2", "-q");

        // -q: the error line alone (without it, each wait of more than a second says so: ErrorsNetwork's
        // retryLines test and HostileNetworkTest)
        assertOneLineError(r, 6, "vaani", "Vaani Voice", "HTTP 429", "slow down", "after 3 attempts");
        assertThat(callx.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(CallxRunner.NOW.plusSeconds(30)
                .atZone(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", in30s).build());
        server.enqueue(json(resource("/api/zudu-calls.json")));
        Result r = callx.run("calls", "--base-url", base(), "--page", "0");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(callx.waits()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterAboveMaxWaitFailsAtOnce() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
        server.enqueue(json(resource("/api/vaani-call-history.json")));
        Result r = callx.run("vaani", "--base-url", base(), "--max-wait", "60s");

        assertOneLineError(r, 6, "vaani", "Vaani Voice", "HTTP 429", "3600s", "--max-wait");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(callx.waits()).isEmpty();
    }

    @Test
    void aBodyCutMidJsonEveryTimeIsExit6() {
        server.enqueue(json("{\"data\": [{\"call_id\": \"c1\""));
        server.enqueue(json("{\"data\": [{\"call_id\": \"c1\""));
        Result r = callx.run("vaani", "--base-url", base(), "--retries", "1");

        assertOneLineError(r, 6, "vaani", "Vaani Voice", "HTTP 200", "mid-JSON", "Try again later");
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(callx.waits()).hasSize(1);
    }

    @Test
    void withVerboseEachAttemptIsLogged() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(502));
        }
        Result r = callx.run("vaani", "--base-url", base(), "--retries", "2", "-v");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.err()).as(r.toString()).contains("(attempt 1/3)", "(attempt 2/3)", "(attempt 3/3)")
                .contains("retrying page 1");
        assertThat(r.errLines()).last().asString().contains("after 3 attempts");
    }
}
