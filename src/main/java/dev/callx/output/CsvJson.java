package dev.callx.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.record.CompactJson;

/**
 * An object or array cell of a csv row: the compact JSON {@link CompactJson} writes, quoted as the
 * csv writer quotes any cell, encoded straight into the row's bytes (a csv export writes one for every
 * record: building the text, then scanning, quoting and encoding it, cost a third of the writer).
 * CsvWriterTest compares it with the text path.
 */
final class CsvJson {
    private CsvJson() {
    }

    /**
     * Appends the container's cell; false when the tree holds a node {@link CompactJson} does not
     * write either (floating-point, binary, POJO: never read from a platform), then with the row
     * left to be truncated by the caller.
     */
    static boolean append(Utf8Row row, JsonNode container) {
        int start = row.length();
        row.ascii('"');
        if (!CompactJson.append(new Cell(row), container)) {
            return false;
        }
        if (row.holds(start + 1, '"', ',')) {
            row.ascii('"');
        } else {
            row.remove(start); // {}, [], [1]: nothing a csv reader needs quotes for
        }
        return true;
    }

    /** The walk's output into the row: strings escaped and quoted for the cell, the rest as it is. */
    private record Cell(Utf8Row row) implements CompactJson.Out {
        @Override
        public void punct(char c) {
            row.ascii(c);
        }

        @Override
        public void literal(String text) {
            row.ascii(text);
        }

        @Override
        public void string(String s) {
            row.csvJsonString(s);
        }
    }
}
