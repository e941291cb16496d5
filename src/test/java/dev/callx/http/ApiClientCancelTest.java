package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request cancelled by its caller (the thread interrupted: a page past the end no longer wanted,
 * Ctrl-C) fails as interrupted at once: it is not retried, and no wait is slept or announced.
 */
class ApiClientCancelTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private ApiClient client() {
        Log log = new Log(new PrintWriter(err, true), Log.Level.VERBOSE, new Secrets(), "test");
        Target target = new Target("Vaani Voice", server.url("/"), Map.of("X-API-Key", "vk-1"), "VAANI_API_KEY", null);
        return new ApiClient(target, new HttpSettings(Duration.ofSeconds(10), 5, Duration.ofSeconds(60), false), log,
                waits::add, new Random(1), Clock.systemUTC());
    }

    @Test
    void anInterruptedRequestIsNotRetried() {
        server.whenPath("/api/call-history").always(new MockResponse.Builder().code(503).build());
        ApiClient client = client();

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
        ApiClient client = client();

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
        ApiClient client = client();

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
        ApiClient client = client();
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
