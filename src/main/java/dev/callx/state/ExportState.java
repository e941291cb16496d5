package dev.callx.state;

import java.time.Instant;
import java.util.List;

/**
 * Where one export stands after its last successful run.
 *
 * @param key           which export
 * @param highWaterMark the newest {@code started_at} ever written by this export, or null when none was
 * @param seenFrom      from this time on, {@link #seen} holds every call exported (null: no run yet
 *                      bounded it); a later run cannot look back before it without exporting twice
 * @param seen          the calls exported with {@code started_at} at or after {@code seenFrom}: the
 *                      lookback window before the high-water mark
 * @param updatedAt     when the last successful run committed this
 * @param lastWritten   records that run wrote
 */
public record ExportState(ExportKey key, Instant highWaterMark, Instant seenFrom, List<Seen> seen,
                          Instant updatedAt, long lastWritten) {
    public ExportState {
        seen = List.copyOf(seen);
    }

    /** A call exported, remembered so that a run looking back over it leaves it out. */
    public record Seen(String id, Instant startedAt) {
    }

    /** A key with nothing exported yet. */
    public static ExportState fresh(ExportKey key) {
        return new ExportState(key, null, null, List.of(), null, 0);
    }

    /** Whether a run has set where this export stands. */
    public boolean hasPosition() {
        return highWaterMark != null;
    }
}
