package dev.callx.redact;

/**
 * Numbers written with other glyphs than ASCII's, folded to the characters {@link NumberScanner}
 * reads, one char for one so that every position stays where it was: decimal digits of any script
 * of the Basic Multilingual Plane (fullwidth {@code ４}, Devanagari {@code ४}, Arabic-Indic
 * {@code ٤}, Bengali, Thai...) to ASCII digits; the ideographic space to a space; the fullwidth
 * hyphen-minus to an en dash (a separator, never an identifier's hyphen) and the fullwidth
 * {@code ＋ （ ）} to ASCII. Between two digits only (elsewhere a word's letter or a sentence's
 * punctuation): the katakana long vowel mark {@code ー} (halfwidth too), the katakana middle dot
 * {@code ・}, the box-drawing line {@code ─}, the small em dash {@code ﹘} and the soft hyphen, which
 * Japanese input writes for a hyphen, to an en dash. A number's
 * token is computed from its folded digits, so {@code ０３－１２３４－５６７８} gets the token of
 * {@code 03-1234-5678}.
 *
 * <p>Not folded, on purpose: a tab (it ends a column, and the number in it), the em dash and the
 * minus sign (a sentence's dash after a number, {@code 415-555-0100—9am}, or a negative number), the
 * fullwidth {@code ． ／} (a list's number, {@code 1．090-1234-5678}; {@code TEL／FAX}).
 */
final class Glyphs {
    private static final char EN_DASH = '\u2013';

    private Glyphs() {
    }

    /** The text folded, or the same instance when nothing in it folds. */
    static String fold(String text) {
        int n = text.length();
        int k = 0;
        while (k < n && (text.charAt(k) < 0x80 || folded(text, k) == text.charAt(k))) {
            k++;
        }
        if (k == n) {
            return text;
        }
        char[] out = text.toCharArray();
        for (; k < n; k++) {
            if (out[k] >= 0x80) {
                out[k] = folded(text, k); // its neighbours as written: a fold never depends on another
            }
        }
        return new String(out);
    }

    /** The character at {@code k} of the text, folded. */
    static char folded(String text, int k) {
        char c = text.charAt(k);
        switch (c) {
            case '\u3000':
                return ' ';
            case '\uFF0D':
                return EN_DASH;
            case '\uFF0B':
                return '+';
            case '\uFF08':
                return '(';
            case '\uFF09':
                return ')';
            case '\u30FC': case '\uFF70': case '\u30FB': case '\u00AD': case '\u2500': case '\uFE58':
                return betweenDigits(text, k) ? EN_DASH : c;
            default:
                return c >= 0x80 && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER
                        ? (char) ('0' + Character.digit(c, 10)) : c;
        }
    }

    private static boolean betweenDigits(String text, int k) {
        return k > 0 && k + 1 < text.length() && Character.isDigit(text.charAt(k - 1))
                && Character.isDigit(text.charAt(k + 1));
    }
}
