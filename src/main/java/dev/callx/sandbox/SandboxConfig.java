package dev.callx.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Settings of a {@link Sandbox}. Immutable; use {@link #defaults()} and the {@code with*} methods.
 *
 * @param port          TCP port on 127.0.0.1; 0 picks a free port
 * @param calls         synthetic calls per platform (Ravan, Vaani, Zudu each get this many)
 * @param seed          seed of all synthetic data and of fault injection
 * @param latency       delay before answering every request
 * @param errorRate     fraction of authenticated requests answered 503
 * @param rateLimitRate fraction of authenticated requests answered 429 with {@code Retry-After: 1}
 * @param anchor        the newest call starts shortly before this instant; data spans the 90 days before it
 */
public record SandboxConfig(int port, int calls, long seed, Duration latency,
                            double errorRate, double rateLimitRate, Instant anchor) {

    public SandboxConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 (0 = any free port), got " + port);
        }
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be >= 0, got " + calls);
        }
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(anchor, "anchor");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        checkRate("errorRate", errorRate);
        checkRate("rateLimitRate", rateLimitRate);
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) { // also rejects NaN
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + rate);
        }
    }

    /** Port 0 (free port), 1000 calls, seed 42, no latency, no faults, anchor = now truncated to the minute. */
    public static SandboxConfig defaults() {
        return new SandboxConfig(0, 1000, 42L, Duration.ZERO, 0.0, 0.0,
                Instant.now().truncatedTo(ChronoUnit.MINUTES));
    }

    public SandboxConfig withPort(int p) {
        return new SandboxConfig(p, calls, seed, latency, errorRate, rateLimitRate, anchor);
    }

    public SandboxConfig withCalls(int n) {
        return new SandboxConfig(port, n, seed, latency, errorRate, rateLimitRate, anchor);
    }

    public SandboxConfig withSeed(long s) {
        return new SandboxConfig(port, calls, s, latency, errorRate, rateLimitRate, anchor);
    }

    public SandboxConfig withLatency(Duration d) {
        return new SandboxConfig(port, calls, seed, d, errorRate, rateLimitRate, anchor);
    }

    public SandboxConfig withErrorRate(double r) {
        return new SandboxConfig(port, calls, seed, latency, r, rateLimitRate, anchor);
    }

    public SandboxConfig withRateLimitRate(double r) {
        return new SandboxConfig(port, calls, seed, latency, errorRate, r, anchor);
    }

    public SandboxConfig withAnchor(Instant a) {
        return new SandboxConfig(port, calls, seed, latency, errorRate, rateLimitRate, a);
    }
}
