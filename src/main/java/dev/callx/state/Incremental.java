package dev.callx.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One run of an export with a state: which calls it leaves out, and where the export stands after it.
 *
 * <ul>
 *   <li>Without a position (the first run, or {@code --full-refresh}), the run takes what --since
 *       selects, or everything.</li>
 *   <li>With one, it looks back {@code lookback} before the high-water mark (the newest
 *       {@code started_at} written so far), but never before {@link ExportState#seenFrom()}, where
 *       the memory of exported ids begins; --since is then not used. Calls it remembers are left
 *       out: a call that started in that window and was exported is never exported again, one that
 *       arrived late (or shares its start time with the last one written) is.</li>
 *   <li>The new high-water mark is the largest {@code started_at} written, whatever order the
 *       records came in; the ids remembered are those of the calls written or remembered whose
 *       {@code started_at} is within {@code lookback} of it.</li>
 * </ul>
 * Memory: the ids of the calls within the lookback window, whatever the number of records. Not thread
 * safe: the export's main thread only.
 */
public final class Incremental {
    private static final Comparator<ExportState.Seen> BY_TIME =
            Comparator.comparing(ExportState.Seen::startedAt).thenComparing(ExportState.Seen::id);

    private final ExportState stored;
    private final ExportState base;
    private final Duration lookback;
    private final Instant windowStart;
    private final Set<String> remembered = new HashSet<>();
    private final PriorityQueue<ExportState.Seen> recent = new PriorityQueue<>(BY_TIME);
    private Instant newest;
    private long written;

    private Incremental(ExportState stored, ExportState base, Duration lookback, Instant windowStart) {
        this.stored = stored;
        this.base = base;
        this.lookback = lookback;
        this.windowStart = windowStart;
        base.seen().forEach(s -> remembered.add(s.id()));
    }

    /**
     * @param stored      the export as the state file holds it ({@link ExportState#fresh} when it holds none)
     * @param fullRefresh --full-refresh: start as if nothing had been exported
     * @param since       --since, or null
     */
    public static Incremental start(ExportState stored, Duration lookback, boolean fullRefresh, Instant since) {
        if (lookback.isNegative()) {
            throw new IllegalArgumentException("lookback must not be negative");
        }
        ExportState base = fullRefresh ? ExportState.fresh(stored.key()) : stored;
        Instant start = since;
        if (base.hasPosition()) {
            start = later(base.highWaterMark().minus(lookback), base.seenFrom());
        }
        return new Incremental(stored, base, lookback, start);
    }

    /** Calls that started before this are left out (null: none is). */
    public Instant windowStart() {
        return windowStart;
    }

    /** Whether the run continues from a stored position (not the first run, not --full-refresh). */
    public boolean continues() {
        return base.hasPosition();
    }

    /** Whether the lookback asked for reaches further back than the ids remembered. */
    public boolean lookbackCut() {
        return base.hasPosition() && base.seenFrom() != null
                && base.highWaterMark().minus(lookback).isBefore(base.seenFrom());
    }

    /** Whether a call with this id was exported by an earlier run and is remembered. */
    public boolean exported(String id) {
        return id != null && remembered.contains(id);
    }

    /** A call was written (the output may still fail: nothing is stored before {@link #next}). */
    public void written(String id, Instant startedAt) {
        written++;
        if (startedAt == null) {
            return;
        }
        if (newest == null || startedAt.isAfter(newest)) {
            newest = startedAt;
        }
        if (id != null) {
            recent.add(new ExportState.Seen(id, startedAt));
        }
        Instant keepFrom = newest.minus(lookback);
        while (!recent.isEmpty() && recent.peek().startedAt().isBefore(keepFrom)) {
            recent.poll();
        }
    }

    /** How many ids this run holds in memory now: those within the lookback of the newest start. */
    int remembered() {
        return recent.size();
    }

    /** The high-water mark before this run, or null. */
    public Instant previousHighWaterMark() {
        return stored.highWaterMark();
    }

    /** The high-water mark after this run: the newest start time written, by this run or before. */
    public Instant highWaterMark() {
        return later(base.highWaterMark(), newest);
    }

    /** Where the export stands once this run's output is committed. */
    public ExportState next(Instant now) {
        Instant mark = highWaterMark();
        Instant seenFrom = later(windowStart, mark == null ? null : mark.minus(lookback));
        Map<String, ExportState.Seen> keep = new LinkedHashMap<>();
        List<ExportState.Seen> all = new ArrayList<>(base.seen());
        all.addAll(recent);
        all.sort(BY_TIME);
        for (ExportState.Seen s : all) {
            if (seenFrom == null || !s.startedAt().isBefore(seenFrom)) {
                keep.put(s.id(), s); // the later start time wins for an id seen twice
            }
        }
        List<ExportState.Seen> seen = new ArrayList<>(keep.values());
        seen.sort(BY_TIME);
        return new ExportState(base.key(), mark, seenFrom, seen, now, written);
    }

    /** The later of two times, either of which may be null (then the other). */
    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }
}
