package dev.callx.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.DoNotMutate;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * RFC 4180 CSV as Commons CSV's {@code CSVFormat.RFC4180} prints it: CRLF line ends, quotes where
 * needed, null as an empty cell. A row is built in one buffer of UTF-8 and written at once; the cells are
 * written here rather than through {@code CSVFormat.print}, whose appends to a {@code Writer} cost
 * more than the rest of the export. CsvWriterTest compares the output with CSVPrinter's on random cells.
 */
final class CsvWriter implements RecordWriter {
    /** {@link #kind}: no quotes needed, every character ASCII. */
    private static final int ASCII = 0;
    /** {@link #kind}: no quotes needed, some character beyond ASCII. */
    private static final int TEXT = 1;
    /** {@link #kind}: quotes needed. */
    private static final int QUOTED = 2;

    private final OutputOptions options;
    private final Writer out;
    /** The output, when it takes bytes; null for any other writer. */
    private final Utf8Sink sink;
    private final Field[] fields;
    private final Utf8Row row = new Utf8Row();
    private final JsonText json = new JsonText();

    CsvWriter(OutputOptions options, Writer out) throws IOException {
        this.options = options;
        this.out = out;
        this.sink = out instanceof Utf8Sink s ? s : null;
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
            int mark = row.length();
            if (i > 0) {
                row.ascii(',');
            }
            if (direct(value)) {
                continue;
            }
            row.truncate(mark);
            String text = value instanceof JsonNode node && !node.isTextual()
                    ? json.of(node) : Values.text(value, options.zone());
            cell(options.csvSafe() ? defuse(text) : text, i == 0);
        }
        endRow();
    }

    /**
     * Writes the cells that need no text first, straight into the row: a timestamp (from a digit
     * on: never quoted, nothing to defuse), an object or array (from '{' or '[': never defused);
     * false, with the row to be truncated, for any other value, or one of these that only the text
     * path writes (a year beyond 9999, a float in a tree).
     */
    @DoNotMutate("speed only: without it every cell takes the text path, which writes the same bytes (CsvWriterTest)")
    private boolean direct(Object value) {
        if (value instanceof Instant instant) {
            return row.timestamp(instant, options.zone());
        }
        return value instanceof JsonNode node && node.isContainerNode() && CsvJson.append(row, node);
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
     * an empty line), a text that may need quotes ({@link #kind}) in quotes with each quote
     * doubled, any other text as it is.
     */
    private void cell(String text, boolean first) {
        if (!first) {
            row.ascii(',');
        }
        if (text == null) {
            return;
        }
        if (text.isEmpty()) {
            if (first) {
                row.ascii('"').ascii('"');
            }
            return;
        }
        int kind = kind(text);
        if (kind == ASCII) {
            row.ascii(text);
            return;
        }
        if (kind == TEXT) {
            row.text(text, 0, text.length());
            return;
        }
        row.quoted(text);
    }

    /**
     * Whether Commons CSV's minimal quoting quotes this non-empty cell (it starts with a character up
     * to {@code #}, ends with one up to a space, or holds a comma, a quote, CR or LF), and if not,
     * whether it is all ASCII.
     */
    private static int kind(String text) {
        int n = text.length();
        if (text.charAt(0) <= '#' || text.charAt(n - 1) <= ' ') {
            return QUOTED;
        }
        int kind = ASCII;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            // one comparison rules out most characters: all four are below '-'
            if (c < '-') {
                if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                    return QUOTED;
                }
            } else if (c >= 0x80) {
                kind = TEXT;
            }
        }
        return kind;
    }

    private void endRow() throws IOException {
        row.ascii('\r').ascii('\n');
        row.writeTo(out, sink);
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
