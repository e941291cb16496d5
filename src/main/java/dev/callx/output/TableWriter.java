package dev.callx.output;

import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table for people: the chosen columns fitted to the terminal width (see {@link TableLayout}).
 * Rows are held back until the export ends, so the widths suit the whole output, unless they pass
 * {@value #HOLD_ROWS} rows or {@value #HOLD_CHARS} characters: then the widths come from those rows
 * and the rest streams with them, so memory stays flat. Durations read {@code m:ss} (or
 * {@code h:mm:ss}), costs keep the platform's precision (the most decimals in the column), numbers
 * are aligned right, ids are cut in the middle and other text at the end with "…"; control
 * characters and escape sequences are shown as harmless escapes, never passed to the terminal.
 */
final class TableWriter implements RecordWriter {
    static final int HOLD_ROWS = 1000;
    static final int HOLD_CHARS = 1 << 20;
    /** Durations from a thousand years on are shown as received: no call lasts that long. */
    private static final BigDecimal CLOCK_MAX = BigDecimal.valueOf(31_557_600_000L);

    private final OutputOptions options;
    private final Writer out;
    private final List<String[]> held = new ArrayList<>();
    private long heldChars;
    private TableLayout layout;
    private int[] widths;
    private int costScale;

    TableWriter(OutputOptions options, Writer out) {
        this.options = options;
        this.out = out;
    }

    @Override
    public void write(CallRecord record) throws IOException {
        List<Field> fields = options.fields();
        String[] cells = new String[fields.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(fields.get(i), record.get(fields.get(i)));
            heldChars += cells[i].length();
        }
        if (layout != null) {
            printRow(cells);
            return;
        }
        held.add(cells);
        if (held.size() >= HOLD_ROWS || heldChars >= HOLD_CHARS) {
            release();
        }
    }

    /** A value as its cell shows it, before any cut. */
    private String cell(Field field, Object value) {
        if (value instanceof Instant instant) {
            // for people, to the second: the fraction is in csv and json
            value = instant.truncatedTo(ChronoUnit.SECONDS);
        }
        if (field == Field.DURATION_SEC && value instanceof BigDecimal seconds && seconds.abs().compareTo(CLOCK_MAX) < 0) {
            return clock(seconds);
        }
        if (field == Field.COST && value instanceof BigDecimal cost && layout == null) {
            costScale = Math.max(costScale, Math.min(cost.scale(), 6));
        }
        String text = Values.text(value, options.zone());
        return text == null ? "" : Cells.sanitize(text);
    }

    /** Seconds as m:ss, or h:mm:ss from an hour on, rounded to the second. */
    static String clock(BigDecimal seconds) {
        long s = seconds.setScale(0, RoundingMode.HALF_UP).longValueExact();
        String sign = s < 0 ? "-" : "";
        s = Math.abs(s);
        return s >= 3600
                ? String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%s%d:%02d", sign, s / 60, s % 60);
    }

    private void release() throws IOException {
        List<Field> fields = options.fields();
        for (String[] row : held) {
            padCosts(row);
        }
        String[] headers = options.header() ? fields.stream().map(TableWriter::header).toArray(String[]::new) : null;
        layout = TableLayout.fit(fields, headers, held, options.width(), fields.equals(Field.TABLE_DEFAULT));
        widths = layout.widths();
        if (headers != null) {
            printCells(headers);
        }
        for (String[] row : held) {
            printCells(row);
        }
        held.clear();
        heldChars = 0;
    }

    /** The header of a field's column: its name, but DURATION for durations, which read m:ss. */
    private static String header(Field f) {
        return f == Field.DURATION_SEC ? "DURATION" : f.wireName().toUpperCase(Locale.ROOT);
    }

    /** Costs with fewer decimals than the column's most get trailing zeros: 0.5 next to 0.125 is 0.500. */
    private void padCosts(String[] row) {
        int i = options.fields().indexOf(Field.COST);
        if (i < 0 || costScale == 0 || !row[i].matches("-?\\d+(\\.\\d*)?")) {
            return;
        }
        int dot = row[i].indexOf('.');
        int scale = dot < 0 ? 0 : row[i].length() - dot - 1;
        if (scale < costScale) {
            row[i] = (dot < 0 ? row[i] + "." : row[i]) + "0".repeat(costScale - scale);
        }
    }

    private void printRow(String[] cells) throws IOException {
        padCosts(cells);
        printCells(cells);
    }

    private void printCells(String[] cells) throws IOException {
        List<Field> fields = options.fields();
        StringBuilder line = new StringBuilder();
        boolean first = true;
        for (int i = 0; i < cells.length; i++) {
            if (widths[i] == 0) {
                continue; // left out: empty, or no room
            }
            if (!first) {
                line.append(TableLayout.GAP);
            }
            first = false;
            Field f = fields.get(i);
            String cell = TableLayout.IDS.contains(f) ? Cells.cutMiddle(cells[i], widths[i])
                    : Cells.cut(cells[i], widths[i]);
            String pad = " ".repeat(widths[i] - Cells.width(cell));
            line.append(TableLayout.NUMBERS.contains(f) ? pad + cell : cell + pad);
        }
        out.write(line.toString().stripTrailing());
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        if (layout == null) {
            release();
        }
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** The columns left out for want of width; known once the first rows are out (after finish, always). */
    @Override
    public List<Field> hiddenForWidth() {
        return layout == null ? List.of() : layout.hiddenForWidth();
    }
}
