package dev.callx.output;

import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table for people: the chosen columns fitted to the terminal width. Column widths come from the
 * first {@value #SAMPLE} rows, held back until then; later rows stream with those widths, so memory
 * stays flat. Long text is cut with "…"; control characters and escape sequences are shown as
 * harmless escapes, never passed to the terminal.
 */
final class TableWriter implements RecordWriter {
    static final int SAMPLE = 100;
    private static final String GAP = "  ";

    private final OutputOptions options;
    private final Writer out;
    private final List<String[]> sample = new ArrayList<>();
    private int[] widths;

    TableWriter(OutputOptions options, Writer out) {
        this.options = options;
        this.out = out;
    }

    @Override
    public void write(CallRecord record) throws IOException {
        String[] cells = new String[options.fields().size()];
        for (int i = 0; i < cells.length; i++) {
            String text = Values.text(record.get(options.fields().get(i)), options.zone());
            cells[i] = text == null ? "" : Cells.sanitize(text);
        }
        if (widths != null) {
            printRow(cells);
            return;
        }
        sample.add(cells);
        if (sample.size() >= SAMPLE) {
            release();
        }
    }

    private void release() throws IOException {
        widths = fit();
        if (options.header()) {
            String[] header = options.fields().stream().map(f -> f.wireName().toUpperCase(Locale.ROOT))
                    .toArray(String[]::new);
            printRow(header);
        }
        for (String[] row : sample) {
            printRow(row);
        }
        sample.clear();
    }

    /** Natural widths, then the widest column shrinks one column at a time until the row fits. */
    private int[] fit() {
        List<Field> fields = options.fields();
        int n = fields.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = options.header() ? fields.get(i).wireName().length() : 1;
            for (String[] row : sample) {
                w[i] = Math.max(w[i], Cells.width(row[i]));
            }
            w[i] = Math.max(w[i], 1);
        }
        int available = Math.max(n, options.width() - GAP.length() * (n - 1));
        int total = 0;
        for (int x : w) {
            total += x;
        }
        while (total > available) {
            int widest = 0;
            for (int i = 1; i < n; i++) {
                if (w[i] > w[widest]) {
                    widest = i;
                }
            }
            if (w[widest] <= 1) {
                break;
            }
            w[widest]--;
            total--;
        }
        return w;
    }

    private void printRow(String[] cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = Cells.cut(cells[i], widths[i]);
            line.append(cell);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - Cells.width(cell))).append(GAP);
            }
        }
        out.write(line.toString().stripTrailing());
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        if (widths == null) {
            release();
        }
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
