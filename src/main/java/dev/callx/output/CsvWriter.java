package dev.callx.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV as Commons CSV's {@code CSVFormat.RFC4180} prints it: CRLF line ends, quotes where
 * needed, null as an empty cell. A row is built in one buffer and written at once; the cells are
 * written here rather than through {@code CSVFormat.print}, whose appends to a {@code Writer} cost
 * more than the rest of the export. CsvWriterTest compares the output with CSVPrinter's on random cells.
 */
final class CsvWriter implements RecordWriter {
    private final OutputOptions options;
    private final Writer out;
    private final Field[] fields;
    private final Row row = new Row();
    private final JsonText json = new JsonText();

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
            Object value = record.get(fields[i]);
            String text = value instanceof JsonNode node && !node.isTextual()
                    ? json.of(node) : Values.text(value, options.zone());
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

    /**
     * One cell as Commons CSV's RFC 4180 printer writes it (minimal quoting): null as nothing, an
     * empty text as nothing too unless it is the row's first cell ({@code ""}, so that a row is never
     * an empty line), a text that may need quotes ({@link #needsQuotes}) in quotes with each quote
     * doubled, any other text as it is.
     */
    private void cell(String text, boolean first) {
        if (!first) {
            row.append(',');
        }
        if (text == null) {
            return;
        }
        if (text.isEmpty()) {
            if (first) {
                row.append("\"\"");
            }
            return;
        }
        if (!needsQuotes(text)) {
            row.append(text);
            return;
        }
        row.append('"');
        int start = 0;
        for (int i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
            row.append(text, start, i + 1).append('"');
            start = i + 1;
        }
        row.append(text, start, text.length()).append('"');
    }

    /**
     * Whether Commons CSV's minimal quoting quotes this non-empty cell: it starts with a character up
     * to {@code #}, ends with one up to a space, or holds a comma, a quote, CR or LF.
     */
    static boolean needsQuotes(String text) {
        int n = text.length();
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
        row.append('\r').append('\n');
        row.writeTo(out);
    }

    /** One row's characters, appended without copies or locks, then written to the output at once. */
    private static final class Row {
        private static final int MAX_KEPT = 1 << 20;

        private char[] chars = new char[1024];
        private int length;

        Row append(char c) {
            if (length == chars.length) {
                grow(1);
            }
            chars[length++] = c;
            return this;
        }

        Row append(String s) {
            return append(s, 0, s.length());
        }

        Row append(String s, int from, int to) {
            int n = to - from;
            if (length + n > chars.length) {
                grow(n);
            }
            s.getChars(from, to, chars, length);
            length += n;
            return this;
        }

        private void grow(int needed) {
            char[] bigger = new char[Math.max(chars.length * 2, length + needed)];
            System.arraycopy(chars, 0, bigger, 0, length);
            chars = bigger;
        }

        void writeTo(Writer out) throws IOException {
            out.write(chars, 0, length);
            length = 0;
            if (chars.length > MAX_KEPT) {
                chars = new char[1024]; // one huge cell does not keep its buffer for the rest of the export
            }
        }
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
