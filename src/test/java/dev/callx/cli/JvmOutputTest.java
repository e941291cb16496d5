package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Nothing the JVM prints lands on stdout, where callx writes data: a JVM started with bin/callx's own
 * options gets a SIGQUIT (Ctrl-\, kill -QUIT) while its program writes to stdout, and its stdout
 * holds exactly what the program wrote; the thread dump is on stderr. Synchronised on what the two
 * processes print, not on time (the timeout only stops a hang: no dump anywhere).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class JvmOutputTest {
    /** The JVM options bin/callx passes: its opts=( ... ) array. */
    static List<String> callxJvmOptions() throws IOException {
        List<String> opts = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(Path.of("bin", "callx"), StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (!in && l.startsWith("opts=(")) {
                in = true;
                l = l.substring("opts=(".length());
            }
            if (in) {
                boolean last = l.endsWith(")");
                for (String t : (last ? l.substring(0, l.length() - 1) : l).split("\\s+")) {
                    if (!t.isEmpty()) {
                        opts.add(t);
                    }
                }
                if (last) {
                    return opts;
                }
            }
        }
        throw new AssertionError("no opts=( ... ) array in bin/callx");
    }

    /** The program: a line on stdout, then another once stdin ends. */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            System.out.println("{\"n\":1}");
            System.out.flush();
            System.in.readAllBytes();
            System.out.println("{\"n\":2}");
            System.out.flush();
        }
    }

    /** Reads a stream's lines into a list, counting down when one starts with {@code marker}. */
    private static Thread reader(InputStream in, List<String> lines, String marker, CountDownLatch seen,
                                 CountDownLatch firstLine) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (firstLine != null) {
                        firstLine.countDown();
                    }
                    if (line.startsWith(marker)) {
                        seen.countDown();
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aThreadDumpGoesToStderrNotIntoTheData() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(callxJvmOptions());
        command.add("-cp");
        command.add(Path.of(Child.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        command.add(Child.class.getName());
        Process p = new ProcessBuilder(command).start();
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        CountDownLatch dumped = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Thread o = reader(p.getInputStream(), out, "JNI global refs", dumped, started);
        Thread e = reader(p.getErrorStream(), err, "JNI global refs", dumped, null);
        try {
            started.await();
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(p.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            dumped.await();
            try (Writer stdin = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                stdin.flush();
            }
            assertThat(p.waitFor()).as("exit code; stderr: %s", err).isZero();
            o.join();
            e.join();
        } finally {
            p.destroyForcibly();
        }

        assertThat(out).as("stdout").containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(err).as("stderr").anyMatch(l -> l.startsWith("Full thread dump"));
    }
}
