package dev.callx.export;

import java.time.Instant;

/**
 * {@code --since} (inclusive) and {@code --until} (exclusive) on a call's start time; either may be null.
 */
public record TimeWindow(Instant since, Instant until) {
    public static final TimeWindow ALL = new TimeWindow(null, null);

    public boolean bounded() {
        return since != null || until != null;
    }

    public boolean contains(Instant t) {
        return (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
    }
}
