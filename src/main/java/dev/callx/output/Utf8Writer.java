package dev.callx.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Characters encoded to UTF-8 straight into one byte buffer, written to {@code out} when it is full
 * and on {@link #flush()}: what {@code new BufferedWriter(new OutputStreamWriter(out, UTF_8), size)}
 * does, byte for byte, in one copy instead of two and without the JDK encoder's slow path, which
 * takes over for the rest of a buffer after its first non-ASCII character (a name, a transcript).
 *
 * <p>Byte for byte the same as {@code OutputStreamWriter} also on malformed text: an unpaired
 * surrogate is written as {@code ?}; a high surrogate at the end of a write waits for the next one
 * (its low half may follow), kept over a {@link #flush()}, written as {@code ?} by {@link #close()}
 * when nothing followed. Utf8WriterTest compares the two on random text cut at random places.
 * Thread safe as {@code Writer}s are (on {@link #lock}): the shutdown hook may flush while the
 * export writes.
 */
public final class Utf8Writer extends Writer implements Utf8Sink {
    /** What an unpaired surrogate is written as: the JDK's encoder writes the same. */
    static final byte REPLACEMENT = '?';

    private final OutputStream out;
    private final byte[] buf;
    private final char[] chars = new char[1024];
    private int count;
    /** A high surrogate that ended the last write, waiting for its low half; 0 when none. */
    private char high;
    private boolean closed;

    /** @param size the buffer, in bytes (at least 8) */
    public Utf8Writer(OutputStream out, int size) {
        if (size < 8) {
            throw new IllegalArgumentException("buffer size " + size + " < 8");
        }
        this.out = out;
        this.buf = new byte[size];
    }

    @Override
    public void write(int c) throws IOException {
        synchronized (lock) {
            open();
            chars[0] = (char) c;
            encode(chars, 0, 1);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
        synchronized (lock) {
            open();
            encode(cbuf, off, off + len);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, str.length());
        synchronized (lock) {
            open();
            for (int at = off, end = off + len; at < end; ) {
                int n = Math.min(chars.length, end - at);
                str.getChars(at, at + n, chars, 0);
                encode(chars, 0, n);
                at += n;
            }
        }
    }

    /**
     * Bytes already encoded, copied as they are (a large write goes straight to {@code out}); a high
     * surrogate left waiting by the last write of characters is written as {@code ?} first, as the
     * character after it would have made it (UTF-8 never starts with a low half).
     */
    @Override
    public void writeUtf8(byte[] bytes, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, bytes.length);
        synchronized (lock) {
            open();
            if (len == 0) {
                return; // as an empty write of characters: a waiting high half still waits
            }
            if (high != 0) {
                high = 0;
                buf[count++] = REPLACEMENT; // room: see pair
            }
            if (len > buf.length - count) {
                drain();
                if (len >= buf.length) {
                    out.write(bytes, off, len);
                    return;
                }
            }
            System.arraycopy(bytes, off, buf, count, len);
            count += len;
        }
    }

    @Override
    public Writer append(CharSequence csq) throws IOException {
        String s = String.valueOf(csq);
        write(s, 0, s.length());
        return this;
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) throws IOException {
        String s = String.valueOf(csq);
        write(s, start, end - start);
        return this;
    }

    private void encode(char[] a, int from, int to) throws IOException {
        int i = from;
        if (high != 0 && i < to) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(a[i])) {
                pair(h, a[i]);
                i++;
            } else {
                buf[count++] = REPLACEMENT; // room: see pair
            }
        }
        byte[] b = buf;
        for (;;) {
            // ASCII, as far as the text and the buffer's room go
            int run = Math.min(to, i + (b.length - count));
            int n = count;
            while (i < run) {
                char c = a[i];
                if (c >= 0x80) {
                    break;
                }
                b[n++] = (byte) c;
                i++;
            }
            count = n;
            if (i == to) {
                return;
            }
            if (b.length - count < 4) {
                drain();
                continue;
            }
            char c = a[i++];
            if (!Character.isSurrogate(c)) {
                count = putChar(c, b, count);
            } else if (Character.isLowSurrogate(c)) {
                b[count++] = REPLACEMENT;
            } else if (i == to) {
                high = c; // its low half may come with the next write
            } else if (Character.isLowSurrogate(a[i])) {
                pair(c, a[i++]);
            } else {
                b[count++] = REPLACEMENT;
            }
        }
    }

    /** Room for its 4 bytes is there: a high half is only kept, or paired, with 4 bytes of room. */
    private void pair(char h, char l) {
        count = putPair(h, l, buf, count);
    }

    /**
     * A character beyond ASCII that is no surrogate, as its 2 or 3 bytes at {@code b[at]}; returns
     * where they end. The one encoding of such a character, here and in a csv row ({@link Utf8Row}).
     */
    static int putChar(char c, byte[] b, int at) {
        if (c < 0x800) {
            b[at] = (byte) (0xc0 | c >> 6);
            b[at + 1] = (byte) (0x80 | c & 0x3f);
            return at + 2;
        }
        b[at] = (byte) (0xe0 | c >> 12);
        b[at + 1] = (byte) (0x80 | c >> 6 & 0x3f);
        b[at + 2] = (byte) (0x80 | c & 0x3f);
        return at + 3;
    }

    /** A surrogate pair as its 4 bytes at {@code b[at]}; returns where they end. */
    static int putPair(char h, char l, byte[] b, int at) {
        int cp = Character.toCodePoint(h, l);
        b[at] = (byte) (0xf0 | cp >> 18);
        b[at + 1] = (byte) (0x80 | cp >> 12 & 0x3f);
        b[at + 2] = (byte) (0x80 | cp >> 6 & 0x3f);
        b[at + 3] = (byte) (0x80 | cp & 0x3f);
        return at + 4;
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }

    private void open() throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
    }

    /** Writes the buffer's bytes and flushes {@code out}; a waiting high surrogate stays (as the JDK's does). */
    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            open();
            drain();
            out.flush();
        }
    }

    /** Writes what is buffered (a waiting high surrogate as {@code ?}) and closes {@code out}; then a no-op. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                if (high != 0) {
                    high = 0;
                    buf[count++] = REPLACEMENT; // room: see pair
                }
                drain();
                out.flush();
            } finally {
                closed = true;
                out.close();
            }
        }
    }
}
