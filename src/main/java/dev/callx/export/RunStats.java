package dev.callx.export;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one export did, for the summary at its end (issue 9.4) and --summary-json: the counts the
 * engine keeps, and counts that stages add under a name of their own ("transcripts not there yet",
 * "recordings failed"). A stage that could not do all its work on records that were written marks the
 * run partial (exit 8, issue 11.2). Thread safe: HTTP counts grow from the fetch pool's threads.
 */
public final class RunStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private volatile long written;
    private volatile long received;
    private volatile long duplicates;
    private volatile long pages;
    private volatile Duration elapsed = Duration.ZERO;
    private volatile String partial;

    /** One HTTP attempt sent (pages, details, downloads alike). */
    public void request() {
        requests.incrementAndGet();
    }

    /** One attempt that is a retry of an earlier one. */
    public void retry() {
        retries.incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Adds {@code n} to a stage's own count. */
    public synchronized void add(String name, long n) {
        counts.merge(name, n, Long::sum);
    }

    /** The stages' own counts, in the order first added. */
    public synchronized Map<String, Long> counts() {
        return new LinkedHashMap<>(counts);
    }

    /** The records were written, but not everything around them: exit 8, with what was missing. */
    public void partial(String why) {
        this.partial = why;
    }

    /** Why the run is partial, or null. */
    public String partial() {
        return partial;
    }

    void finish(long written, long received, long duplicates, long pages, Duration elapsed) {
        this.written = written;
        this.received = received;
        this.duplicates = duplicates;
        this.pages = pages;
        this.elapsed = elapsed;
    }

    public long written() {
        return written;
    }

    public long received() {
        return received;
    }

    public long duplicates() {
        return duplicates;
    }

    public long pages() {
        return pages;
    }

    public Duration elapsed() {
        return elapsed;
    }
}
