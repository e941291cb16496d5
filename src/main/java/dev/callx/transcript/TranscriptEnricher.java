package dev.callx.transcript;

import dev.callx.error.CallxException;
import dev.callx.export.Enricher;
import dev.callx.export.RunStats;
import dev.callx.http.ApiClient;
import dev.callx.http.FetchPool;
import dev.callx.log.Log;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;

/**
 * {@code --transcripts} where the list has none (Vaani, Ravan sessions and contact calls): one GET
 * per call through the run's {@link FetchPool} and the platform's {@link ApiClient}, so per-call
 * requests share {@code --concurrency}, the retries and the rate-limit backoff with the pages.
 *
 * <ul>
 *   <li>200: the body's transcript, rendered ({@link Transcripts}), fills {@code transcript}.</li>
 *   <li>404, or a body that holds no turn: the field stays null and the call is counted ("not
 *       there yet", "empty"); not an error.</li>
 *   <li>A body of another shape is exit 7; one that reports a failure, exit 5; a failure that
 *       persisted after the retries ends the export as a page's would.</li>
 *   <li>A record without an id, or with an id that cannot be a path segment ({@code .},
 *       {@code ..}), is not asked about: counted, field null.</li>
 * </ul>
 * Counts go to the run's {@link RunStats} as they happen.
 */
public final class TranscriptEnricher implements Enricher {
    /** 200 with a transcript. */
    public static final String FETCHED = "transcripts fetched";
    /** 404: not generated yet. */
    public static final String NOT_THERE = "transcripts not there yet";
    /** 200 without any turn (a call that was not answered). */
    public static final String EMPTY = "transcripts empty";
    /** No request: no id to ask with. */
    public static final String NO_ID = "transcripts not asked for (no usable id)";

    private final TranscriptSource.PerCall source;
    private final ApiClient client;
    private final HttpUrl base;
    private final FetchPool pool;
    private final RunStats stats;
    private final String platform;
    private final AtomicLong requests = new AtomicLong();

    /**
     * @param base     the platform's base URL: the only origin asked
     * @param platform its name, for messages
     */
    public TranscriptEnricher(TranscriptSource.PerCall source, ApiClient client, HttpUrl base, FetchPool pool,
                              RunStats stats, String platform) {
        this.source = source;
        this.client = client;
        this.base = base;
        this.pool = pool;
        this.stats = stats;
        this.platform = platform;
    }

    @Override
    public CompletableFuture<CallRecord> enrich(CallRecord record) {
        String id = record.id();
        if (id == null || id.isBlank() || id.equals(".") || id.equals("..")) {
            stats.add(NO_ID, 1);
            return CompletableFuture.completedFuture(record);
        }
        HttpUrl.Builder b = base.newBuilder();
        source.prefix().forEach(b::addPathSegment);
        HttpUrl url = b.addPathSegment(id).build();
        String what = "the " + source.what() + " of call " + id;
        requests.incrementAndGet();
        return pool.supply(() -> {
            ApiClient.Reply reply = client.getJsonIfFound(url, what);
            if (reply == null) {
                stats.addShown(NOT_THERE, 1);
                return record;
            }
            String text = read(reply, what);
            if (text == null) {
                stats.add(EMPTY, 1);
            } else {
                stats.add(FETCHED, 1);
                record.set(Field.TRANSCRIPT, text);
            }
            return record;
        });
    }

    private String read(ApiClient.Reply reply, String what) {
        try {
            return source.reader().apply(reply.body());
        } catch (UnexpectedBodyException e) {
            String status = " (HTTP " + reply.status() + ")";
            if (e.reportedFailure()) {
                throw CallxException.rejected(platform + " reported a failure for " + what + status + ": "
                        + e.getMessage() + ". Run again later; check --base-url if it persists");
            }
            throw CallxException.badResponse(platform + " answered " + what + status + " in a shape callx does "
                    + "not know: " + e.getMessage() + ". Check --base-url; the API may have changed");
        }
    }

    @Override
    public void finish(Log log) {
        var counts = stats.counts();
        log.debug("transcripts: " + requests.get() + " request" + (requests.get() == 1 ? "" : "s") + ", "
                + counts.getOrDefault(FETCHED, 0L) + " fetched, " + counts.getOrDefault(NOT_THERE, 0L)
                + " not there yet (404), " + counts.getOrDefault(EMPTY, 0L) + " empty");
    }
}
