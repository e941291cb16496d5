package dev.callx.sandbox;

import static dev.callx.sandbox.SandboxHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The sandbox's port: taken when asked for, closed when closed. Isolated from the other test classes,
 * which open and close ports all the time: a port freed here could otherwise be taken by one of them
 * before the test looks at it again.
 */
@Isolated
class SandboxPortTest {
    @Test
    void closeStopsServingAndIsIdempotent() throws IOException {
        Sandbox s = Sandbox.start(SandboxHttp.config(10).withLatency(Duration.ofMillis(1)));
        assertThat(get(s, "/api/call-history", SandboxHttp.vaaniKey(s)).status()).isEqualTo(200);
        s.close();
        s.close();
        assertThatThrownBy(() -> get(s, "/api/call-history", SandboxHttp.vaaniKey(s)))
                .isInstanceOf(UncheckedIOException.class);
    }

    /**
     * Ctrl-C interrupts the thread that then closes the sandbox: the port must be closed when close()
     * returns all the same (it stayed open for a moment in about half the runs before the fix).
     */
    @Test
    void closeFromAnInterruptedThreadClosesThePortBeforeReturning() throws IOException {
        for (int i = 0; i < 20; i++) {
            Sandbox s = Sandbox.start(SandboxHttp.config(1));
            int port = s.port();
            Thread.currentThread().interrupt();
            try {
                s.close();
                assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("attempt %d", i)
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void fixedPortIsHonoured() throws IOException {
        int port;
        try (Sandbox probe = Sandbox.start(SandboxHttp.config(1))) {
            port = probe.port();
        }
        try (Sandbox s = Sandbox.start(SandboxHttp.config(1).withPort(port))) {
            assertThat(s.port()).isEqualTo(port);
            assertThat(s.baseUrl()).endsWith(":" + port);
        }
    }
}
