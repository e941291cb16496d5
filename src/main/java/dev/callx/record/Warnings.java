package dev.callx.record;

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

    static String quote(String value) {
        String v = value.codePointCount(0, value.length()) > MAX_VALUE_CHARS
                ? value.substring(0, value.offsetByCodePoints(0, MAX_VALUE_CHARS)) + "…" : value;
        StringBuilder sb = new StringBuilder("\"");
        v.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                sb.append(String.format("\\x%02x", cp));
            } else if (Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029) {
                // bidi overrides, zero-width characters, line separators: they reorder or hide the line
                sb.append(String.format("\\u%04x", cp));
            } else if (cp == '"' || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('"').toString();
    }
}
