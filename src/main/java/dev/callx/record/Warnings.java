package dev.callx.record;

import dev.callx.log.TerminalText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects conversion problems: the first one per field is reported at once (naming the field,
 * the value and the record); the rest are only counted, so stderr carries one warning per field
 * however many records have the problem (SPEC section 4). Not thread safe: one per export.
 */
public final class Warnings {
    private static final int MAX_VALUE_CHARS = 60;

    private final Consumer<String> sink;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    public Warnings(Consumer<String> sink) {
        this.sink = sink;
    }

    /** A value of {@code field} that is not a {@code expected}; it is written as received. */
    public void unconverted(Field field, String expected, String value, String recordId) {
        int n = counts.merge(field.wireName(), 1, Integer::sum);
        if (n == 1) {
            sink.accept("warning: " + field.wireName() + " value " + quote(value)
                    + (recordId == null ? "" : " (record " + quote(recordId) + ")")
                    + " is not " + expected + "; written as received");
        }
    }

    /** Any other one-off warning. */
    public void warn(String message) {
        sink.accept("warning: " + message);
    }

    public int count() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Called once the export is done. Prints nothing: each field was named in its one warning
     * already, and a second line per field ("4 started_at values in all ...") would break SPEC
     * section 4's one warning per field.
     */
    public void finish() {
        // intentionally empty; see the javadoc
    }

    /** The value quoted and made harmless for a terminal, cut to {@value #MAX_VALUE_CHARS} characters. */
    static String quote(String value) {
        return TerminalText.quote(value, MAX_VALUE_CHARS);
    }
}
