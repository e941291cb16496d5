package dev.callx.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * stdout, remembering why a write failed: the PrintWriter above it only says that one did, and callx
 * must tell a reader that went away (| head: stop quietly) from a full disk (a failure).
 */
final class StdoutStream extends FilterOutputStream {
    private volatile IOException failure;

    StdoutStream(OutputStream out) {
        super(out);
    }

    /** The first write or flush failure, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
