package dev.callx.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is retried, how often, and how long callx waits in between (waits are recorded, not slept). */
class RetryPolicyTest {
    private static final String PAGE = Api.vaaniOnlyPage();

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    private Result vaani(CallxRunner runner, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "vaani";
        args[1] = "--base-url";
        args[2] = server.baseUrl();
        System.arraycopy(options, 0, args, 3, options.length);
        return runner.run(args);
    }

    @Test
    void aTimeoutIsRetried() {
        server.enqueue(new MockResponse.Builder().code(200).body(PAGE)
                .onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(Api.json(PAGE));
        CallxRunner runner = CallxRunner.callx().env("VAANI_API_KEY", "k");
        Result r = vaani(runner, "--timeout", "300ms", "--retries", "1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(runner.waits()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 410, 422})
    void otherClientErrorsAreNeverRetried(int code) {
        server.enqueue(Api.json(code, "{\"detail\": \"no\"}"));
        server.enqueue(Api.json(PAGE));
        CallxRunner runner = CallxRunner.callx().env("VAANI_API_KEY", "k");
        Result r = vaani(runner);
        assertThat(r.exitCode()).as(r.toString()).isIn(3, 4, 5);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(runner.waits()).isEmpty();
    }

    @Test
    void backoffNeverWaitsMoreThanThirtySeconds() {
        for (int i = 0; i < 12; i++) {
            server.enqueue(Api.json(503, "{}"));
        }
        CallxRunner runner = CallxRunner.callx().env("VAANI_API_KEY", "k");
        Result r = vaani(runner, "--retries", "11", "--max-wait", "5m");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.err()).contains("page 1", "12 attempts", "HTTP 503");
        assertThat(runner.waits()).hasSize(11).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(30)));
        for (int i = 0; i < 11; i++) {
            long ceiling = Math.min(30_000, 500L << i);
            assertThat(runner.waits().get(i).toMillis()).isBetween(0L, ceiling);
        }
    }

    @Test
    void maxWaitBoundsTheBackoffToo() {
        for (int i = 0; i < 8; i++) {
            server.enqueue(Api.json(502, "{}"));
        }
        CallxRunner runner = CallxRunner.callx().env("VAANI_API_KEY", "k");
        Result r = vaani(runner, "--retries", "7", "--max-wait", "2s");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(runner.waits()).hasSize(7).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(2)));
    }
}
