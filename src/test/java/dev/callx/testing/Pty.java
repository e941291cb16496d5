package dev.callx.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program in a pseudo-terminal of a chosen width, through util-linux's {@code script}: the
 * program's stdin, stdout and stderr are the terminal, as in a person's shell, and everything it
 * writes there comes back as one stream (see {@link Screen} for what a person would see). Every
 * wait is bounded; a program still running at the deadline is killed and the test fails.
 *
 * <p>Where {@code script} is not util-linux's (macOS, BSD) or absent, {@link #available()} is
 * false and the tests that need a terminal are skipped.
 */
public final class Pty {
    private static final Path SCRIPT = Path.of("/usr/bin/script");
    private static final Boolean AVAILABLE = probe();

    private Pty() {
    }

    /** Whether util-linux's script is there to make pseudo-terminals. */
    public static boolean available() {
        return AVAILABLE;
    }

    private static boolean probe() {
        if (!Files.isExecutable(SCRIPT)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(SCRIPT.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && out.contains("util-linux");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What a run left on the terminal, and its exit code. */
    public record Run(int exitCode, String output) {
        @Override
        public String toString() {
            return "--- exit code: " + exitCode + "\n--- terminal (escaped):\n" + output.replace("\u001b", "\\e")
                    .replace("\r", "\\r");
        }
    }

    /**
     * Runs {@code command} in a terminal of {@code columns} x 40, with {@code env} added to this
     * process's environment, and waits for it to end.
     */
    public static Run run(int columns, Map<String, String> env, Duration timeout, List<String> command) {
        String shell = "stty cols " + columns + " rows 40 && exec " + String.join(" ", command.stream()
                .map(Pty::quote).toList());
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "-q", "-e", "-c", shell, "/dev/null")
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("TERM", "xterm");
        pb.environment().remove("COLUMNS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(p.getInputStream(), out), "pty-reader");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("still running after " + timeout + ": " + command + "\n"
                        + out.toString(StandardCharsets.UTF_8));
            }
            reader.join(timeout.toMillis());
            return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** An interactive program in a terminal, typed into and read from (a shell, for completion). */
    public static final class Session implements AutoCloseable {
        private final Process process;
        private final OutputStream keys;
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
        private final Duration timeout;
        private int marker;

        public Session(int columns, Map<String, String> env, Duration timeout, List<String> command) {
            this.timeout = timeout;
            String shell = "stty cols " + columns + " rows 40 && exec " + String.join(" ", command.stream()
                    .map(Pty::quote).toList());
            ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "-q", "-c", shell, "/dev/null")
                    .redirectErrorStream(true);
            pb.environment().putAll(env);
            pb.environment().put("TERM", "dumb");
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            keys = process.getOutputStream();
            Thread reader = new Thread(() -> copy(process.getInputStream(), seen), "pty-session-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /**
         * Types {@code text}, then clears the line and runs a command that prints a marker, and
         * returns what the terminal showed in between (completion lists included). The marker is
         * written as an arithmetic expansion so that the line as typed does not contain it.
         */
        public String type(String text) {
            return type(text, new String[0]);
        }

        /**
         * {@link #type(String)}, but the line is not cleared before the screen shows each of
         * {@code shown} (or the time-out passes): a shell such as zsh abandons a completion when more
         * input is already waiting, which on a loaded machine the clearing keys would be.
         */
        public String type(String text, String... shown) {
            int n = ++marker;
            int start;
            synchronized (seen) {
                start = seen.size();
            }
            send(text);
            if (shown.length > 0) {
                awaitShown(start, shown);
            }
            send("\u0015echo __done_$((" + n + "*1000))__\r");
            String expected = "__done_" + (n * 1000) + "__";
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String all;
                synchronized (seen) {
                    all = seen.toString(StandardCharsets.UTF_8);
                    int at = all.indexOf(expected, Math.min(start, all.length()));
                    if (at >= 0) {
                        return all.substring(Math.min(start, all.length()), at);
                    }
                    try {
                        seen.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError("interrupted", e);
                    }
                }
            }
            throw new AssertionError("no " + expected + " within " + timeout + " after typing [" + text + "]:\n"
                    + seen.toString(StandardCharsets.UTF_8));
        }

        private void awaitShown(int start, String... shown) {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (seen) {
                while (System.nanoTime() < deadline) {
                    String all = seen.toString(StandardCharsets.UTF_8);
                    String since = all.substring(Math.min(start, all.length()));
                    if (java.util.Arrays.stream(shown).allMatch(since::contains)) {
                        return;
                    }
                    try {
                        seen.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError("interrupted", e);
                    }
                }
            }
        }

        public void send(String text) {
            try {
                keys.write(text.getBytes(StandardCharsets.UTF_8));
                keys.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                keys.close();
            } catch (IOException e) {
                // the process is going anyway
            }
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                    out.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** A word for sh -c. */
    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
