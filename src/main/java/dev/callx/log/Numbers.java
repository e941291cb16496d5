package dev.callx.log;

/**
 * Numbers as people read them in callx's messages, written without {@code java.util.Formatter}: its
 * first use costs a lookup the locale data of {@code DecimalFormatSymbols} and a regular expression's
 * compilation, for a summary line every run prints. The same text as
 * {@code String.format(Locale.ROOT, ...)}; NumbersTest compares the two.
 */
public final class Numbers {
    private Numbers() {
    }

    /** {@code n} with a comma between groups of three digits: {@code %,d} in {@code Locale.ROOT}. */
    public static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = digits.charAt(0) == '-' ? 1 : 0;
        int len = digits.length() - sign;
        StringBuilder b = new StringBuilder(32);
        b.append(digits, 0, sign);
        int first = len % 3 == 0 ? 3 : len % 3;
        b.append(digits, sign, sign + first);
        for (int i = sign + first; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    /**
     * Milliseconds as seconds with one decimal, half up: {@code %.1f} of {@code millis / 1000.0} in
     * {@code Locale.ROOT} (computed in integers: exact, where the double is not).
     *
     * @param millis at least 0 (an elapsed time)
     */
    public static String tenths(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a negative time: " + millis + " ms");
        }
        long tenths = millis / 100 + (millis % 100 >= 50 ? 1 : 0);
        return tenths / 10 + "." + tenths % 10;
    }
}
