package dev.callx.redact;

import dev.callx.DoNotMutate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds phone and card numbers in free text. A candidate is a run of digit groups joined by short
 * separator runs (spaces, one of {@code - . / –}, parentheses), optionally opened by {@code +},
 * {@code %2B} or {@code (}. Its neighbours decide whether it is a number at all (a letter, an
 * underscore or {@code -x} next to it makes it part of an identifier; {@code :} and a digit after
 * it make its last group an hour), then {@link NumberRules} decides what it is. A run that is not
 * a number as a whole is tried again in parts: split where a date, a decimal or an address sits
 * in it, then chunk by chunk.
 */
final class NumberScanner {

    /** Longest candidate looked at, in characters; bounds the work per position (linear time). */
    private static final int MAX_SPAN = 64;
    /**
     * Longer than any phone or card number as written (19 digits in groups of four with separator
     * runs of three, "4 1 5 5 5 5 0 1 0 0" read out digit by digit): a candidate cut at
     * {@link #MAX_SPAN} is read again from this far before its end, so that a number it cut through is
     * seen whole.
     */
    static final int LONGEST_WRITTEN = 40;

    private NumberScanner() {
    }

    /**
     * One digit group of a candidate.
     *
     * @param sepBefore the separator run before it ("" for the first group)
     * @param paren     whether it stands in parentheses of its own, like {@code (415)} or {@code (0)}
     */
    record Group(String digits, int start, int end, String sepBefore, boolean paren) {
    }

    /**
     * Adds the phone and card findings of {@code written} to {@code out} (its digits and separators
     * read through {@link Glyphs#fold}); positions where {@code taken[i]} is true (already found as
     * something else) are left alone.
     */
    static void find(String written, boolean[] taken, List<Finding> out) {
        String text = Glyphs.fold(written); // the same positions: findings apply to what was written
        int len = text.length();
        Readings found = new Readings(text);
        List<Integer> again = new ArrayList<>();
        int i = 0;
        while (i < len) {
            if (taken[i] || !canStart(text, i)) {
                i++;
                continue;
            }
            Candidate c = read(text, i, MAX_SPAN);
            if (c == null) {
                i++;
                continue;
            }
            int from = c.cut ? readAgainFrom(c) : -1;
            for (Finding f : evaluate(text, c)) {
                if (!overlaps(taken, f)) {
                    found.add(f);
                }
                if (f.start() < from && from < f.end()) {
                    from = f.start(); // not from the middle of a number found: from its start
                }
            }
            if (from > c.spanStart) {
                again.add(from);
            }
            i = Math.max(i + 1, c.fullEnd);
        }
        // where a candidate was cut, once more from before the cut: a number it went through, whole
        for (int from : again) {
            // read further than a candidate of the chain: past the number the cut went through, and the
            // one after it, which the chain began to read in the middle of that number
            Candidate c = taken[from] || !canStart(text, from) ? null : read(text, from, MAX_SPAN + LONGEST_WRITTEN);
            if (c != null) {
                List<Finding> reading = new ArrayList<>();
                for (Finding f : evaluate(text, c)) {
                    if (!overlaps(taken, f)) {
                        reading.add(f);
                    }
                }
                found.merge(reading);
            }
        }
        out.addAll(found.all());
    }

    /**
     * Where to read again after a candidate cut at {@link #MAX_SPAN}: the start of its last group that
     * begins {@link #LONGEST_WRITTEN} or more before the cut, after spaces only (so a number may
     * begin there); a number the cut went through begins after it. -1 when no group but the first is
     * such.
     */
    private static int readAgainFrom(Candidate c) {
        int zone = c.fullEnd - LONGEST_WRITTEN;
        for (int k = c.groups.size() - 1; k >= 1; k--) {
            Group g = c.groups.get(k);
            if (g.start() <= zone && !g.paren() && isSpaces(g.sepBefore())) {
                return g.start();
            }
        }
        return -1;
    }

    private static boolean overlaps(boolean[] taken, Finding f) {
        for (int k = f.start(); k < f.end(); k++) {
            if (taken[k]) {
                return true;
            }
        }
        return false;
    }

    /** A run of groups; {@code spanStart} is where its text begins ('+', '%', '(' or a digit). */
    static final class Candidate {
        int spanStart;
        boolean plus;
        final List<Group> groups = new ArrayList<>();
        /** Just after the last digit read, before any trimming. */
        int fullEnd;
        /** Whether more groups followed that {@link #MAX_SPAN} left unread. */
        boolean cut;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A character of a word or an identifier, which a number next to it belongs to: a letter, a digit
     * or '_', except a letter of a script whose words are not set apart by spaces (Chinese, Japanese,
     * Thai, Lao, Khmer, Myanmar) or whose particles are written onto a number (Korean's
     * {@code 010-1234-5678로}): there a number next to a letter is a number in a sentence.
     */
    static boolean isWordChar(char c) {
        if (c < 0x80) {
            return Character.isLetterOrDigit(c) || c == '_';
        }
        return Character.isLetterOrDigit(c) && !unspaced(c);
    }

    /** Labels of a phone number that are written onto it: "TEL03-1234-5678", "Tel.03-1234-5678". */
    private static final Set<String> PHONE_LABELS = Set.of(
            "tel", "ph", "phone", "fax", "mob", "mobile", "cell");

    /**
     * Whether the first group, {@code gs} to {@code j}, is an area code (0 and one or two more digits)
     * closed alone, as Korea writes it, "02)123-4567": then the ')' joins the groups like a dash (the
     * group is in no parentheses of its own).
     */
    private static boolean areaCodeClosedAlone(String text, int gs, int j) {
        return j - gs >= 2 && j - gs <= 3 && text.charAt(gs) == '0' && text.charAt(gs + 1) != '0'
                && text.charAt(j) == ')';
    }

    /** Whether the letters just before {@code end}, a word of their own, are a phone's label. */
    static boolean phoneLabelBefore(String text, int end) {
        int k = end;
        while (k > 0 && end - k <= 6 && text.charAt(k - 1) < 0x80 && Character.isLetter(text.charAt(k - 1))) {
            k--;
        }
        if (k == end || k > 0 && isWordChar(text.charAt(k - 1))) {
            return false;
        }
        return PHONE_LABELS.contains(text.substring(k, end).toLowerCase(Locale.ROOT));
    }

    private static boolean unspaced(char c) {
        switch (Character.UnicodeScript.of(c)) {
            case HAN: case HIRAGANA: case KATAKANA: case HANGUL: case THAI: case LAO: case KHMER: case MYANMAR:
                return true;
            default:
                return false;
        }
    }

    private static boolean isSep(char c) {
        switch (c) {
            case ' ': case '\u00A0': case '\u2007': case '\u2009': case '\u202F':
            case '-': case '\u2010': case '\u2011': case '\u2012': case '\u2013':
            case '.': case '/': case '(': case ')':
                return true;
            default:
                return false;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u2007' || c == '\u2009' || c == '\u202F';
    }

    /** Whether a number may begin at {@code i}, judging by the characters before it. */
    static boolean canStart(String text, int i) {
        char c = text.charAt(i);
        if (!isDigit(c) && c != '+' && c != '(' && !(c == '%' && isEncodedPlus(text, i))) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        // the character before, decoded when it is a URL escape ("tel%3A%2B1...", "to=%20415..."),
        // and where the one before it is
        int at = i - 1;
        char p = text.charAt(at);
        int decoded = escaped(text, i - 3);
        if (decoded >= 0) {
            at = i - 3;
            p = (char) decoded;
        }
        if (isWordChar(p)) {
            return phoneLabelBefore(text, at + 1); // "TEL03-1234-5678", "tel13812345678"
        }
        if (p == '+' || p == '%') {
            return false;
        }
        switch (p) {
            case '#':
                // "ph#4155550100" labels a phone; " #482913" is an order or ticket number
                return at >= 1 && Character.isLetter(text.charAt(at - 1));
            case '$': case '€': case '£': case '¥': case '₹': case '〒': case '№': case '@':
                return false; // an amount, a postcode, an address
            case '-': case '.': case '/': case ',': case ':': case '\\':
                // "v1.2", "id-123", "1,234", "12:30": a continuation. "tel:" and "Phone:" are labels.
                // "4155550100,4155550101": a list, where no grouping has as many digits after a comma
                if (at >= 1 && Character.isLetterOrDigit(text.charAt(at - 1))) {
                    // "/contacts/+14155550100": a '+' opens an international number, in a path too;
                    // "TEL.03-1234-5678", Thai's "โทร.081-234-5678": an abbreviated label
                    return p == ':' && Character.isLetter(text.charAt(at - 1))
                            || p == '.' && (phoneLabelBefore(text, at) || unspaced(text.charAt(at - 1)))
                            || p == '/' && (c == '+' || c == '%')
                            || p == ',' && listedAfterComma(text, i);
                }
                return true;
            default:
                return true;
        }
    }

    /**
     * Whether a comma before {@code i} separates two numbers of a list rather than groups of one:
     * both sides run to {@value #LISTED_DIGITS} digits or more without a break, which no thousands
     * grouping or decimal part does ("4155550100,4155550101", but not "1,234" or "1.234,56").
     */
    static boolean listedAfterComma(String text, int i) {
        int from = i < text.length() && text.charAt(i) == '+' ? i + 1 : i;
        return digitRun(text, from, 1) >= LISTED_DIGITS && digitRun(text, i - 2, -1) >= LISTED_DIGITS;
    }

    private static final int LISTED_DIGITS = 7;

    private static int digitRun(String text, int from, int step) {
        int n = 0;
        for (int k = from; k >= 0 && k < text.length() && isDigit(text.charAt(k)); k += step) {
            n++;
        }
        return n;
    }

    /** A URL-encoded plus ({@code %2B} or {@code %2b}) at {@code i}, a digit after it. */
    private static boolean isEncodedPlus(String text, int i) {
        return escaped(text, i) == '+' && i + 3 < text.length() && isDigit(text.charAt(i + 3));
    }

    /** The character a URL escape {@code %HH} at {@code i} stands for, or -1 when there is none. */
    private static int escaped(String text, int i) {
        if (i < 0 || i + 2 >= text.length() || text.charAt(i) != '%'
                || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
            return -1;
        }
        return Integer.parseInt(text, i + 1, i + 3, 16);
    }

    /** Reads the candidate starting at {@code i}, up to {@code span} characters, or null when no digit follows the opening. */
    static Candidate read(String text, int i, int span) {
        int len = text.length();
        Candidate c = new Candidate();
        c.spanStart = i;
        int j = i;
        int openGroup = -1;
        char first = text.charAt(i);
        if (first == '+') {
            c.plus = true;
            j++;
        } else if (first == '%') {
            c.plus = true;
            j += 3;
        } else if (first == '(') {
            openGroup = 0;
            j++;
            if (j < len && text.charAt(j) == '+') {
                c.plus = true;
                j++;
            }
        }
        if (j >= len || !isDigit(text.charAt(j))) {
            return null;
        }
        String sepBefore = "";
        boolean openedBefore = openGroup == 0;
        while (true) {
            int gs = j;
            while (j < len && isDigit(text.charAt(j))) {
                j++;
            }
            int groupIndex = c.groups.size();
            // the separator run after this group
            int k = j;
            int punct = 0;
            int spaces = 0;
            boolean opens = false;
            boolean closes = false;
            boolean valid = true;
            while (k < len && k - j < 3 && isSep(text.charAt(k))) {
                char s = text.charAt(k);
                if (s == '(') {
                    if (opens) {
                        valid = false;
                        break;
                    }
                    opens = true;
                } else if (s == ')') {
                    if (closes || opens) {
                        valid = false;
                        break;
                    }
                    closes = true;
                } else if (isSpace(s)) {
                    if (++spaces > 2) {
                        valid = false;
                        break;
                    }
                } else {
                    if (++punct > 1) {
                        valid = false;
                        break;
                    }
                    if (s == '.' && k + 1 < len && isSpace(text.charAt(k + 1))) {
                        valid = false; // ". " ends a sentence
                        break;
                    }
                }
                k++;
            }
            boolean paren = false;
            if (closes) {
                if (openGroup == groupIndex && openedBefore) {
                    paren = true;
                } else if (groupIndex > 0 || openGroup >= 0 || c.plus || !areaCodeClosedAlone(text, gs, j)) {
                    valid = false; // "(617-555-0134)" wraps the whole number; or a ')' of the text
                }
            }
            c.groups.add(new Group(text.substring(gs, j), gs, j, sepBefore, paren));
            boolean more = valid && k < len && isDigit(text.charAt(k));
            if (more && k - c.spanStart >= span) {
                c.cut = true;
                more = false;
            }
            if (!more) {
                break;
            }
            sepBefore = text.substring(j, k);
            openedBefore = opens;
            if (opens) {
                openGroup = groupIndex + 1;
            }
            j = k;
        }
        c.fullEnd = j;
        Group g0 = c.groups.get(0);
        if (first == '(' && !(g0.paren() && c.groups.size() > 1)) {
            // a parenthesis left open, or around the whole number: not part of it
            if (g0.paren()) {
                c.groups.set(0, new Group(g0.digits(), g0.start(), g0.end(), "", false));
            }
            c.spanStart = c.plus ? g0.start() - 1 : g0.start();
        }
        return c;
    }

    /** The findings of one candidate: the whole, or else its parts. */
    static List<Finding> evaluate(String text, Candidate c) {
        List<Group> groups = new ArrayList<>(c.groups);
        if (NumberRules.isIp(groups)) {
            return List.of(); // also with a port after it
        }
        int end = groups.get(groups.size() - 1).end();
        int len = text.length();
        // what follows a candidate cut at MAX_SPAN is more of it (read again), not its neighbour
        if (end < len && !c.cut) {
            char next = text.charAt(end);
            char after = end + 1 < len ? text.charAt(end + 1) : ' ';
            boolean extension = (next == 'x' || next == 'X') && isDigit(after); // "415-555-0100x204"
            boolean glued = isWordChar(next) && !extension || next == '@' // an identifier, a word, an address
                    // "1776774443-863aa698", "4155550100.example"
                    || (next == '-' || next == '/' || next == '.' || next == '\\') && Character.isLetterOrDigit(after)
                    || next == '%' && escaped(text, end) < 0 // a percentage
                    || next == ',' && isDigit(after) && !listedAfterComma(text, end + 1); // "1.234.567,89"
            if (glued) {
                // only the number it is glued to, back to the spaces (or a space and a '(') before it: "415
                // 555 0100 5pm", "... 2nd", "... 50%", "... 9-5pm", "... (2nd line)"; all of it when no
                // space comes before: "1776774443-863aa698", "4155550100.example"
                int k = groups.size() - 1;
                while (k > 0 && !afterSpaces(groups.get(k))) {
                    k--;
                }
                if (k == 0) {
                    return List.of();
                }
                groups.subList(k, groups.size()).clear();
            }
            if (next == ':' && isDigit(after)) {
                groups.remove(groups.size() - 1); // the hour of a time
                if (groups.isEmpty()) {
                    return List.of();
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        if (!c.plus && groups.size() == 1 && IdLabels.before(text, c.spanStart)) {
            return out; // "Order 4155550199", "customer number 2000234567": an id, not a phone
        }
        Finding whole = NumberRules.classify(c.plus, c.spanStart, groups);
        if (whole != null) {
            out.add(whole);
            return out;
        }
        if (c.plus) {
            withOthersAfter(c, groups, out);
            return out;
        }
        // Split into chunks at space-only separators and slashes; dates, decimals, addresses and lone years
        // break the run; each run, then each chunk, is tried on its own.
        List<List<Group>> chunks = chunks(groups);
        if (chunks.size() < 2) {
            return out;
        }
        List<List<Group>> run = new ArrayList<>();
        List<List<List<Group>>> runs = new ArrayList<>();
        for (int k = 0; k < chunks.size(); k++) {
            List<Group> chunk = chunks.get(k);
            if (NumberRules.breaksRun(chunk) || inShortSlashPair(chunks, k)) {
                if (!run.isEmpty()) {
                    runs.add(run);
                }
                run = new ArrayList<>();
            } else {
                run.add(chunk);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        for (List<List<Group>> r : runs) {
            Finding f = r.size() == chunks.size() ? null : NumberRules.classify(false, spanStartOf(r.get(0)), flatten(r));
            if (f != null) {
                out.add(f);
            } else if (r.size() >= 2) {
                inParts(r, out);
            }
        }
        return out;
    }

    /**
     * The numbers of a run that is none as a whole: "415 555 0100 2 times", "(415) 555 0100 12", "2
     * 415 555 0100" (a count, a quantity, an item's number written next to a phone), "28 29 415 555
     * 0100 31 32", "415 555 0100 212 555 0199" (a list, another number). Leaving the whole run as one
     * longer number that is no phone would leave the phones in it as written: of a miss and a number
     * masked with one, the mask is the lesser harm. Only a run with a group of four digits or more (as
     * the line number of most phones: "0100", "0958") is cut, and never a number in thousands ("91 987
     * 654 321"): first at its end, then at its start, short numbers of one to three digits; then read
     * as numbers among short ones ({@link #numbersAmongShortOnes}). A run without such a group is a
     * list of short numbers ("20 21 22 23 24 25 26 27", "600 700 800 900"), no phone at any length,
     * in which a lenient rule would find one once cut; except a count of one or two digits after or
     * before one of the two common phones without a group of four ({@link #isThreeByThree}: "612 345
     * 678 2 times"). Otherwise each chunk on its own.
     */
    private static void inParts(List<List<Group>> run, List<Finding> out) {
        List<Group> all = flatten(run);
        int n = run.size();
        int[] digitsBefore = new int[n + 1];
        for (int k = 0; k < n; k++) {
            digitsBefore[k + 1] = digitsBefore[k] + NumberRules.digitCount(run.get(k));
        }
        if (!NumberRules.isThousands(all)) {
            if (NumberRules.longestGroup(all) >= 4) {
                Finding f = withoutShortEnds(run, digitsBefore);
                if (f != null) {
                    out.add(f);
                    return;
                }
                List<Finding> found = numbersAmongShortOnes(run, digitsBefore);
                if (found != null) {
                    out.addAll(found);
                    return;
                }
            } else {
                Finding f = isShort(run.get(n - 1), 2) && isThreeByThree(run.subList(0, n - 1))
                        ? window(run, digitsBefore, 0, n - 1) : null;
                if (f == null && isShort(run.get(0), 2) && isThreeByThree(run.subList(1, n))) {
                    f = window(run, digitsBefore, 1, n);
                }
                if (f != null) {
                    out.add(f);
                    return;
                }
            }
        }
        for (List<Group> chunk : run) {
            Finding one = single(chunk);
            if (one != null) {
                out.add(one);
            }
        }
    }

    /** Three chunks of three digits ("612 345 678"), or five of two from a trunk 0 ("06 12 34 56 78"). */
    private static boolean isThreeByThree(List<List<Group>> chunks) {
        int size = chunks.size() == 3 ? 3 : chunks.size() == 5 ? 2 : 0;
        for (List<Group> chunk : chunks) {
            if (!isShort(chunk, size) || chunk.get(0).digits().length() != size) {
                return false;
            }
        }
        return size == 3 || chunks.get(0).get(0).digits().charAt(0) == '0';
    }

    /**
     * The run without the short numbers (one to three digits) at its end, else at its start, the
     * fewest first, when that is one number.
     */
    private static Finding withoutShortEnds(List<List<Group>> run, int[] digitsBefore) {
        int n = run.size();
        for (int to = n - 1; to >= 2 && isShort(run.get(to), 3); to--) {
            Finding f = window(run, digitsBefore, 0, to);
            if (f != null) {
                return f;
            }
        }
        for (int from = 1; n - from >= 2 && isShort(run.get(from - 1), 3); from++) {
            Finding f = window(run, digitsBefore, from, n);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /**
     * The run read as numbers among short ones (one to three digits, which stay), or null when it
     * cannot be: each number a stretch of chunks that ends in a group of four digits or more ("415
     * 555 0100", and never a stretch of a list of short numbers, no phone at any length), or a chunk
     * that is one on its own. Of the ways to read it, from the start, the longest stretch first, then
     * the chunk passed over.
     */
    private static List<Finding> numbersAmongShortOnes(List<List<Group>> run, int[] digitsBefore) {
        int n = run.size();
        // next[i]: where the reading of chunks i.. goes on after chunk i (0 for none); found[i]: the number
        // that begins at chunk i in it, or null when chunk i is a short one passed over
        int[] next = new int[n + 1];
        Finding[] found = new Finding[n];
        next[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            for (int end = n; end > i && next[i] == 0; end--) {
                if (next[end] != 0) {
                    Finding f = end - i == 1 ? single(run.get(i)) : endsLong(run.get(end - 1))
                            ? window(run, digitsBefore, i, end) : null;
                    if (f != null) {
                        found[i] = f;
                        next[i] = end;
                    }
                }
            }
            if (next[i] == 0 && isShort(run.get(i), 3) && next[i + 1] != 0) {
                next[i] = i + 1;
            }
        }
        if (next[0] == 0) {
            return null;
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < n; i = next[i]) {
            if (found[i] != null) {
                out.add(found[i]);
            }
        }
        return out;
    }

    private static boolean endsLong(List<Group> chunk) {
        return chunk.get(chunk.size() - 1).digits().length() >= 4;
    }

    private static Finding single(List<Group> chunk) {
        return NumberRules.classify(false, spanStartOf(chunk), rebase(chunk));
    }

    /**
     * The phone or card of chunks {@code from} to {@code to} of the run: two chunks at least (a single
     * one is tried on its own after this), and as many digits as a phone or a card can have (the
     * others are no number at all, and not worth a look).
     */
    private static Finding window(List<List<Group>> run, int[] digitsBefore, int from, int to) {
        if (to - from < 2 || !hasDigitsOfANumber(digitsBefore, from, to)) {
            return null;
        }
        return NumberRules.classify(false, spanStartOf(run.get(from)), flatten(run.subList(from, to)));
    }

    @DoNotMutate("speed only: NumberRules.classify refuses a stretch of fewer or more digits itself (NumberRulesTest)")
    private static boolean hasDigitsOfANumber(int[] digitsBefore, int from, int to) {
        int count = digitsBefore[to] - digitsBefore[from];
        return count >= NumberRules.FEWEST_DIGITS && count <= NumberRules.MOST_DIGITS;
    }

    /** A chunk of one group of one to {@code digits} digits, not in parentheses: "2", "12", "300". */
    private static boolean isShort(List<Group> chunk, int digits) {
        return chunk.size() == 1 && !chunk.get(0).paren() && chunk.get(0).digits().length() <= digits;
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int spanStartOf(List<Group> chunk) {
        Group g = chunk.get(0);
        return g.paren() ? g.start() - 1 : g.start();
    }

    /** Groups of a chunk or run as a candidate of its own: the first separator dropped. */
    private static List<Group> rebase(List<Group> groups) {
        List<Group> out = new ArrayList<>(groups);
        Group g = out.get(0);
        out.set(0, new Group(g.digits(), g.start(), g.end(), "", g.paren()));
        return out;
    }

    private static List<Group> flatten(List<List<Group>> run) {
        List<Group> out = new ArrayList<>();
        run.forEach(out::addAll);
        return rebase(out);
    }

    /**
     * Chunks: groups joined by separators other than plain spaces or a slash ("0156/0157"); but a date
     * written with slashes ("12/31/2026") stays one chunk, which breaks a run like any other date.
     */
    static List<List<Group>> chunks(List<Group> groups) {
        boolean[] inSlashDate = new boolean[groups.size()];
        for (int i = 0; i + 2 < groups.size(); i++) {
            if (groups.get(i + 1).sepBefore().equals("/") && NumberRules.isDate(groups.subList(i, i + 3))) {
                inSlashDate[i + 1] = true;
                inSlashDate[i + 2] = true;
            }
        }
        List<List<Group>> chunks = new ArrayList<>();
        List<Group> chunk = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            boolean slash = g.sepBefore().equals("/") && !inSlashDate[i];
            if (!chunk.isEmpty() && (isSpaces(g.sepBefore()) || slash || opensAfterSpaces(g))) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
            chunk.add(g);
        }
        chunks.add(chunk);
        return chunks;
    }

    /**
     * Whether chunk {@code k} is one side of two short numbers joined by a slash ("24/7", "9/5",
     * "50/50"): hours or a ratio, which ends a run as a date does, so "415 555 0100 24/7" is the phone
     * before it.
     */
    private static boolean inShortSlashPair(List<List<Group>> chunks, int k) {
        return shortSlash(chunks, k) || k + 1 < chunks.size() && shortSlash(chunks, k + 1);
    }

    /** Chunk {@code k} and the one before it: one group each of at most two digits, a slash between. */
    private static boolean shortSlash(List<List<Group>> chunks, int k) {
        if (k == 0) {
            return false;
        }
        List<Group> before = chunks.get(k - 1);
        List<Group> after = chunks.get(k);
        return before.size() == 1 && after.size() == 1 && after.get(0).sepBefore().equals("/")
                && before.get(0).digits().length() <= 2 && after.get(0).digits().length() <= 2;
    }

    /** A group in parentheses after a space, like the area code of "12/11 (415) 555-0100": a chunk starts there. */
    private static boolean opensAfterSpaces(Group g) {
        return g.paren() && spacesThenParenthesis(g.sepBefore());
    }

    /** A separator of spaces and then a '(': " (". */
    private static boolean spacesThenParenthesis(String sep) {
        return sep.length() > 1 && sep.charAt(sep.length() - 1) == '(' && isSpaces(sep.substring(0, sep.length() - 1));
    }

    /**
     * A '+' number followed by other numbers, "+1 415 555 0100 212 555 0199", "+44 20 7946 0958 12
     * 34", "+1 415 555 0100 2026-11-01" (no '+' number has as many digits): its longest start, cut at
     * a space, that is a number while what follows is short numbers (of up to three digits, "12-34"
     * too) or a date (which stay) or a number too.
     */
    private static void withOthersAfter(Candidate c, List<Group> groups, List<Finding> out) {
        for (int k = groups.size() - 1; k >= 2; k--) {
            if (!isSpaces(groups.get(k).sepBefore())) {
                continue;
            }
            Finding plus = NumberRules.classify(true, c.spanStart, groups.subList(0, k));
            if (plus == null) {
                continue;
            }
            List<Group> rest = rebase(groups.subList(k, groups.size()));
            Finding after = NumberRules.classify(false, spanStartOf(rest), rest);
            // what follows: a number, short numbers, or a date, a year, a decimal, an address (no number)
            if (after != null || NumberRules.longestGroup(rest) <= 3 || NumberRules.breaksRun(rest)) {
                out.add(plus);
                if (after != null) {
                    out.add(after);
                }
                return;
            }
        }
    }

    /** Whether the group begins after spaces, or after spaces and a '(' it is not closed after. */
    private static boolean afterSpaces(Group g) {
        return isSpaces(g.sepBefore()) || !g.paren() && spacesThenParenthesis(g.sepBefore());
    }

    static boolean isSpaces(String sep) {
        if (sep.isEmpty()) {
            return false;
        }
        for (int k = 0; k < sep.length(); k++) {
            if (!isSpace(sep.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
