package dev.callx.output;

import java.io.IOException;

/**
 * A writer that also takes text already encoded as UTF-8, written as it is: a writer that builds its
 * output in bytes (csv) skips a decode and an encode per character. {@link Utf8Writer} for files,
 * {@link Utf8PrintWriter} for stdout.
 */
public interface Utf8Sink {
    /** Writes {@code len} bytes of well-formed UTF-8 from {@code bytes[off]}. */
    void writeUtf8(byte[] bytes, int off, int len) throws IOException;
}
