package dev.callx.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text scanning of {@link Transcripts}, without regular expressions: a transcript comes with
 * every Zudu record, and matching three patterns per line cost a quarter of a Zudu export's CPU.
 * Each method does exactly what the pattern in its documentation does; LabelledTextTest compares
 * them on random text.
 */
final class LabelledText {
    /** The speaker names a label may have, lower case; none is a prefix of another. */
    private static final String[] NAMES = {
        "agent", "assistant", "bot", "ai", "model", "user", "human", "customer", "caller", "system"};
    /** What {@link #oneLine} does when the text has a line break: {@code \s*\R\s*} replaced by a space. */
    static final Pattern BREAKS = Pattern.compile("\\s*\\R\\s*");

    /** A label at the start of a line: the speaker as written, and where the turn's text starts. */
    record Label(String speaker, int end) {
    }

    private LabelledText() {
    }

    /** The lines of {@code text}, as {@code Pattern.compile("\\R").split(text, -1)} gives them. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isBreak(c)) {
                lines.add(text.substring(from, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        lines.add(from == 0 ? text : text.substring(from));
        return lines;
    }

    /**
     * The label at the start of {@code line}, as
     * {@code ^\h*(agent|assistant|bot|ai|model|user|human|customer|caller|system)\h*:\h*} (ASCII case
     * insensitive) finds it, group 1 the speaker; null when there is none.
     */
    static Label label(String line) {
        int n = line.length();
        int i = skipHorizontal(line, 0);
        for (String name : NAMES) {
            int end = i + name.length();
            if (end <= n && asciiEqualsIgnoreCase(line, i, name)) {
                int colon = skipHorizontal(line, end);
                if (colon < n && line.charAt(colon) == ':') {
                    return new Label(line.substring(i, end), skipHorizontal(line, colon + 1));
                }
                return null; // no other name starts with this one
            }
        }
        return null;
    }

    /**
     * {@code text} with each {@code \s*\R\s*} (ASCII spaces around a line break) replaced by one space;
     * text without a line break, most, is returned as it is.
     */
    static String oneLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isBreak(text.charAt(i))) {
                return BREAKS.matcher(text).replaceAll(" ");
            }
        }
        return text;
    }

    /** {@code \R}'s characters: a CR LF pair is one break. */
    private static boolean isBreak(char c) {
        if (c <= '\r') {
            return c >= '\n'; // \n \u000B \f \r, one range
        }
        // most characters of a transcript are between the two: one comparison more
        return c >= '\u0085' && (c == '\u0085' || c == '\u2028' || c == '\u2029');
    }

    /** The first index at or after {@code from} that is not {@code \h}. */
    private static int skipHorizontal(String s, int from) {
        int i = from;
        while (i < s.length() && isHorizontal(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code \h}: {@code [ \t\xA0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000]}. */
    private static boolean isHorizontal(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u1680' || c == '\u180E'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    /** Whether {@code s} at {@code from} holds {@code lower} (ASCII lower-case letters), A-Z folded. */
    private static boolean asciiEqualsIgnoreCase(String s, int from, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            char c = s.charAt(from + k);
            char l = lower.charAt(k);
            if (c != l && c != (char) (l - ('a' - 'A'))) {
                return false;
            }
        }
        return true;
    }
}
