package dev.callx.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Utf8Writer writes the bytes the JDK's {@code BufferedWriter} over an {@code OutputStreamWriter}
 * (UTF-8) writes, the pair it replaced for files and stdout: the same at every flush and at the
 * close, on random text cut at random places, with unpaired surrogates and pairs split over writes,
 * and with bytes already encoded written between the characters.
 */
class Utf8WriterTest {
    /** ASCII, 2-byte, 3-byte, a pair (4 bytes), and each half of a pair alone. */
    private static final String[] PIECES = {"a", "Z", ",", "\r\n", "\u007f", "\u0080", "\u00e9", "\u07ff", "\u0800",
        "\u20ac", "\u4e2d", "\uffff", "\ud83d\ude00", "\ud83d", "\ude00", "\udbff\udfff", "\ud800\udc00"};

    @Test
    void randomTextCutAnywhereIsEncodedAsTheJdkEncodesIt() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        List<String> wrong = new ArrayList<>();
        for (int run = 0; run < 2000 && wrong.size() < 3; run++) {
            int size = 8 + random.nextInt(40);
            ByteArrayOutputStream mine = new ByteArrayOutputStream();
            ByteArrayOutputStream jdk = new ByteArrayOutputStream();
            Utf8Writer a = new Utf8Writer(mine, size);
            Writer b = new BufferedWriter(new OutputStreamWriter(jdk, StandardCharsets.UTF_8), size);
            StringBuilder script = new StringBuilder();
            for (int step = random.nextInt(12); step >= 0; step--) {
                String text = text(random);
                switch (random.nextInt(7)) {
                    case 0 -> {
                        a.write(text);
                        b.write(text);
                        script.append("write(").append(hex(text)).append(") ");
                    }
                    case 1 -> {
                        int from = text.isEmpty() ? 0 : random.nextInt(text.length());
                        int len = random.nextInt(text.length() - from + 1);
                        a.write(text, from, len);
                        b.write(text, from, len);
                        script.append("write(").append(hex(text.substring(from, from + len))).append(") ");
                    }
                    case 2 -> {
                        a.write(text.toCharArray());
                        b.write(text.toCharArray());
                        script.append("write(char[] ").append(hex(text)).append(") ");
                    }
                    case 3 -> {
                        for (char c : text.toCharArray()) {
                            a.write(c);
                            b.write(c);
                        }
                        script.append("write(int...) ").append(hex(text)).append(' ');
                    }
                    case 4 -> {
                        a.append(text);
                        b.append(text);
                        script.append("append(").append(hex(text)).append(") ");
                    }
                    case 5 -> {
                        // bytes already encoded (a csv row), of any length against the buffer's
                        byte[] utf8 = text.repeat(1 + random.nextInt(8)).getBytes(StandardCharsets.UTF_8);
                        a.writeUtf8(utf8, 0, utf8.length);
                        b.write(new String(utf8, StandardCharsets.UTF_8));
                        script.append("writeUtf8(").append(hex(new String(utf8, StandardCharsets.UTF_8))).append(") ");
                    }
                    default -> {
                        a.flush();
                        b.flush();
                        script.append("flush ");
                        if (!hex(mine).equals(hex(jdk))) {
                            wrong.add("buffer " + size + ": " + script + "-> " + hex(mine) + " but the JDK " + hex(jdk));
                        }
                    }
                }
            }
            a.close();
            b.close();
            if (!hex(mine).equals(hex(jdk))) {
                wrong.add("buffer " + size + ": " + script + "close -> " + hex(mine) + " but the JDK " + hex(jdk));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void bytesReachTheStreamWhenTheBufferIsFullOrOnFlushNotBefore() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer w = new Utf8Writer(out, 8);
        w.write("abcdefg");
        assertThat(out.size()).isZero();
        w.write("hi");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abcdefgh");
        w.write("\u00e9");
        assertThat(out.size()).isEqualTo(8);
        w.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abcdefghi\u00e9");
    }

    @Test
    void aCharacterBeyondAsciiIsWrittenWithRoomForFourBytesElseTheBufferDrainsFirst() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer w = new Utf8Writer(out, 8);
        w.write("abcd\u00e9"); // 4 bytes of room: the 2 bytes go in
        assertThat(out.size()).isZero();
        w.flush();
        out.reset();
        w.write("abcde\u00e9"); // 3 bytes of room: the 5 drain first
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abcde");
        w.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abcde\u00e9");

        out.reset();
        w = new Utf8Writer(out, 8);
        w.write("abcd\ud83d\ude00"); // 4 + 4 bytes: fits
        assertThat(out.size()).isZero();
        w.flush();
        out.reset();
        w.write("abcde\ud83d\ude00"); // 5 + 4: the pair drains the 5 first
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abcde");
        w.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abcde\ud83d\ude00");
        out.reset();
        w.write("abcd\ud83d"); // the high half waits, then the pair fits the 4 bytes of room
        w.write("\ude00");
        assertThat(out.size()).isZero();
        w.flush();
        out.reset();
        w.write("abcde\ud83d"); // 3 bytes of room: the 5 drain before the high half waits
        w.write("\ude00");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abcde");
        w.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abcde\ud83d\ude00");

        out.reset();
        w = new Utf8Writer(out, 8);
        w.write("abc\ud83d");
        w.write("x"); // the lone high half becomes '?', in the buffer
        assertThat(out.size()).isZero();
        w.write("abcd"); // 9 bytes: the first 8 drained
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abc?xabc");

        out.reset();
        w = new Utf8Writer(out, 8);
        w.write("abcdefgh\ud83d"); // a full buffer drains before the high half waits in it
        w.write("x"); // no low half: a '?' for the high one
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abcdefgh");
        w.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abcdefgh?x");
    }

    @Test
    void encodedBytesFillTheBufferExactlyThenDrainAndAWriteAsLargeAsItGoesStraightThrough() throws IOException {
        List<String> calls = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                calls.add(new String(b, off, len, StandardCharsets.UTF_8));
                super.write(b, off, len);
            }
        };
        Utf8Writer w = new Utf8Writer(out, 8);
        w.write("abc");
        w.writeUtf8(bytes("--defgh--"), 2, 5); // 3 + 5: the buffer full, nothing written yet
        assertThat(calls).isEmpty();
        w.writeUtf8(bytes("i"), 0, 1); // no room: the 8 drain first
        assertThat(calls).containsExactly("abcdefgh");
        w.writeUtf8(bytes("jklmnopq"), 0, 8); // the buffer's size: "i" drains, then the 8 go as they are
        assertThat(calls).containsExactly("abcdefgh", "i", "jklmnopq");
        w.writeUtf8(bytes("r\u00e9"), 0, 3);
        w.write("\ud83d"); // a high half waits, and no low half comes: '?'
        w.writeUtf8(bytes("s"), 0, 1);
        w.write("\ud83d");
        w.writeUtf8(bytes("t"), 1, 0); // nothing written: the high half still waits for its low half
        w.write("\ude00");
        w.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("abcdefghijklmnopqr\u00e9?s\ud83d\ude00");
        assertThatThrownBy(() -> w.writeUtf8(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        w.close();
        assertThatThrownBy(() -> w.writeUtf8(new byte[4], 0, 1)).isInstanceOf(IOException.class)
                .hasMessage("Stream closed");
    }

    @Test
    void stdoutsPrintWriterTakesBytesAndReportsAFailedWriteThroughCheckErrorAsItsOtherWritesDo() throws IOException {
        ByteArrayOutputStream ok = new ByteArrayOutputStream();
        Utf8PrintWriter out = new Utf8PrintWriter(new Utf8Writer(ok, 16));
        out.print("a,");
        out.writeUtf8(bytes("x\u00e9y\r\n"), 0, 6);
        out.flush();
        assertThat(ok.toString(StandardCharsets.UTF_8)).isEqualTo("a,x\u00e9y\r\n");
        assertThat(out.checkError()).isFalse();

        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        Utf8PrintWriter failing = new Utf8PrintWriter(new Utf8Writer(broken, 8));
        failing.writeUtf8(bytes("0123456789"), 0, 10); // larger than the buffer: written at once, and fails
        assertThat(failing.checkError()).as("the failure is reported, not thrown").isTrue();

        Utf8PrintWriter closed = new Utf8PrintWriter(new Utf8Writer(new ByteArrayOutputStream(), 8));
        closed.close();
        closed.writeUtf8(bytes("a"), 0, 1);
        assertThat(closed.checkError()).isTrue();

        OutputStream interrupted = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new java.io.InterruptedIOException("interrupted");
            }
        };
        Utf8PrintWriter cancelled = new Utf8PrintWriter(new Utf8Writer(interrupted, 8));
        try {
            cancelled.writeUtf8(bytes("0123456789"), 0, 10);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void appendReturnsTheWriterAndWritesTheRangeAsked() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer w = new Utf8Writer(out, 16);
        assertThat(w.append("ab")).isSameAs(w);
        assertThat(w.append(new StringBuilder("0123456"), 2, 5)).isSameAs(w);
        assertThat(w.append(null)).isSameAs(w);
        w.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ab234null");
    }

    @Test
    void aPairSplitOverTwoWritesIsOneCharacterAndALoneHalfAtTheCloseIsAQuestionMark() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer w = new Utf8Writer(out, 64);
        w.write("x\ud83d");
        w.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x");
        w.write("\ude00y\ud83d");
        w.close();
        assertThat(out.toByteArray()).isEqualTo("x\ud83d\ude00y?".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void flushAndCloseReachTheStreamAndAClosedWriterRefusesWrites() throws IOException {
        List<String> calls = new ArrayList<>();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                calls.add("byte");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                calls.add("write " + len);
            }

            @Override
            public void flush() {
                calls.add("flush");
            }

            @Override
            public void close() {
                calls.add("close");
            }
        };
        Writer w = new Utf8Writer(out, 16);
        w.flush();
        w.write("ab");
        w.close();
        w.close();
        assertThat(calls).containsExactly("flush", "write 2", "flush", "close");
        assertThatThrownBy(() -> w.write("c")).isInstanceOf(IOException.class).hasMessage("Stream closed");
        assertThatThrownBy(() -> w.write('c')).isInstanceOf(IOException.class).hasMessage("Stream closed");
        assertThatThrownBy(() -> w.write(new char[] {'c'})).isInstanceOf(IOException.class).hasMessage("Stream closed");
        assertThatThrownBy(w::flush).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new Utf8Writer(out, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.write("abc", 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static String text(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(random.nextBoolean() ? 4 : 60); n > 0; n--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_16BE));
    }

    private static String hex(ByteArrayOutputStream out) {
        return HexFormat.of().formatHex(out.toByteArray());
    }
}
