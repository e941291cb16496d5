package dev.callx.cli;

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

    private static boolean isTerminal(SystemStream stream) {
        try {
            return new JniTerminalProvider().isSystemStream(stream);
        } catch (Throwable e) {
            // no native library for this platform: fall back to the JDK's (weaker) answer
            return System.console() != null;
        }
    }

    static int width(Map<String, String> env) {
        try {
            if (stdoutIsTerminal()) {
                int w = new JniTerminalProvider().systemStreamWidth(SystemStream.Output);
                if (w > 0) {
                    return w;
                }
            }
        } catch (Throwable e) {
            // fall through to COLUMNS
        }
        String columns = env.get("COLUMNS");
        if (columns != null && columns.matches("\\d{1,4}") && Integer.parseInt(columns) > 0) {
            return Integer.parseInt(columns);
        }
        return DEFAULT_WIDTH;
    }
}
