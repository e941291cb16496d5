package dev.callx.recording;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.error.IoReasons;
import dev.callx.http.ApiClient;
import dev.callx.output.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Downloads one recording to {@code DIR/<provider>/<name>.<ext>}: streamed to disk in 64 KiB steps
 * (never whole in memory), through an {@link AtomicFile} (a temporary file in the same folder,
 * renamed into place once complete), so a failed or interrupted download leaves nothing
 * half-written and a file at its final name is always whole.
 *
 * <p>A complete file is not downloaded again. The check is made on the GET itself, not with a HEAD:
 * a pre-signed URL is signed for one method (S3's are for GET; a HEAD fails the signature) and
 * Vaani's stream endpoint documents GET only. When the answer's Content-Type names the extension of
 * a file already there and its Content-Length is that file's size, the body is not read (the
 * connection is closed after the headers): a rerun costs one request per recording but downloads
 * only what is missing or differs. An answer without Content-Length is always downloaded.
 *
 * <p>Failures: the network side (a body cut short, a timeout) is an {@link IOException}, which the
 * {@link ApiClient} retries; the disk side (no space left, a folder not writable) is a
 * {@link CallxException} with exit 1, which ends the export. {@link #close()} aborts what is still
 * being written: once the export is over, no download commits a file.
 */
public final class Downloader implements AutoCloseable {
    /** What the downloads accept: audio first, anything else (the extension is then .bin). */
    static final String ACCEPT = "audio/*, */*;q=0.5";
    private static final long STEP = 64 * 1024;

    /** A recording on disk. */
    public enum Outcome { DOWNLOADED, ALREADY_THERE }

    /**
     * @param relative the file under DIR, with {@code /}: {@code vaani/<name>.ogg}
     * @param bytes    the bytes downloaded (0 when already there)
     */
    public record Result(Outcome outcome, String relative, long bytes) {
    }

    private final Path dir;
    private final UnaryOperator<OutputStream> sink;
    private final Set<AtomicFile> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** Held while a temporary file is made, and by {@link #close()}: the two never overlap. */
    private final Object gate = new Object();

    /** @param dir the --recordings folder; created when missing, with the provider folders below it */
    public Downloader(Path dir) {
        this(dir, UnaryOperator.identity());
    }

    /** @param sink wraps each file's stream (tests: a disk that fills up) */
    Downloader(Path dir, UnaryOperator<OutputStream> sink) {
        this.dir = dir;
        this.sink = sink;
    }

    /**
     * GETs {@code url} with {@code client} (whose credentials it carries, or none) and saves the body.
     *
     * @param what "the recording of call X", for messages
     * @return the file, or null when the server answered 404
     * @throws CallxException exit 1 when the file cannot be written; the client's exception when the
     *                        download failed after its retries
     */
    public Result fetch(ApiClient client, HttpUrl url, String provider, String name, String what) {
        return client.exchange(url, what, true, ACCEPT, (response, w) -> save(response, provider, name));
    }

    private Result save(Response response, String provider, String name) throws IOException {
        String file = name + "." + RecordingNames.extension(response.header("Content-Type"));
        String relative = provider + "/" + file;
        Path folder = dir.resolve(provider);
        Path target = folder.resolve(file);
        long length = response.body().contentLength();
        if (length >= 0 && length == sizeOf(target)) {
            return new Result(Outcome.ALREADY_THERE, relative, 0);
        }
        AtomicFile out = open(folder, target);
        try {
            long written = copy(response.body().source(), out, target);
            if (length >= 0 && written != length) {
                // OkHttp frames the body by its length, so this is a server that misreports it: try again
                throw new IOException("the body ended after " + written + " of its " + length + " bytes");
            }
            try {
                out.commit();
            } catch (IOException e) {
                throw writeFailed(target, e, out);
            }
            return new Result(Outcome.DOWNLOADED, relative, written);
        } finally {
            out.abort(); // nothing once committed
            open.remove(out);
        }
    }

    private AtomicFile open(Path folder, Path target) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CallxException(ExitCode.INTERNAL, "could not create the folder " + folder + ": "
                    + IoReasons.of(e, folder)
                    + ". Check --recordings");
        }
        AtomicFile out;
        synchronized (gate) { // once close() has returned, no temporary file is being made or left
            if (closed) {
                throw interrupted();
            }
            try {
                out = AtomicFile.create(target);
            } catch (IOException e) {
                throw writeFailed(target, e, null);
            } catch (CallxException e) {
                // the target is a folder, a device...: not a place for a recording
                throw new CallxException(ExitCode.INTERNAL, e.getMessage() + ". Check --recordings", e);
            }
            open.add(out);
        }
        return out;
    }

    /** Network reads may throw (and be retried); a disk write that fails is exit 1. */
    private long copy(BufferedSource source, AtomicFile out, Path target) throws IOException {
        OutputStream stream = sink.apply(out.stream());
        Buffer buffer = new Buffer();
        long total = 0;
        for (long n; (n = source.read(buffer, STEP)) != -1; ) {
            try {
                buffer.writeTo(stream);
            } catch (IOException e) {
                throw writeFailed(target, e, out);
            }
            total += n;
        }
        try {
            stream.flush();
        } catch (IOException e) {
            throw writeFailed(target, e, out);
        }
        return total;
    }

    private CallxException writeFailed(Path target, IOException e, AtomicFile out) {
        if (closed || (out != null && out.aborted())) {
            return interrupted();
        }
        return new CallxException(ExitCode.INTERNAL, "could not write the recording " + target + ": "
                + IoReasons.of(e, target)
                + ". Free some space or check the folder, then run again: the recordings already there are "
                + "kept, and no file was left half-written", e);
    }

    private static CallxException interrupted() {
        return new CallxException(ExitCode.INTERRUPTED, "interrupted; no recording was left half-written");
    }

    /** The size of a regular file there, or -1. */
    private static long sizeOf(Path target) {
        try {
            BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class);
            return a.isRegularFile() ? a.size() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Aborts the downloads still being written; none commits after this. Safe from any thread. */
    @Override
    public void close() {
        synchronized (gate) {
            closed = true;
        }
        for (AtomicFile f : open) {
            f.abort();
        }
    }
}
