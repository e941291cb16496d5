package dev.callx.output;

import org.jline.utils.WCWidth;

/** Text for a terminal cell: made harmless, measured in columns, cut to a width. */
final class Cells {
    private static final String ELLIPSIS = "…";

    private Cells() {
    }

    /**
     * Replaces what a terminal would act on with visible escapes: C0 and C1 controls and DEL
     * (ESC becomes {@code \e}, so no escape sequence survives), and the invisible format characters
     * that reorder or hide text (bidi overrides, zero-width characters).
     */
    static String sanitize(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String replacement = escape(cp);
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            i += Character.charCount(cp);
        }
        return sb == null ? text : sb.toString();
    }

    private static String escape(int cp) {
        switch (cp) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case 0x1b: return "\\e";
            default:
                break;
        }
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
            return String.format("\\x%02x", cp);
        }
        if (Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029) {
            return String.format("\\u%04x", cp);
        }
        return null;
    }

    /** Display width in terminal columns (wide East Asian characters count two). */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return w;
    }

    /** The text cut to at most {@code max} columns, ending in "…" when cut. */
    static String cut(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int cw = Math.max(0, WCWidth.wcwidth(cp));
            if (w + cw > max - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return sb.append(ELLIPSIS).toString();
    }
}
