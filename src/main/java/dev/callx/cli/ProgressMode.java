package dev.callx.cli;

import dev.callx.error.CallxException;
import dev.callx.error.DidYouMean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** When the progress line is drawn: {@code --progress} or {@code CALLX_PROGRESS}. */
enum ProgressMode {
    /** When stderr is a terminal and the records go to a file (-f, or stdout redirected to one). */
    AUTO,
    /** Whenever stderr is a terminal (also in a pipe, whose reader may share it). */
    ALWAYS,
    NEVER;

    static final List<String> NAMES = Arrays.stream(values()).map(ProgressMode::cliName).toList();

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named by {@code --progress}, else by CALLX_PROGRESS, else auto. */
    static ProgressMode of(ProgressMode option, String env) {
        if (option != null) {
            return option;
        }
        if (env == null || env.isBlank()) {
            return AUTO;
        }
        for (ProgressMode m : values()) {
            if (m.cliName().equals(env.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw CallxException.usage("CALLX_PROGRESS expects auto, always or never, got '" + env + "'"
                + DidYouMean.hint(env, NAMES));
    }
}
