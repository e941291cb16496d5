package dev.callx.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers found in one text, by where they start, apart: those of the chain of candidates, and
 * merged with them, those of a second reading of each stretch a candidate was cut in (see
 * {@link NumberScanner#find}). A second reading never unmasks a digit the first masked; where the two
 * overlap in part, both are masked. Merging takes log time in the number found.
 */
final class Readings {
    private final TreeMap<Integer, Finding> found = new TreeMap<>();
    private final String text;

    Readings(String text) {
        this.text = text;
    }

    /** A finding of the chain: apart from those before it. */
    void add(Finding f) {
        found.put(f.start(), f);
    }

    Collection<Finding> all() {
        return found.values();
    }

    /**
     * Merges a second reading of a stretch: in place of what the first found there when it masks every
     * digit of that too ("415 555 0100 212 555 0199", where the first reading, cut, found "0100 212
     * 555"); else finding by finding ({@link #merge(Finding)}).
     */
    void merge(List<Finding> reading) {
        List<Finding> first = new ArrayList<>();
        for (Finding f : reading) {
            Map.Entry<Integer, Finding> before = found.lowerEntry(f.start());
            if (before != null && before.getValue().end() > f.start() && !first.contains(before.getValue())) {
                first.add(before.getValue());
            }
            for (Finding o : found.subMap(f.start(), true, f.end(), false).values()) {
                if (!first.contains(o)) {
                    first.add(o);
                }
            }
        }
        if (!first.isEmpty() && masksEveryDigit(reading, first)) {
            first.forEach(o -> found.remove(o.start()));
            reading.forEach(f -> found.put(f.start(), f));
            return;
        }
        reading.forEach(this::merge);
    }

    private boolean masksEveryDigit(List<Finding> reading, List<Finding> first) {
        for (Finding o : first) {
            for (int k = o.start(); k < o.end(); k++) {
                if (NumberScanner.isDigit(text.charAt(k)) && !within(reading, k)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean within(List<Finding> findings, int k) {
        for (Finding f : findings) {
            if (f.start() <= k && k < f.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a finding of a candidate read again after a cut. It replaces what was found before where it
     * covers it all (the number the cut went through, seen whole now); what the first reading found
     * stays where the second finds less (its own end, further on, may make it no number at all:
     * "2nd", "50%", a date; or it begins in a number); where the two overlap in part, both are masked.
     */
    private void merge(Finding f) {
        List<Finding> over = new ArrayList<>();
        Map.Entry<Integer, Finding> before = found.lowerEntry(f.start());
        if (before != null && before.getValue().end() > f.start()) {
            over.add(before.getValue());
        }
        over.addAll(found.subMap(f.start(), true, f.end(), false).values());
        boolean covers = !over.isEmpty();
        for (Finding o : over) {
            covers &= o.start() >= f.start() && o.end() <= f.end() && (o.start() != f.start() || o.end() != f.end());
        }
        if (covers || over.isEmpty()) {
            over.forEach(o -> found.remove(o.start()));
            found.put(f.start(), f);
            return;
        }
        // they overlap in part: what of it lies outside them is masked too, so that no digit either
        // reading found stays ("7 7 7 7 4111 1111" taken for a +7 phone, "4111 1111 1111 1111" a card)
        int from = f.start();
        for (Finding o : over) {
            piece(f, from, o.start());
            from = Math.max(from, o.end());
        }
        piece(f, from, f.end());
    }

    /** The part of {@code f} from {@code from} to {@code to}, its ends trimmed to digits, if it has any. */
    private void piece(Finding f, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && !NumberScanner.isDigit(text.charAt(start))) {
            start++;
        }
        while (end > start && !NumberScanner.isDigit(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            found.put(start, new Finding(start, end, f.kind(), f.normalized()));
        }
    }
}
