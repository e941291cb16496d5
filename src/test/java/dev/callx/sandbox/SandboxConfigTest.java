package dev.callx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class SandboxConfigTest {

    @Test
    void defaults() {
        SandboxConfig c = SandboxConfig.defaults();
        assertThat(c.port()).isZero();
        assertThat(c.calls()).isEqualTo(1000);
        assertThat(c.seed()).isEqualTo(42L);
        assertThat(c.latency()).isEqualTo(Duration.ZERO);
        assertThat(c.errorRate()).isZero();
        assertThat(c.rateLimitRate()).isZero();
        assertThat(c.anchor()).isEqualTo(c.anchor().truncatedTo(ChronoUnit.MINUTES));
        assertThat(c.anchor()).isBetween(Instant.now().minusSeconds(120), Instant.now());
    }

    @Test
    void withersChangeOneField() {
        Instant anchor = Instant.parse("2026-01-01T00:00:00Z");
        SandboxConfig c = SandboxConfig.defaults().withPort(8080).withCalls(5).withSeed(7)
                .withLatency(Duration.ofMillis(3)).withErrorRate(0.25).withRateLimitRate(0.5).withAnchor(anchor);
        assertThat(c).isEqualTo(new SandboxConfig(8080, 5, 7, Duration.ofMillis(3), 0.25, 0.5, anchor));
    }

    @Test
    void rejectsInvalidValuesWithClearMessages() {
        SandboxConfig d = SandboxConfig.defaults();
        assertThatThrownBy(() -> d.withPort(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> d.withPort(65536)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535");
        assertThatThrownBy(() -> d.withCalls(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calls");
        assertThatThrownBy(() -> d.withErrorRate(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("errorRate");
        assertThatThrownBy(() -> d.withErrorRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withRateLimitRate(-0.1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rateLimitRate");
        assertThatThrownBy(() -> d.withLatency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
        assertThatThrownBy(() -> d.withAnchor(null)).isInstanceOf(NullPointerException.class);
        assertThat(d.withPort(65535).port()).isEqualTo(65535);
        assertThat(d.withCalls(0).calls()).isZero();
        assertThat(d.withErrorRate(1).withRateLimitRate(1).errorRate()).isEqualTo(1.0);
    }
}
