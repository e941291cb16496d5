package dev.callx.error;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" for a word a person mistyped: a command, an option, a field name, an option's
 * value. The closest candidate by edit distance (a swap of two neighbouring letters counts one),
 * when it is close enough to be a slip of the fingers; or the one candidate the word begins.
 */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * {@code "; did you mean 'x'?"} for the closest candidate, or an empty string when none is close.
     */
    public static String hint(String given, Collection<String> candidates) {
        String best = closest(given, candidates);
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** The candidate closest to {@code given}, or null when none is close enough (or {@code given} is one). */
    public static String closest(String given, Collection<String> candidates) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String g = given.strip().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String prefixed = null;
        int prefixes = 0;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (c.equals(g)) {
                return null;
            }
            if (c.startsWith(g) && core(g).length() >= 2) {
                prefixed = candidate;
                prefixes++;
            }
            int d = distance(core(g), core(c));
            // a tie goes to the word with the same first letter: slips are rarely there
            if (d < bestDistance || (d == bestDistance && best != null && sameStart(g, c)
                    && !sameStart(g, best.toLowerCase(Locale.ROOT)))) {
                best = candidate;
                bestDistance = d;
            }
        }
        int length = core(g).length();
        if (best != null && bestDistance <= allowed(length)
                && (length > 2 || sameStart(g, best.toLowerCase(Locale.ROOT)))) {
            return best;
        }
        return prefixes == 1 ? prefixed : null;
    }

    private static boolean sameStart(String a, String b) {
        String x = core(a);
        String y = core(b);
        return !x.isEmpty() && !y.isEmpty() && x.charAt(0) == y.charAt(0);
    }

    /** Edits a word of this length may be off by and still be a likely slip. */
    private static int allowed(int length) {
        if (length <= 1) {
            return 0;
        }
        if (length <= 4) {
            return 1;
        }
        return length <= 8 ? 2 : 3;
    }

    /** The word without an option's leading dashes, which every candidate shares. */
    private static String core(String word) {
        int i = 0;
        while (i < word.length() - 1 && word.charAt(i) == '-') {
            i++;
        }
        return word.substring(i);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
