package dev.callx.redact;

/**
 * Numbers written with other glyphs than ASCII's, folded to the characters {@link NumberScanner}
 * reads, one char for one so that every position stays where it was: decimal digits of any script
 * of the Basic Multilingual Plane (fullwidth {@code ４}, Devanagari {@code ४}, Arabic-Indic
 * {@code ٤}, Bengali, Thai...) to ASCII digits; a tab and the ideographic space to a space; the em
 * dash, the horizontal bar, the minus sign and the small or fullwidth hyphen-minus to an en dash (a
 * separator, never an identifier's hyphen: {@code 415 555 0100—thanks} stays a number); the
 * fullwidth {@code ＋ （ ） ． ／} to ASCII. A number's token is computed from its folded digits, so
 * {@code ４１５-５５５-０１００} gets the token of {@code 415-555-0100}.
 */
final class Glyphs {
    private Glyphs() {
    }

    /** The text folded, or the same instance when nothing in it folds. */
    static String fold(String text) {
        int n = text.length();
        int k = 0;
        while (k < n && folded(text.charAt(k)) == text.charAt(k)) {
            k++;
        }
        if (k == n) {
            return text;
        }
        char[] out = text.toCharArray();
        for (; k < n; k++) {
            out[k] = folded(out[k]);
        }
        return new String(out);
    }

    static char folded(char c) {
        if (c < 0x80) {
            return c == '\t' ? ' ' : c;
        }
        switch (c) {
            case '\u3000':
                return ' ';
            case '\u2014': case '\u2015': case '\u2212': case '\uFE63': case '\uFF0D':
                return '\u2013';
            case '\uFF0B':
                return '+';
            case '\uFF08':
                return '(';
            case '\uFF09':
                return ')';
            case '\uFF0E':
                return '.';
            case '\uFF0F':
                return '/';
            default:
                return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER ? (char) ('0' + Character.digit(c, 10)) : c;
        }
    }
}
