package dev.callx.sandbox;

import java.util.UUID;

/**
 * One compact synthetic call; every platform-specific field is derived from these values when
 * serialised. Index 0 is the newest call.
 *
 * @param startMs     start, epoch milliseconds
 * @param micros      extra microseconds (0..999) for platforms with microsecond timestamps
 * @param durationMs  start to end
 * @param answerMs    start to pick-up (dialling and ringing), within durationMs
 * @param customer    index of the {@link Customer}
 * @param agent       index of the platform's {@link Agent}
 * @param channel     0 phone, 1 web, 2 sip
 * @param sentiment   0 positive, 1 neutral, 2 negative
 * @param topic       index of the summary/transcript template
 * @param latencyTenths median end-to-end latency in tenths of a millisecond
 * @param bits        random bits for further derived values (room ids, call sids, ...)
 */
record SyntheticCall(int index, long startMs, int micros, int durationMs, int answerMs,
                     int customer, int agent, boolean inbound, int channel, Outcome outcome,
                     int sentiment, int topic, int latencyTenths, long idHi, long idLo, long bits) {

    UUID uuid() {
        return new UUID((idHi & ~0xF000L) | 0x4000L, (idLo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    /** Whole seconds of the start (some platforms only show seconds). */
    long startSecondMs() {
        return Math.floorDiv(startMs, 1000L) * 1000L;
    }

    int durationSec() {
        return durationMs / 1000;
    }

    long endMs() {
        return startMs + durationMs;
    }

    /** A pseudo-random value in [0, bound), derived from {@link #bits}; distinct slots give independent values. */
    int pick(int slot, int bound) {
        return (int) Long.remainderUnsigned(Dataset.mix(bits ^ ((slot + 1) * 0x9E3779B97F4A7C15L)), bound);
    }

    /** {@code length} lowercase hex digits derived from {@link #bits}; distinct slots give distinct strings. */
    String hex(int slot, int length) {
        StringBuilder sb = new StringBuilder(length + 16);
        for (int chunk = 0; sb.length() < length; chunk++) {
            String h = Long.toHexString(Dataset.mix(bits + 31L * slot + 1013L * chunk));
            sb.append("0".repeat(16 - h.length())).append(h);
        }
        return sb.substring(0, length);
    }
}
