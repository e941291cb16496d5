package dev.callx.output;

import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, quotes where needed, null as an empty cell. The output is byte for
 * byte that of Commons CSV's {@code CSVFormat.RFC4180} (minimal quoting: a cell is quoted when it
 * holds a comma, a quote, CR or LF, begins with a character up to {@code #}, ends with one up to a
 * space, or is an empty string first on its line); it is written here, a row at a time into one
 * buffer, because Commons CSV's per-character appends cost more than the rest of the export.
 * CsvWriterTest compares both on random cells.
 */
final class CsvWriter implements RecordWriter {
    private final OutputOptions options;
    private final Writer out;
    private final Field[] fields;
    private static final int MAX_KEPT = 1 << 20;

    private char[] row = new char[1024];
    private int length;

    CsvWriter(OutputOptions options, Writer out) throws IOException {
        this.options = options;
        this.out = out;
        this.fields = options.fields().toArray(new Field[0]);
        if (options.header()) {
            List<Field> header = options.fields();
            for (int i = 0; i < header.size(); i++) {
                cell(header.get(i).wireName(), i == 0);
            }
            endRow();
        }
    }

    @Override
    public void write(CallRecord record) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            String text = Values.text(record.get(fields[i]), options.zone());
            cell(options.csvSafe() ? defuse(text) : text, i == 0);
        }
        endRow();
    }

    /** A cell a spreadsheet would read as a formula gets a leading apostrophe. */
    static String defuse(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    private void cell(String text, boolean first) {
        if (!first) {
            append(',');
        }
        if (text == null) {
            return; // Commons CSV writes null as nothing, even first on a line
        }
        int n = text.length();
        if (n == 0) {
            if (first) {
                append('"');
                append('"');
            }
            return;
        }
        if (!needsQuotes(text, n)) {
            append(text, 0, n);
            return;
        }
        append('"');
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '"') {
                append(text, start, i + 1);
                append('"');
                start = i + 1;
            }
        }
        append(text, start, n);
        append('"');
    }

    /** Commons CSV's QuoteMode.MINIMAL for a non-empty cell. */
    static boolean needsQuotes(String text, int n) {
        if (text.charAt(0) <= '#' || text.charAt(n - 1) <= ' ') {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            // one comparison rules out most characters: all four are below '-'
            if (c < '-' && (c == ',' || c == '"' || c == '\r' || c == '\n')) {
                return true;
            }
        }
        return false;
    }

    private void endRow() throws IOException {
        append('\r');
        append('\n');
        out.write(row, 0, length);
        length = 0;
        if (row.length > MAX_KEPT) {
            row = new char[1024]; // one huge cell does not keep its buffer for the rest of the export
        }
    }

    private void append(char c) {
        if (length == row.length) {
            grow(1);
        }
        row[length++] = c;
    }

    private void append(String s, int from, int to) {
        int n = to - from;
        if (length + n > row.length) {
            grow(n);
        }
        s.getChars(from, to, row, length);
        length += n;
    }

    private void grow(int needed) {
        int size = Math.max(row.length * 2, length + needed);
        char[] bigger = new char[size];
        System.arraycopy(row, 0, bigger, 0, length);
        row = bigger;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
