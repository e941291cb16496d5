package dev.callx.log;

/**
 * Text from outside (a server's message, a record's value, an argument) made harmless for a
 * terminal: whatever a terminal would act on becomes a visible escape, so no escape sequence can
 * set the window title, clear the screen or forge a line, and no invisible character can reorder
 * or hide the text around it.
 *
 * <ul>
 *   <li>ESC becomes {@code \e}; newline, carriage return and tab become {@code \n}, {@code \r},
 *       {@code \t};</li>
 *   <li>every other C0 control, DEL and the C1 controls (U+0080 to U+009F, which some terminals
 *       read as ESC sequences) become {@code \xHH};</li>
 *   <li>format characters (bidi overrides and isolates, zero-width characters, the BOM) and the
 *       line and paragraph separators U+2028/U+2029 become {@code \\uHHHH}.</li>
 * </ul>
 *
 * A backslash is left as it is, so escaping twice changes nothing: a line built from text escaped
 * already (a warning's quoted value) can go through {@link #escape} again. The one escaper of
 * callx: the log, the final error line, warnings and table cells all use it.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** One line: every control character escaped, newlines included. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** Several lines (a stack trace): like {@link #escape(String)} but newlines and tabs are kept. */
    public static String escapeLines(String text) {
        return escape(text, true);
    }

    /**
     * The value in double quotes, escaped as by {@link #escape(String)} with {@code "} and
     * {@code \} escaped too, and cut to {@code maxChars} characters (code points, never half a
     * surrogate pair) followed by "…" when longer.
     */
    public static String quote(String value, int maxChars) {
        String v = value.codePointCount(0, value.length()) > maxChars
                ? value.substring(0, value.offsetByCodePoints(0, maxChars)) + "…" : value;
        StringBuilder sb = new StringBuilder(v.length() + 8).append('"');
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            if (cp == '"' || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else {
                String replacement = replacement(cp, false);
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            i += Character.charCount(cp);
        }
        return sb.append('"').toString();
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String replacement = replacement(cp, keepLines);
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
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

    /** What {@code cp} is shown as, or null when it is shown as itself. */
    private static String replacement(int cp, boolean keepLines) {
        switch (cp) {
            case '\n':
                return keepLines ? null : "\\n";
            case '\t':
                return keepLines ? null : "\\t";
            case '\r':
                return "\\r";
            case 0x1b:
                return "\\e";
            default:
                break;
        }
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
            return String.format(java.util.Locale.ROOT, "\\x%02x", cp);
        }
        if (Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029) {
            return String.format(java.util.Locale.ROOT, "\\u%04x", cp);
        }
        // a lone surrogate (half a pair, cut by a server): shown, not passed to the terminal's decoder
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return String.format(java.util.Locale.ROOT, "\\u%04x", cp);
        }
        return null;
    }

    /** The columns {@code text} takes on a terminal: wide characters count two, combining ones none. */
    public static int columns(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += Math.max(0, org.jline.utils.WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return w;
    }

    /** The text cut to at most {@code max} columns, ending in "…" when cut. */
    public static String cut(String text, int max) {
        if (columns(text) <= max) {
            return text;
        }
        if (max < 1) {
            return "…"; // no room for any text
        }
        StringBuilder sb = new StringBuilder();
        int w = 0;
        // the text is wider than max: a character that does not fit comes before its end
        for (int i = 0; ; ) {
            int cp = text.codePointAt(i);
            int cw = Math.max(0, org.jline.utils.WCWidth.wcwidth(cp));
            if (w + cw > max - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return sb.append("…").toString();
    }
}
