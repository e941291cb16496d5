package dev.callx.export;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final java.util.Set<String> shown = new java.util.HashSet<>();
    private final AtomicLong writtenCount = new AtomicLong();
    private volatile long received;
    private volatile long duplicates;
    private volatile Duration elapsed = Duration.ZERO;
    private volatile String partial;
    private volatile String platform;
    private volatile Path output;
    private volatile boolean windowBounded;
    private volatile boolean committed;
    private volatile Long stoppedAfterPage;
    private volatile Path stateFile;
    private volatile boolean stateContinues;
    private volatile Instant previousHighWaterMark;
    private volatile Instant highWaterMark;
    private volatile boolean table;
    private volatile List<String> hiddenColumns = List.of();
    private volatile int width;

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

    /**
     * Adds {@code n} to a stage's own count, and shows it in the summary line on stderr (not only in
     * --summary-json): what a person should know, such as transcripts not there yet.
     */
    public synchronized void addShown(String name, long n) {
        add(name, n);
        shown.add(name);
    }

    /** The counts {@link #addShown} added, in the order first added. */
    public synchronized Map<String, Long> shownCounts() {
        Map<String, Long> m = new LinkedHashMap<>(counts);
        m.keySet().retainAll(shown);
        return m;
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

    void finish(long received, long duplicates, Long stoppedAt, Duration elapsed) {
        this.received = received;
        this.duplicates = duplicates;
        this.stoppedAfterPage = stoppedAt;
        this.elapsed = elapsed;
    }

    /** One record written. */
    void wrote() {
        writtenCount.incrementAndGet();
    }

    /** The platform's key, where the records went (the --file, or null for stdout), whether --since/--until bound them. */
    void output(String platform, Path file, boolean windowBounded) {
        this.platform = platform;
        this.output = file;
        this.windowBounded = windowBounded;
    }

    /** The output (and the state, with --state) was committed: the run succeeded. */
    void committed() {
        this.committed = true;
    }

    /** With --state: the file, whether the run continued from a stored position, the marks before and after. */
    void state(Path file, boolean continues, Instant previous, Instant mark) {
        this.stateFile = file;
        this.stateContinues = continues;
        this.previousHighWaterMark = previous;
        this.highWaterMark = mark;
    }

    /** Whether the records were written as a table, and the columns left out to fit {@code width} columns. */
    void table(boolean table, List<String> hidden, int width) {
        this.table = table;
        this.hiddenColumns = List.copyOf(hidden);
        this.width = width;
    }

    /** Whether the records were written as a table (issue 10: the closing line counts calls). */
    public boolean table() {
        return table;
    }

    /** The fields a table left out to fit the terminal, by their wire names; empty when none was. */
    public List<String> hiddenColumns() {
        return hiddenColumns;
    }

    /** The width the table was fitted to. */
    public int width() {
        return width;
    }

    /** The platform's key ("zudu"), once the run got that far. */
    public String platform() {
        return platform;
    }

    public Path output() {
        return output;
    }

    public boolean windowBounded() {
        return windowBounded;
    }

    public boolean isCommitted() {
        return committed;
    }

    public Long stoppedAfterPage() {
        return stoppedAfterPage;
    }

    /** The --state file, or null. */
    public Path stateFile() {
        return stateFile;
    }

    public boolean stateContinues() {
        return stateContinues;
    }

    public Instant previousHighWaterMark() {
        return previousHighWaterMark;
    }

    /** With --state, the high-water mark after the run (null when nothing was ever exported). */
    public Instant highWaterMark() {
        return highWaterMark;
    }

    /** Records written so far (to stdout, or to the --file, which a failed run does not commit). */
    public long written() {
        return writtenCount.get();
    }

    public long received() {
        return received;
    }

    public long duplicates() {
        return duplicates;
    }

    public Duration elapsed() {
        return elapsed;
    }
}
