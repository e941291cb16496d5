package dev.callx.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, per request, whether to fail it on purpose. Request k (counted from 0 among the requests
 * that reach fault injection) draws u_k in [0,1) from (seed, k): u_k < errorRate is a 503, then
 * u_k < errorRate + rateLimitRate is a 429, otherwise the request is served. The sequence is
 * deterministic; which concurrent request gets which k is not.
 */
final class FaultInjector {

    enum Fault { NONE, SERVER_ERROR, RATE_LIMITED }

    private final long seed;
    private final double errorRate;
    private final double rateLimitRate;
    private final AtomicLong counter = new AtomicLong();

    FaultInjector(long seed, double errorRate, double rateLimitRate) {
        this.seed = Dataset.mix(seed ^ 0x4641554C54L);
        this.errorRate = errorRate;
        this.rateLimitRate = rateLimitRate;
    }

    Fault next() {
        long k = counter.getAndIncrement();
        if (errorRate == 0 && rateLimitRate == 0) {
            return Fault.NONE;
        }
        double u = (Dataset.mix(seed + k * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
        if (u < errorRate) {
            return Fault.SERVER_ERROR;
        }
        if (u < errorRate + rateLimitRate) {
            return Fault.RATE_LIMITED;
        }
        return Fault.NONE;
    }
}
