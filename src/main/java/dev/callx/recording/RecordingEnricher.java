package dev.callx.recording;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.export.Enricher;
import dev.callx.export.RunStats;
import dev.callx.http.ApiClient;
import dev.callx.http.FetchPool;
import dev.callx.log.Log;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;

/**
 * {@code --recordings DIR}: each exported call's recording ({@code recording_url}) downloaded to
 * {@code DIR/<provider>/<id>.<ext>} through the run's {@link FetchPool} ({@link Downloader} for the
 * file, {@link RecordingClients} for who gets credentials), and {@code recording_file} set to
 * the file's path under DIR, or left null.
 *
 * <ul>
 *   <li>A call without a recording URL has none: counted, not a failure.</li>
 *   <li>A recording that could not be had (404, a URL refused, a failure that persisted after the
 *       retries, an answer refused) is a failure of that call alone: the record is written with
 *       {@code recording_file} null, the reason is listed on stderr as the record is written (in
 *       record order, by {@link #reporter}), and the run ends partial, exit 8.</li>
 *   <li>A file that cannot be written (the disk is full) ends the export, exit 1; so does Ctrl-C,
 *       exit 130. {@link #close()} then aborts the files still being written.</li>
 * </ul>
 */
public final class RecordingEnricher implements Enricher, AutoCloseable {
    public static final String DOWNLOADED = "recordings downloaded";
    public static final String ALREADY_THERE = "recordings already there";
    public static final String FAILED = "recordings not downloaded";
    public static final String NONE = "calls without a recording";
    public static final String BYTES = "recording bytes downloaded";

    private final String provider;
    private final RecordingClients clients;
    private final Downloader downloader;
    private final FetchPool pool;
    private final RunStats stats;
    private final HttpUrl base;
    /** Why a record's recording is missing, until the record is written (identity: records do not override equals). */
    private final Map<CallRecord, String> failures = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong asked = new AtomicLong();

    /**
     * @param provider the records' provider, the folder under DIR
     * @param base     the platform's base URL, against which a relative recording URL is read
     */
    public RecordingEnricher(String provider, RecordingClients clients, Downloader downloader, FetchPool pool,
                             RunStats stats, HttpUrl base) {
        this.provider = provider;
        this.clients = clients;
        this.downloader = downloader;
        this.pool = pool;
        this.stats = stats;
        this.base = base;
    }

    @Override
    public CompletableFuture<CallRecord> enrich(CallRecord record) {
        record.set(Field.RECORDING_FILE, null);
        Object given = record.get(Field.RECORDING_URL);
        if (!(given instanceof String text) || text.isBlank()) {
            stats.add(NONE, 1);
            return CompletableFuture.completedFuture(record);
        }
        asked.incrementAndGet();
        String id = record.id();
        String what = "the recording of call " + (id == null ? "(no id)" : id);
        if (id == null) {
            return failed(record, what + " was not fetched: the call has no id to name its file");
        }
        HttpUrl url = base.resolve(text.strip());
        if (url == null) {
            return failed(record, what + " was not fetched: its URL is not an http(s) URL");
        }
        ApiClient client;
        try {
            client = clients.forUrl(url, what);
        } catch (CallxException e) {
            return failed(record, e.getMessage());
        }
        String name = RecordingNames.fileName(id);
        return pool.supply(() -> {
            Downloader.Result result;
            try {
                result = downloader.fetch(client, url, provider, name, what);
            } catch (CallxException e) {
                if (e.exitCode() == ExitCode.INTERNAL || e.exitCode() == ExitCode.INTERRUPTED) {
                    throw e; // the disk, or Ctrl-C: the export ends
                }
                String why = e.getMessage();
                fail(record, why.contains(what) ? why : what + ": " + why);
                return record;
            }
            if (result == null) {
                fail(record, what + " is not there (HTTP 404): the call may be too short, or its recording not "
                        + "processed yet");
                return record;
            }
            record.set(Field.RECORDING_FILE, result.relative());
            if (result.outcome() == Downloader.Outcome.DOWNLOADED) {
                stats.add(DOWNLOADED, 1);
                stats.add(BYTES, result.bytes());
            } else {
                stats.add(ALREADY_THERE, 1);
            }
            return record;
        });
    }

    private CompletableFuture<CallRecord> failed(CallRecord record, String why) {
        fail(record, why);
        return CompletableFuture.completedFuture(record);
    }

    private void fail(CallRecord record, String why) {
        failures.put(record, why);
        failed.incrementAndGet();
        stats.add(FAILED, 1);
    }

    /**
     * A transform for the pipeline (before redaction): lists the reason a record's recording is
     * missing on stderr as that record is written, so the list is in record order and written by the
     * main thread only.
     */
    public UnaryOperator<CallRecord> reporter(Log log) {
        return record -> {
            String why = failures.remove(record);
            if (why != null) {
                log.error(why);
            }
            return record;
        };
    }

    /** Marks the run partial when any recording is missing, and says so once. */
    @Override
    public void finish(Log log) {
        Map<String, Long> counts = stats.counts();
        long n = failed.get();
        String line = "recordings: " + counts.getOrDefault(DOWNLOADED, 0L) + " downloaded ("
                + counts.getOrDefault(BYTES, 0L) + " bytes), " + counts.getOrDefault(ALREADY_THERE, 0L)
                + " already there, " + n + " not downloaded, " + counts.getOrDefault(NONE, 0L)
                + " calls without one";
        if (n == 0) {
            log.debug(line);
            return;
        }
        String why = n + " of " + asked.get() + " recording" + (asked.get() == 1 ? "" : "s")
                + " could not be downloaded";
        stats.partial(why);
        log.error(why + " (listed above); the records were written. Run the export again to fetch what is "
                + "missing: the recordings already there are not downloaded again (exit 8)");
        log.debug(line);
    }

    @Override
    public void close() {
        downloader.close();
    }
}
