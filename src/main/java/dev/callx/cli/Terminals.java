package dev.callx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.SystemStream;

/**
 * Terminal facts through JLine's native provider: isatty and the width, without building a
 * Terminal (which would fork processes and cost 100+ ms at start when the JNI library is missing).
 */
final class Terminals {
    static final int DEFAULT_WIDTH = 120;

    private Terminals() {
    }

    static boolean stdoutIsTerminal() {
        return isTerminal(SystemStream.Output);
    }

    static boolean stderrIsTerminal() {
        return isTerminal(SystemStream.Error);
    }

    /**
     * Whether stdout is redirected to a regular file ({@code > out.jsonl}), not a pipe, a terminal or
     * a device. Linux and macOS name the process's stdout /dev/stdout; elsewhere the answer is no.
     */
    static boolean stdoutIsRegularFile() {
        try {
            for (String name : new String[] {"/proc/self/fd/1", "/dev/stdout"}) {
                Path p = Path.of(name);
                if (Files.exists(p)) {
                    return Files.isRegularFile(p);
                }
            }
        } catch (RuntimeException e) {
            // no such name on this system
        }
        return false;
    }

    private static boolean isTerminal(SystemStream stream) {
        Boolean device = linuxTerminal(stream == SystemStream.Output ? 1 : stream == SystemStream.Error ? 2 : 0);
        if (device != null) {
            return device;
        }
        try {
            return new JniTerminalProvider().isSystemStream(stream);
        } catch (Throwable e) {
            // no native library for this platform: fall back to the JDK's (weaker) answer
            return System.console() != null;
        }
    }

    /**
     * Linux: whether the descriptor is a terminal, from what /proc/self/fd names it (a pseudo-terminal
     * /dev/pts/N, a console /dev/ttyN, /dev/tty, /dev/console), without JLine's native library, which
     * is extracted to a temporary file at every start; null where /proc cannot tell.
     */
    static Boolean linuxTerminal(int fd) {
        return linuxTerminal(Path.of("/proc/self/fd/" + fd));
    }

    /** What a /proc/self/fd entry says: a link to a terminal device or to anything else; null if no link. */
    static Boolean linuxTerminal(Path link) {
        try {
            if (!Files.isSymbolicLink(link)) {
                return null;
            }
            return isTerminalDevice(Files.readSymbolicLink(link).toString());
        } catch (Exception e) {
            return null;
        }
    }

    /** Whether a /proc/self/fd link's target is a terminal device. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    static int stdoutWidth(Map<String, String> env) {
        return width(SystemStream.Output, env);
    }

    static int stderrWidth(Map<String, String> env) {
        return width(SystemStream.Error, env);
    }

    /** The stream's terminal width, else COLUMNS, else {@value #DEFAULT_WIDTH}. */
    private static int width(SystemStream stream, Map<String, String> env) {
        try {
            if (isTerminal(stream)) {
                int w = new JniTerminalProvider().systemStreamWidth(stream);
                if (w > 0) {
                    return w;
                }
            }
        } catch (Throwable e) {
            // fall through to COLUMNS
        }
        return columns(env, DEFAULT_WIDTH);
    }

    /** COLUMNS when it holds a width, else {@code fallback}. */
    static int columns(Map<String, String> env, int fallback) {
        String columns = env.get("COLUMNS");
        if (columns != null && columns.matches("\\d{1,4}") && Integer.parseInt(columns) > 0) {
            return Integer.parseInt(columns);
        }
        return fallback;
    }
}
