package dev.callx.output;

import java.nio.file.Path;
import java.util.Locale;

/** The output formats of SPEC section 6. */
public enum Format {
    TABLE, CSV, JSONL, JSON;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a file name's extension asks for, or null when it names none (a table is only asked for with -o). */
    public static Format fromFileName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        return null;
    }
}
