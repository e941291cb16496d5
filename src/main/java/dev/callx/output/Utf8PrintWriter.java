package dev.callx.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;

/**
 * stdout: a {@link PrintWriter} over a {@link Utf8Writer} that also takes UTF-8 bytes, with
 * PrintWriter's error handling for them too: a failed write sets {@link #checkError()} instead of
 * throwing (an export to a closed pipe learns of it there), an interrupted one keeps the interrupt.
 */
public final class Utf8PrintWriter extends PrintWriter implements Utf8Sink {
    private final Utf8Writer utf8;

    public Utf8PrintWriter(Utf8Writer utf8) {
        super(utf8, false);
        this.utf8 = utf8;
    }

    @Override
    public void writeUtf8(byte[] bytes, int off, int len) {
        synchronized (lock) {
            if (out == null) {
                setError(); // closed: what PrintWriter.write does then
                return;
            }
            try {
                utf8.writeUtf8(bytes, off, len);
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                setError();
            }
        }
    }
}
