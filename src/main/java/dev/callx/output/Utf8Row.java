package dev.callx.output;

import dev.callx.record.Timestamps;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * One row of output, encoded to UTF-8 as it is built (by {@link Utf8Writer}'s encoding: an unpaired
 * surrogate as {@code ?}), then written at once: as bytes to a {@link Utf8Sink} (files,
 * stdout), decoded for any other writer. Appends copy nothing twice and take no lock.
 */
final class Utf8Row {
    private static final int MAX_KEPT = 1 << 20;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[1024];
    private int length;

    int length() {
        return length;
    }

    /** Drops what was appended after {@code mark}, a length this row had. */
    void truncate(int mark) {
        length = mark;
    }

    /** Drops the one byte at {@code at}, moving what follows it back by one. */
    void remove(int at) {
        System.arraycopy(bytes, at + 1, bytes, at, length - at - 1);
        length--;
    }

    /** Whether a byte from {@code from} on is one of the two given (ASCII, so never part of a longer character). */
    boolean holds(int from, char a, char b) {
        for (int i = from; i < length; i++) {
            if (bytes[i] == a || bytes[i] == b) {
                return true;
            }
        }
        return false;
    }

    Utf8Row ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** A text of ASCII characters only: copied, a byte per character. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for ASCII, a plain copy
    void ascii(String s) {
        int n = s.length();
        room(n);
        s.getBytes(0, n, bytes, length);
        length += n;
    }

    /** The instant as {@link Timestamps#render} writes it, in ASCII; false when only its text form has it. */
    boolean timestamp(Instant instant, ZoneId zone) {
        room(Timestamps.RENDERED_MAX);
        int end = Timestamps.render(instant, zone, bytes, length);
        if (end < 0) {
            return false;
        }
        length = end;
        return true;
    }

    /** Characters {@code from} to {@code to} of the text, encoded. */
    Utf8Row text(String s, int from, int to) {
        room(3 * (to - from)); // the most a char takes (a surrogate pair: 4 bytes for 2 chars)
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                i = encode(s, i, to);
            }
        }
        return this;
    }

    /** The text in a csv cell's quotes, each quote doubled (RFC 4180), encoded. */
    void quoted(String text) {
        ascii('"');
        int start = 0;
        for (int i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
            text(text, start, i + 1).ascii('"');
            start = i + 1;
        }
        text(text, start, text.length()).ascii('"');
    }

    /**
     * The text as a JSON string as Jackson's generator escapes it ({@code \" \\ \b \t \f \n \r}, other
     * control characters as a u00XX escape), inside a CSV cell's quotes: each quote doubled.
     */
    void csvJsonString(String s) {
        int to = s.length();
        room(4 + 6 * to); // "" and "" around; at most 6 bytes a char (a u00XX escape)
        byte[] b = bytes;
        b[length++] = '"';
        b[length++] = '"';
        for (int i = 0; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                i = encode(s, i, to);
            } else if (c >= ' ' && c != '"' && c != '\\') {
                b[length++] = (byte) c;
            } else {
                b[length++] = '\\';
                switch (c) {
                    case '"' -> {
                        b[length++] = '"';
                        b[length++] = '"';
                    }
                    case '\\' -> b[length++] = '\\';
                    case '\b' -> b[length++] = 'b';
                    case '\t' -> b[length++] = 't';
                    case '\f' -> b[length++] = 'f';
                    case '\n' -> b[length++] = 'n';
                    case '\r' -> b[length++] = 'r';
                    default -> {
                        b[length++] = 'u';
                        b[length++] = '0';
                        b[length++] = '0';
                        b[length++] = HEX[c >> 4];
                        b[length++] = HEX[c & 0xF];
                    }
                }
            }
        }
        b[length++] = '"';
        b[length++] = '"';
    }

    /**
     * The character at {@code i} (beyond ASCII), encoded, with room made for it; returns the index
     * of its last char (the low half of a pair).
     */
    private int encode(String s, int i, int to) {
        char c = s.charAt(i);
        if (!Character.isSurrogate(c)) {
            length = Utf8Writer.putChar(c, bytes, length);
        } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
            length = Utf8Writer.putPair(c, s.charAt(i + 1), bytes, length);
            return i + 1;
        } else {
            bytes[length++] = Utf8Writer.REPLACEMENT;
        }
        return i;
    }

    private void room(int needed) {
        if (length + needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + needed));
        }
    }

    void writeTo(Writer out, Utf8Sink sink) throws IOException {
        if (sink != null) {
            sink.writeUtf8(bytes, 0, length);
        } else {
            out.write(new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
        length = 0;
        if (bytes.length > MAX_KEPT) {
            bytes = new byte[1024]; // one huge cell does not keep its buffer for the rest of the export
        }
    }
}
