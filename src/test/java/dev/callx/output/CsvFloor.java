package dev.callx.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * For bench/throughput only: the floor of any csv export that reads its values through Jackson's
 * streaming parser. Each record's top-level scalars, read as callx must read them (a string's text
 * decoded, a number's text), are written as csv cells with callx's row and quoting, one row per
 * record; nested objects and arrays are skipped (callx writes them), no tree is built, no value is
 * converted (callx converts timestamps, numbers, directions). Nothing callx does could cost less:
 * the bare parse's ratio to this is the best a Jackson-based export could reach.
 */
public final class CsvFloor {
    private final Utf8Row row = new Utf8Row();
    private final Writer out;
    private final Utf8Sink sink;

    public CsvFloor(Writer out) {
        this.out = out;
        this.sink = out instanceof Utf8Sink s ? s : null;
    }

    /** Writes the records of each page (the objects of the array at {@code path}); returns how many. */
    public long run(JsonFactory factory, List<byte[]> pages, String[] path) throws IOException {
        long n = 0;
        for (byte[] bytes : pages) {
            try (JsonParser p = factory.createParser(bytes)) {
                p.nextToken();
                for (String level : path) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        if (name.equals(level)) {
                            break;
                        }
                        p.skipChildren();
                    }
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    boolean first = true;
                    JsonToken t;
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        t = p.nextToken();
                        if (!first) {
                            row.ascii(',');
                        }
                        first = false;
                        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT
                                || t == JsonToken.VALUE_NUMBER_FLOAT) {
                            cell(p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                    row.ascii('\r').ascii('\n');
                    row.writeTo(out, sink);
                    n++;
                }
            }
        }
        out.flush();
        return n;
    }

    private void cell(String text) {
        cell(row, text);
    }

    /** A cell as callx's csv writer writes it (minimal quoting), for a text that is not null. */
    static void cell(Utf8Row row, String text) {
        int n = text.length();
        if (n == 0) {
            return;
        }
        boolean quote = text.charAt(0) <= '#' || text.charAt(n - 1) <= ' ';
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '-') {
                quote |= c == ',' || c == '"' || c == '\r' || c == '\n';
            } else if (c >= 0x80) {
                ascii = false;
            }
        }
        if (!quote) {
            if (ascii) {
                row.ascii(text);
            } else {
                row.text(text, 0, n);
            }
            return;
        }
        row.quoted(text);
    }
}
