package dev.callx.output;

import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A table for people: the chosen columns fitted to the terminal width. Column widths come from the
 * first {@value #SAMPLE} rows, held back until then; later rows stream with those widths, so memory
 * stays flat. Long text is cut with "…"; control characters and escape sequences are shown as
 * harmless escapes, never passed to the terminal.
 */
final class TableWriter implements RecordWriter {
    static final int SAMPLE = 100;
    private static final String GAP = "  ";
    /** Free text, cut before the ids, times and numbers a person matches on. */
    private static final Set<Field> TEXT = EnumSet.of(Field.CALLER_NAME, Field.CALLER_EMAIL, Field.AGENT_NAME, Field.STATUS,
            Field.SUMMARY, Field.SENTIMENT, Field.DISCONNECT_REASON, Field.RECORDING_URL, Field.TRANSCRIPT,
            Field.TRANSCRIPT_URL, Field.ERROR_MESSAGE, Field.METADATA);
    private static final int TEXT_FLOOR = 10;
    /** Default columns that give way whole, in this order, when the terminal is too narrow for all. */
    private static final List<Field> GIVE_WAY = List.of(Field.DIRECTION, Field.AGENT_NAME, Field.SUMMARY,
            Field.DURATION_SEC, Field.STATUS);
    private static final int HEADER_FLOOR = 4;

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
            Object value = record.get(options.fields().get(i));
            if (value instanceof Instant instant) {
                // for people, to the second: the fraction is in csv and json
                value = instant.truncatedTo(ChronoUnit.SECONDS);
            }
            String text = Values.text(value, options.zone());
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

    /**
     * Column widths, 0 for a hidden column. Natural widths first; when they do not fit, the default
     * columns that help least give way whole (empty ones, then direction, agent, summary, duration,
     * status) rather than leave every column too narrow to read. Then columns shrink one column at a
     * time: free text (summary, names, URLs) down to {@value #TEXT_FLOOR} columns, then a header wider
     * than its column's values, then the widest column. So the times, numbers and ids people look for
     * stay whole and long text is what gets cut. Columns chosen with --fields are only ever hidden
     * when even one character each would not fit.
     */
    private int[] fit() {
        List<Field> fields = options.fields();
        int n = fields.size();
        int[] w = new int[n];
        int[] data = new int[n];
        boolean[] hidden = new boolean[n];
        for (int i = 0; i < n; i++) {
            data[i] = 0;
            for (String[] row : sample) {
                data[i] = Math.max(data[i], Cells.width(row[i]));
            }
            w[i] = Math.max(Math.max(data[i], 1), options.header() ? fields.get(i).wireName().length() : 1);
        }
        int[] textFloor = new int[n];
        for (int i = 0; i < n; i++) {
            textFloor[i] = TEXT.contains(fields.get(i)) ? Math.min(w[i], TEXT_FLOOR) : w[i];
        }
        if (fields.equals(Field.TABLE_DEFAULT)) {
            for (int i = 0; i < n && needed(textFloor, hidden) > options.width(); i++) {
                hidden[i] = !sample.isEmpty() && data[i] == 0;
            }
            for (Field f : GIVE_WAY) {
                if (needed(textFloor, hidden) <= options.width()) {
                    break;
                }
                hidden[fields.indexOf(f)] = true;
            }
        }
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        for (int i = n - 1; i > 0 && needed(ones, hidden) > options.width(); i--) {
            hidden[i] = true;
        }
        int visible = 0;
        for (boolean h : hidden) {
            visible += h ? 0 : 1;
        }
        int available = Math.max(visible, options.width() - GAP.length() * (visible - 1));
        int total = 0;
        int[] headerFloor = new int[n];
        int[] lastFloor = new int[n];
        for (int i = 0; i < n; i++) {
            if (hidden[i]) {
                w[i] = 0;
                textFloor[i] = 0;
            }
            total += w[i];
            headerFloor[i] = hidden[i] ? 0 : Math.max(Math.max(data[i], 1), Math.min(HEADER_FLOOR, w[i]));
            lastFloor[i] = hidden[i] ? 0 : 1;
        }
        total = shrink(w, total, available, textFloor);
        total = shrink(w, total, available, headerFloor);
        shrink(w, total, available, lastFloor);
        return w;
    }

    /** The line width the visible columns take at the given widths, gaps included. */
    private static int needed(int[] widths, boolean[] hidden) {
        int total = 0;
        int visible = 0;
        for (int i = 0; i < widths.length; i++) {
            if (!hidden[i]) {
                total += widths[i];
                visible++;
            }
        }
        return total + GAP.length() * Math.max(0, visible - 1);
    }

    /** Narrows the widest column still above its floor, one column at a time, until the row fits. */
    private static int shrink(int[] w, int total, int available, int[] floor) {
        while (total > available) {
            int widest = -1;
            for (int i = 0; i < w.length; i++) {
                if (w[i] > floor[i] && (widest < 0 || w[i] > w[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                break;
            }
            w[widest]--;
            total--;
        }
        return total;
    }

    private void printRow(String[] cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (widths[i] == 0) {
                continue; // hidden: it did not fit
            }
            if (line.length() > 0) {
                line.append(GAP);
            }
            String cell = Cells.cut(cells[i], widths[i]);
            line.append(cell).append(" ".repeat(widths[i] - Cells.width(cell)));
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
