package dev.callx.testing;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.WCWidth;

/**
 * What a terminal of a given width shows after some output: a small emulator of what callx and a
 * shell write (printable text, wide characters, carriage return, line feed, erase to the end of the
 * line; other escape sequences are skipped). A line that reaches the right margin and goes on wraps
 * onto the next line, as terminals do, and is counted in {@link #wraps()}.
 */
public final class Screen {
    private final int columns;
    private final List<StringBuilder> lines = new ArrayList<>();
    private int row;
    private int column;
    private boolean pendingWrap;
    private int wraps;

    private Screen(int columns) {
        this.columns = columns;
        lines.add(new StringBuilder());
    }

    public static Screen of(String output, int columns) {
        Screen s = new Screen(columns);
        s.feed(output);
        return s;
    }

    /** The lines shown, trailing spaces and trailing empty lines dropped. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (StringBuilder l : lines) {
            out.add(l.toString().stripTrailing());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** How many times text ran past the right margin onto a new line. */
    public int wraps() {
        return wraps;
    }

    private void feed(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\u001b') {
                i = skipEscape(text, i);
            } else if (cp == '\r') {
                column = 0;
                pendingWrap = false;
            } else if (cp == '\n') {
                newLine();
                column = 0;
                pendingWrap = false;
            } else if (cp == '\b') {
                column = Math.max(0, column - 1);
            } else if (cp >= 0x20 && cp != 0x7f) {
                put(cp);
            }
        }
    }

    private int skipEscape(String text, int i) {
        if (i < text.length() && text.charAt(i) == '[') {
            int j = i + 1;
            while (j < text.length() && (text.charAt(j) < 0x40 || text.charAt(j) > 0x7e)) {
                j++;
            }
            if (j < text.length() && text.charAt(j) == 'K' && text.substring(i + 1, j).matches("0?")) {
                eraseToEnd();
            }
            return Math.min(text.length(), j + 1);
        }
        return Math.min(text.length(), i + 1);
    }

    private void put(int cp) {
        int w = Math.max(0, WCWidth.wcwidth(cp));
        if (pendingWrap || column + w > columns) {
            newLine();
            column = 0;
            pendingWrap = false;
            wraps++;
        }
        StringBuilder line = lines.get(row);
        while (columnOf(line) < column) {
            line.append(' ');
        }
        cutAt(line, column);
        line.appendCodePoint(cp);
        column += w;
        if (column >= columns) {
            pendingWrap = true;
            column = columns - 1;
        }
    }

    private void eraseToEnd() {
        StringBuilder line = lines.get(row);
        if (pendingWrap) {
            // xterm: erase from the cursor, which stands on the last column
            cutAt(line, columns - 1);
            pendingWrap = false;
            return;
        }
        cutAt(line, column);
    }

    private void newLine() {
        row++;
        if (row == lines.size()) {
            lines.add(new StringBuilder());
        }
    }

    /** Keeps what is left of {@code column} (a simple model: text right of it is dropped). */
    private static void cutAt(StringBuilder line, int column) {
        int w = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int cw = Math.max(0, WCWidth.wcwidth(cp));
            if (w + cw > column) {
                line.setLength(i);
                return;
            }
            w += cw;
            i += Character.charCount(cp);
        }
    }

    private static int columnOf(StringBuilder line) {
        int w = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            w += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return w;
    }
}
