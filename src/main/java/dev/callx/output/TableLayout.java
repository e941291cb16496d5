package dev.callx.output;

import dev.callx.record.Field;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The widths of a table's columns for a terminal width, decided from the rows shown (all of them
 * when they fit in memory cheaply, else the first ones). Knows fields, never platforms.
 *
 * <p>Natural widths first (the widest cell or the header). A default column empty in every row is
 * left out. While the row is too wide, in this order: free text (summaries, names, URLs) narrows to
 * {@value #TEXT_FLOOR} columns; ids narrow to {@value #ID_FLOOR}, cut in the middle; of the default
 * columns, direction, agent, summary, duration and callee give way whole; a header wider than its
 * column's values is cut; then free text narrows further, short words (status, direction, channel)
 * to {@value #WORD_FLOOR}, ids to 6, short words to 3; and last the times and numbers. Columns that
 * still do not fit are hidden from the right. So the ids, times and numbers a person
 * looks for stay whole longest, and status and times are never cut before free text. Columns chosen
 * with --fields are cut rather than hidden, and hidden from the right only when even one character
 * each would not fit.
 */
final class TableLayout {
    static final String GAP = "  ";
    static final int TEXT_FLOOR = 10;
    static final int ID_FLOOR = 12;
    private static final int HEADER_FLOOR = 4;

    /** Free text: cut first. */
    static final Set<Field> TEXT = EnumSet.of(Field.CALLER_NAME, Field.CALLER_EMAIL, Field.AGENT_NAME,
            Field.SUMMARY, Field.SENTIMENT, Field.DISCONNECT_REASON, Field.RECORDING_URL, Field.TRANSCRIPT,
            Field.TRANSCRIPT_URL, Field.ERROR_MESSAGE, Field.METADATA);
    /** Identifiers: cut in the middle, where the ends that tell two apart are kept. */
    static final Set<Field> IDS = EnumSet.of(Field.ID, Field.AGENT_ID, Field.ORGANIZATION_ID);
    /** Short words that still read when cut a little. */
    private static final Set<Field> WORDS = EnumSet.of(Field.STATUS, Field.DIRECTION, Field.CHANNEL, Field.PROVIDER);
    /** Numbers: aligned right. */
    static final Set<Field> NUMBERS = EnumSet.of(Field.DURATION_SEC, Field.COST, Field.LATENCY_MS);
    /** Default columns that give way whole, in this order, when the terminal is too narrow for all. */
    private static final List<Field> GIVE_WAY = List.of(Field.DIRECTION, Field.AGENT_NAME, Field.SUMMARY,
            Field.DURATION_SEC, Field.TO_NUMBER);
    /** How narrow short words get before ids are cut further ("Completed"). */
    private static final int WORD_FLOOR = 9;

    private final List<Field> fields;
    private final int[] widths;
    private final List<Field> hiddenForWidth = new ArrayList<>();

    private TableLayout(List<Field> fields, int[] widths) {
        this.fields = fields;
        this.widths = widths;
    }

    /** Column widths, 0 for a column left out. */
    int[] widths() {
        return widths.clone();
    }

    /** The columns left out for want of width (not those left out for being empty), in table order. */
    List<Field> hiddenForWidth() {
        List<Field> inOrder = new ArrayList<>();
        for (Field f : fields) {
            if (hiddenForWidth.contains(f)) {
                inOrder.add(f);
            }
        }
        return inOrder;
    }

    /**
     * @param headers  the header of each column ({@code null} without a header row)
     * @param rows     the rows the widths are decided from
     * @param defaults whether the columns are the default set (not chosen with --fields)
     */
    static TableLayout fit(List<Field> fields, String[] headers, List<String[]> rows, int width, boolean defaults) {
        int n = fields.size();
        int[] data = new int[n];
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            for (String[] row : rows) {
                data[i] = Math.max(data[i], Cells.width(row[i]));
            }
            w[i] = Math.max(Math.max(data[i], 1), headers == null ? 1 : Cells.width(headers[i]));
        }
        TableLayout layout = new TableLayout(fields, w);
        if (defaults && !rows.isEmpty()) {
            for (int i = 0; i < n; i++) {
                if (data[i] == 0) {
                    w[i] = 0; // empty in every row shown: the platform does not fill it
                }
            }
        }
        layout.shrink(width, i -> TEXT.contains(fields.get(i)), i -> TEXT_FLOOR);
        layout.shrink(width, i -> IDS.contains(fields.get(i)), i -> ID_FLOOR);
        if (defaults) {
            for (Field f : GIVE_WAY) {
                int i = fields.indexOf(f);
                if (layout.needed() <= width) {
                    break;
                }
                if (i >= 0 && w[i] > 0) {
                    w[i] = 0;
                    layout.hiddenForWidth.add(f);
                }
            }
        }
        layout.shrink(width, i -> true, i -> Math.max(Math.max(data[i], 1), Math.min(HEADER_FLOOR, w[i])));
        layout.shrink(width, i -> TEXT.contains(fields.get(i)), i -> 3);
        layout.shrink(width, i -> WORDS.contains(fields.get(i)), i -> WORD_FLOOR);
        layout.shrink(width, i -> IDS.contains(fields.get(i)), i -> 6);
        layout.shrink(width, i -> WORDS.contains(fields.get(i)), i -> 3);
        layout.shrink(width, i -> true, i -> 1);
        for (int i = n - 1; i > 0 && layout.needed() > width; i--) {
            if (w[i] > 0) {
                w[i] = 0;
                layout.hiddenForWidth.add(fields.get(i));
            }
        }
        return layout;
    }

    /** The line width the shown columns take, gaps included. */
    private int needed() {
        int total = 0;
        int shown = 0;
        for (int w : widths) {
            if (w > 0) {
                total += w;
                shown++;
            }
        }
        return total + GAP.length() * Math.max(0, shown - 1);
    }

    /**
     * Narrows the widest of the chosen shown columns still above its floor, one column at a time,
     * until the row fits or none is left to narrow.
     */
    private void shrink(int width, IntPredicate chosen, java.util.function.IntUnaryOperator floor) {
        int over = needed() - width;
        while (over > 0) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                // every floor is at least 1: a column left out (0) is never above it
                if (chosen.test(i) && widths[i] > floor.applyAsInt(i)
                        && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--;
            over--;
        }
    }
}
