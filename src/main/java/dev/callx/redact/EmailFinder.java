package dev.callx.redact;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses: a local part of letters, digits and {@code _ + -} (dots and apostrophes
 * inside it), {@code @} or its URL encoding {@code %40}, and a domain of at least two labels ending
 * in a letter-only top-level domain. Angle brackets, {@code mailto:} and a full stop after the
 * address are left outside it. The token is computed from the address in lower case, the
 * {@code %40} read as {@code @}.
 */
final class EmailFinder {

    private static final String ATOM = "[\\p{L}\\p{N}_+\\-]{1,64}";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]{0,61}[\\p{L}\\p{N}])?";
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+\\-.'])" + ATOM + "(?:[.']" + ATOM + ")*"
                    + "(@|%40)"
                    + "(?:" + LABEL + "\\.)+\\p{L}{2,24}(?![\\p{L}\\p{N}_\\-])");

    private EmailFinder() {
    }

    static void find(String text, List<Finding> out) {
        if (text.indexOf('@') < 0 && text.indexOf("%40") < 0) {
            return;
        }
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String address = m.group().replace("%40", "@").toLowerCase(Locale.ROOT);
            out.add(new Finding(m.start(), m.end(), Kind.EMAIL, address));
        }
    }
}
