package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.log.Log;
import dev.callx.log.Secrets;
import dev.callx.testing.PlatformServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The attempts behind one request: which are counted as retries, which waits are announced on
 * stderr and at what level, what -v logs for each, how the run's shared limit hears about them,
 * and how an interrupt ends them.
 */
class ApiClientAttemptsTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private ApiClient client(Log.Level level, Sleeper sleeper, Throttle throttle) {
        Log log = new Log(new PrintWriter(err, true), level, new Secrets(), "test");
        Target target = new Target("Vaani Voice", server.url("/"), Map.of("X-API-Key", "vk-1"), "VAANI_API_KEY", null);
        return new ApiClient(target, new HttpSettings(Duration.ofSeconds(10), 5, Duration.ofSeconds(60), false), log,
                sleeper, new Random(1), Clock.systemUTC(), throttle);
    }

    private ApiClient client(Log.Level level) {
        return client(level, waits::add, new Throttle(1));
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    private static MockResponse retryAfter(int code, String seconds) {
        return new MockResponse.Builder().code(code).addHeader("Retry-After", seconds).build();
    }

    @Test
    void onlyTheAttemptsAfterTheFirstAreCountedAsRetries() {
        server.whenPath("/api/call-history").respond(status(503), status(502)).respondJson("{\"data\": []}");
        List<Boolean> attempts = new CopyOnWriteArrayList<>();

        client(Log.Level.NORMAL).onAttempt(attempts::add).getJson(server.url("/api/call-history"), "page 1");

        assertThat(attempts).containsExactly(false, true, true);
    }

    @Test
    void aShortWaitAfterAQuickAttemptIsNotAnnouncedInNormalMode() {
        server.whenPath("/api/call-history").respond(status(503)).respondJson("{\"data\": []}");

        client(Log.Level.NORMAL).getJson(server.url("/api/call-history"), "page 1");

        assertThat(waits).hasSize(1);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aRetryAfterOfExactlyOneSecondIsNotAnnouncedInNormalMode() {
        server.whenPath("/api/call-history").respond(retryAfter(503, "1")).respondJson("{\"data\": []}");

        client(Log.Level.NORMAL).getJson(server.url("/api/call-history"), "page 1");

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aWaitOfMoreThanOneSecondIsAnnouncedWithTheAttemptAndTheReason() {
        server.whenPath("/api/call-history").respond(new MockResponse.Builder().code(503)
                .addHeader("Retry-After", "2").body("down for maintenance").build()).respondJson("{\"data\": []}");

        client(Log.Level.NORMAL).getJson(server.url("/api/call-history"), "page 1");

        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(err.toString()).isEqualTo("callx test: retrying page 1 in 2s (attempt 2 of 6; HTTP 503 Service "
                + "Unavailable: \"down for maintenance\")" + System.lineSeparator());
    }

    @Test
    void verboseModeLogsEachAttemptWithItsOwnElapsedTime() {
        server.whenPath("/api/call-history").respond(status(503)).respondJson("{\"data\": []}");

        client(Log.Level.VERBOSE).getJson(server.url("/api/call-history"), "page 1");

        String url = Pattern.quote(server.url("/api/call-history").toString());
        Matcher first = Pattern.compile("callx test: GET " + url + " -> 503 Service Unavailable, 0 bytes, (\\d+) ms "
                + "\\(attempt 1/6\\)").matcher(err.toString());
        Matcher second = Pattern.compile("callx test: GET " + url + " -> 200 OK, (\\d+) ms \\(attempt 2/6\\)")
                .matcher(err.toString());
        assertThat(first.find()).as(err.toString()).isTrue();
        assertThat(second.find()).as(err.toString()).isTrue();
        assertThat(err.toString()).contains("callx test: retrying page 1 in ");
        // each attempt ended within this test's 30 s timeout: the figure is the attempt's, not a clock reading
        assertThat(Long.parseLong(first.group(1))).isBetween(0L, 30_000L);
        assertThat(Long.parseLong(second.group(1))).isBetween(0L, 30_000L);
    }

    @Test
    void a429HalvesTheRunsLimitOnRequestsInFlight() {
        server.whenPath("/api/call-history").respond(status(429)).respondJson("{\"data\": []}");
        Throttle throttle = new Throttle(4);

        client(Log.Level.NORMAL, waits::add, throttle).getJson(server.url("/api/call-history"), "page 1");

        assertThat(throttle.shrinks()).isEqualTo(1);
        assertThat(throttle.limit()).isEqualTo(2);
    }

    @Test
    void a500LeavesTheRunsLimitAlone() {
        server.whenPath("/api/call-history").respond(status(500)).respondJson("{\"data\": []}");
        Throttle throttle = new Throttle(4);

        client(Log.Level.NORMAL, waits::add, throttle).getJson(server.url("/api/call-history"), "page 1");

        assertThat(throttle.shrinks()).isZero();
        assertThat(throttle.limit()).isEqualTo(4);
    }

    /** Whether another request of the run could start now: a thread asks for a permit, and gives it back. */
    private static Thread.State anotherRequestTries(Throttle throttle) throws InterruptedException {
        Thread other = new Thread(() -> {
            try {
                throttle.release(throttle.acquire(), Throttle.Outcome.OTHER);
            } catch (InterruptedException e) {
                // held back, and let go by the test
            }
        });
        other.start();
        Thread.State state;
        while ((state = other.getState()) != Thread.State.WAITING && state != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        other.interrupt();
        other.join();
        return state;
    }

    @Test
    void aRetryAfterHoldsTheRunsOtherRequestsWhileItIsWaited() {
        server.whenPath("/api/call-history").respond(retryAfter(429, "2")).respondJson("{\"data\": []}");
        Throttle throttle = new Throttle(4);
        AtomicReference<Thread.State> during = new AtomicReference<>();

        client(Log.Level.NORMAL, d -> during.set(anotherRequestTries(throttle)), throttle)
                .getJson(server.url("/api/call-history"), "page 1");

        assertThat(during.get()).as("another request waits out the Retry-After").isEqualTo(Thread.State.WAITING);
    }

    @Test
    void aBackoffHoldsOnlyTheRequestThatFailed() {
        server.whenPath("/api/call-history").respond(status(500)).respondJson("{\"data\": []}");
        Throttle throttle = new Throttle(4);
        AtomicReference<Thread.State> during = new AtomicReference<>();

        client(Log.Level.NORMAL, d -> during.set(anotherRequestTries(throttle)), throttle)
                .getJson(server.url("/api/call-history"), "page 1");

        assertThat(during.get()).as("another request goes ahead").isEqualTo(Thread.State.TERMINATED);
    }

    @Test
    void anInterruptWhileWaitingForAPermitEndsTheRequestAndKeepsTheInterrupt() throws InterruptedException {
        Throttle throttle = new Throttle(1);
        Throttle.Permit held = throttle.acquire(); // the run's one permit, held by another request
        ApiClient client = client(Log.Level.NORMAL, waits::add, throttle);

        Thread.currentThread().interrupt();
        CallxException e = catchThrowableOfType(CallxException.class,
                () -> client.getJson(server.url("/api/call-history"), "page 1"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(e.getMessage()).isEqualTo("interrupted before fetching page 1 from Vaani Voice; nothing more was "
                + "fetched. Run the command again for a full export");
        assertThat(Thread.currentThread().isInterrupted()).as("the caller still sees the interrupt").isTrue();
        assertThat(server.requestCount()).isZero();
        throttle.release(held, Throttle.Outcome.OTHER);
    }

    @Test
    void anInterruptDuringTheWaitBeforeARetryEndsTheRequestAndKeepsTheInterrupt() {
        server.whenPath("/api/call-history").respond(status(503));
        ApiClient client = client(Log.Level.NORMAL, d -> {
            throw new InterruptedException("Ctrl-C");
        }, new Throttle(1));

        CallxException e = catchThrowableOfType(CallxException.class,
                () -> client.getJson(server.url("/api/call-history"), "page 1"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(e.getMessage()).isEqualTo("interrupted while waiting to retry page 1 from Vaani Voice; nothing "
                + "more was fetched. Run the command again for a full export");
        assertThat(Thread.currentThread().isInterrupted()).as("the caller still sees the interrupt").isTrue();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anInterruptWhileAnAttemptIsAnsweredStopsTheRetries() {
        Thread caller = Thread.currentThread();
        server.whenPath("/api/call-history").answer(r -> {
            caller.interrupt(); // Ctrl-C, or the page no longer wanted, while the server answers
            return status(503);
        });

        CallxException e = catchThrowableOfType(CallxException.class,
                () -> client(Log.Level.NORMAL).getJson(server.url("/api/call-history"), "page 1"));

        assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(e.getMessage()).isEqualTo("interrupted while fetching page 1 from Vaani Voice; nothing more was "
                + "fetched. Run the command again for a full export");
        assertThat(waits).as("no wait before a retry nobody wants").isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(err.toString()).doesNotContain("retrying");
    }

    // ---- cancelled by the caller (a page past the end no longer wanted, Ctrl-C): not retried ----

    @Test
    void anInterruptedRequestIsNotRetried() {
        server.whenPath("/api/call-history").always(new MockResponse.Builder().code(503).build());
        ApiClient client = client(Log.Level.VERBOSE);

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> client.getJson(server.url("/api/call-history"), "page 1"))
                .isInstanceOfSatisfying(CallxException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));

        assertThat(waits).as("no wait before a retry nobody wants").isEmpty();
        assertThat(server.requestCount()).as("no retry sent").isLessThanOrEqualTo(1);
        assertThat(err.toString()).doesNotContain("retrying");
    }

    @Test
    void withoutAnInterruptTheSameFailureIsRetried() {
        server.whenPath("/api/call-history").respond(new MockResponse.Builder().code(503).build())
                .respondJson("{\"data\":[]}");
        ApiClient client = client(Log.Level.VERBOSE);

        assertThat(client.getJson(server.url("/api/call-history"), "page 1").status()).isEqualTo(200);
        assertThat(waits).hasSize(1);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    /**
     * OkHttp is Kotlin: its connect waits on a queue and throws InterruptedException undeclared when
     * the thread is interrupted. Thrown from inside the attempt (here by the body reader, the same try),
     * it is the run being cancelled: exit 130, the interrupt kept, no retry.
     */
    @Test
    void anUndeclaredInterruptedExceptionIsACancellationNotACrash() {
        server.whenPath("/api/call-history").always(new MockResponse.Builder().body("{}").build());
        ApiClient client = client(Log.Level.VERBOSE);

        assertThatThrownBy(() -> client.exchange(server.url("/api/call-history"), "page 3", false, "application/json",
                (response, what) -> sneaky(new InterruptedException())))
                .isInstanceOfSatisfying(CallxException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
                    assertThat(e.getMessage()).startsWith("interrupted while fetching page 3 from Vaani Voice");
                });

        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
        assertThat(server.requestCount()).as("not retried").isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void anotherUndeclaredCheckedExceptionIsAnInternalErrorWithItsCause() {
        server.whenPath("/api/call-history").always(new MockResponse.Builder().body("{}").build());
        ApiClient client = client(Log.Level.VERBOSE);
        Exception odd = new java.util.concurrent.TimeoutException("odd");

        assertThatThrownBy(() -> client.exchange(server.url("/api/call-history"), "page 1", false, "application/json",
                (response, what) -> sneaky(odd)))
                .isInstanceOf(IllegalStateException.class).hasCause(odd);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static <T, E extends Exception> T sneaky(Exception e) throws E {
        throw (E) e;
    }
}
