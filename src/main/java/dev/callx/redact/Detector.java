package dev.callx.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Everything to redact in one text: e-mail addresses first, then known names, then phone and card numbers. */
final class Detector {

    private Detector() {
    }

    /** The findings of {@code text}, sorted by position, never overlapping. */
    static List<Finding> find(String text, List<NameFinder.NamePattern> names) {
        List<Finding> out = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        EmailFinder.find(text, out);
        for (Finding f : out) {
            for (int k = f.start(); k < f.end(); k++) {
                taken[k] = true;
            }
        }
        if (!names.isEmpty()) {
            NameFinder.find(text, names, taken, out);
        }
        NumberScanner.find(text, taken, out);
        out.sort(Comparator.comparingInt(Finding::start));
        return out;
    }

    /**
     * The normalized value of a whole phone field ({@code from_number}, {@code caller_number}),
     * or null when the value is not written like a phone number (an id, "anonymous", a SIP user
     * name): such a value is redacted as free text instead. Written like a phone number: digits
     * (at least three) with only {@code + - . / ( )}, the other hyphens and the en dash, and spaces,
     * after an optional {@code tel:} or {@code sip:} and before an optional {@code @host}. The
     * normalized value is the digits, without a {@code 00} international prefix or a {@code (0)}
     * after the country code, so that the field gets the token the same number gets in free text.
     * Digits and separators of other glyphs are read as {@link Glyphs#fold} folds them.
     */
    static String phoneValue(String value) {
        String v = Glyphs.fold(value).strip();
        int at = v.indexOf('@');
        String user = at > 0 ? v.substring(0, at) : v;
        if (user.regionMatches(true, 0, "tel:", 0, 4) || user.regionMatches(true, 0, "sip:", 0, 4)) {
            user = user.substring(4);
        }
        int count = 0;
        for (int k = 0; k < user.length(); k++) {
            char c = user.charAt(k);
            if (c >= '0' && c <= '9') {
                count++;
            } else if ("+-./() \u00A0\u2007\u2009\u202F\u2010\u2011\u2012\u2013".indexOf(c) < 0) {
                return null;
            }
        }
        if (count < 3) {
            return null;
        }
        boolean plus = user.stripLeading().startsWith("+");
        boolean international = plus || digits(user).startsWith("00");
        String d = digits(international ? user.replace("(0)", "") : user);
        return !plus && d.startsWith("00") ? d.substring(2) : d;
    }

    private static String digits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
