package dev.callx.output;

import dev.callx.log.TerminalText;
import org.jline.utils.WCWidth;

/** Text for a terminal cell: made harmless, measured in columns, cut to a width. */
final class Cells {
    private static final String ELLIPSIS = "…";

    private Cells() {
    }

    /**
     * Replaces what a terminal would act on with visible escapes (ESC becomes {@code \e}, so no
     * escape sequence survives), as every message line is: see {@link TerminalText}.
     */
    static String sanitize(String text) {
        return TerminalText.escape(text);
    }

    /** Display width in terminal columns (wide East Asian characters count two). */
    static int width(String text) {
        return TerminalText.columns(text);
    }

    /**
     * The text cut to at most {@code max} columns in the middle ("inbound-17…f2598325"), keeping both
     * ends of an id, where two ids usually differ; the end gets the odd column.
     */
    static String cutMiddle(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        if (max < 3) {
            return cut(text, max);
        }
        int tail = (max - 1 + 1) / 2;
        String head = cut(text, max - tail);
        head = head.substring(0, head.length() - ELLIPSIS.length());
        StringBuilder end = new StringBuilder();
        int w = 0;
        for (int i = text.length(); i > 0; ) {
            int cp = text.codePointBefore(i);
            int cw = Math.max(0, WCWidth.wcwidth(cp));
            if (w + cw > tail) {
                break;
            }
            end.insert(0, Character.toChars(cp));
            w += cw;
            i -= Character.charCount(cp);
        }
        return head + ELLIPSIS + end;
    }

    /** The text cut to at most {@code max} columns, ending in "…" when cut. */
    static String cut(String text, int max) {
        return TerminalText.cut(text, max);
    }
}
