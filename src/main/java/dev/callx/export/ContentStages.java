package dev.callx.export;

import dev.callx.error.CallxException;
import dev.callx.http.ApiClient;
import dev.callx.http.FetchPool;
import dev.callx.http.Target;
import dev.callx.log.Log;
import dev.callx.provider.Endpoint;
import dev.callx.recording.Downloader;
import dev.callx.recording.RecordingClients;
import dev.callx.recording.RecordingEnricher;
import dev.callx.record.Field;
import dev.callx.transcript.TranscriptEnricher;
import dev.callx.transcript.TranscriptSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Puts {@code --transcripts}, {@code --recordings} and {@code --redact} (SPEC section 10) into an
 * export's {@link Pipeline}, in the order of DESIGN.md:
 * <pre>
 * ... limit ─► transcripts (async) ─► recordings (async) ─► list missing recordings ─► redact ─► writer
 * </pre>
 * Transcripts cost a request per call only where the list lacks them
 * ({@link Endpoint#transcripts()}); without {@code --transcripts} and {@code --recordings} no
 * per-call request is made. Redaction comes last, so it covers every format and {@code --raw}.
 */
final class ContentStages implements AutoCloseable {
    /** Records in flight through the enrichers, per permit of --concurrency. */
    static final int WINDOW_PER_PERMIT = 4;

    private final RecordingEnricher recordings;
    private final boolean enriching;

    private ContentStages(RecordingEnricher recordings, boolean enriching) {
        this.recordings = recordings;
        this.enriching = enriching;
    }

    /** Usage errors, before any request: recording_file without --recordings, a DIR that is not a folder. */
    static void check(ExportRequest request) {
        Content content = request.content();
        if (content.recordings() == null) {
            if (request.output().fields().contains(Field.RECORDING_FILE)) {
                throw CallxException.usage("--fields recording_file is filled by --recordings DIR, which was not "
                        + "given");
            }
            return;
        }
        Path dir = content.recordings();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CallxException.usage("--recordings " + dir + " is not a folder");
        }
        if (Files.isDirectory(dir) && !Files.isWritable(dir)) {
            throw CallxException.usage("--recordings " + dir + ": the folder is not writable");
        }
        if (Files.notExists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw CallxException.usage("--recordings " + dir + ": cannot create the folder: " + e.getMessage());
            }
        }
    }

    /**
     * Adds the stages the request asks for.
     *
     * @param client  the run's platform client (its credentials go to the base URL's origin only)
     * @param clients makes a client without credentials for another origin (recording storage)
     */
    static ContentStages wire(Pipeline pipeline, ExportRequest request, ApiClient client, HttpUrl base,
                              FetchPool pool, RunStats stats, Log log, Function<Target, ApiClient> clients) {
        Content content = request.content();
        Endpoint endpoint = request.endpoint();
        int window = WINDOW_PER_PERMIT * request.concurrency();
        boolean enriching = false;
        if (content.transcripts() && endpoint.transcripts() instanceof TranscriptSource.PerCall perCall) {
            pipeline.enrich(new TranscriptEnricher(perCall, client, base, pool, stats,
                    endpoint.platform().displayName()), window);
            enriching = true;
        }
        RecordingEnricher recordings = null;
        if (content.recordings() != null) {
            recordings = new RecordingEnricher(endpoint.platform().key(),
                    new RecordingClients(client, base, endpoint.platform().displayName(), clients),
                    new Downloader(content.recordings()), pool, stats, base);
            pipeline.enrich(recordings, window).transform(recordings.reporter(log));
            enriching = true;
        }
        if (content.redactor() != null) {
            log.info("--redact: " + content.redactor().describe()
                    + (content.recordings() != null ? "; the recordings' audio is saved as it is" : ""));
            pipeline.transform(content.redactor()::redact);
        }
        return new ContentStages(recordings, enriching);
    }

    /** Whether records go through per-call requests: pages then take at most half the permits. */
    boolean enriching() {
        return enriching;
    }

    /** Pages in flight at most: all the permits, or half when per-call requests need the rest. */
    static int pageWindow(int concurrency, boolean enriching) {
        return enriching ? Math.max(1, concurrency / 2) : concurrency;
    }

    /** Aborts the recordings still being written (a failed or interrupted export). */
    @Override
    public void close() {
        if (recordings != null) {
            recordings.close();
        }
    }
}
