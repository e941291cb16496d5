package dev.callx.redact;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the caller names known for a record in its other text. A full name matches in any case
 * and with any spacing between its words; each capitalized word of three letters or more also
 * matches on its own, as written or in capitals ("Priya", "PRIYA", not "priya": first names that
 * are also words stay words when lower case). Placeholders such as "Unknown" or "Customer" are not
 * names, nor is anything with a digit.
 */
final class NameFinder {

    private static final Set<String> NOT_NAMES = Set.of("unknown", "anonymous", "customer", "caller", "user",
            "guest", "n/a", "na", "none", "null", "private", "restricted", "unavailable", "wireless caller",
            "unknown caller", "no name", "mr", "mrs", "ms", "dr", "miss", "sir", "madam");

    /** A pattern and the normalized value its token is made from; full names first, longest first. */
    record NamePattern(Pattern pattern, String normalized) {
    }

    private NameFinder() {
    }

    /** The normalized form of a name: NFC, trimmed, single spaces, lower case. */
    static String normalize(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static List<NamePattern> compile(Collection<String> names) {
        Map<String, String> full = new LinkedHashMap<>();
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (String raw : names) {
            if (raw == null) {
                continue;
            }
            String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
            String norm = name.toLowerCase(Locale.ROOT);
            if (letters(name) < 2 || name.chars().anyMatch(Character::isDigit) || NOT_NAMES.contains(norm)) {
                continue;
            }
            full.putIfAbsent(norm, name);
            for (String part : name.split(" ")) {
                String p = part.toLowerCase(Locale.ROOT);
                if (letters(part) >= 3 && Character.isUpperCase(part.codePointAt(0)) && !part.endsWith(".")
                        && !NOT_NAMES.contains(p) && !full.containsKey(p)) {
                    List<String> forms = parts.computeIfAbsent(p, k -> new ArrayList<>());
                    for (String form : List.of(part, part.toUpperCase(Locale.ROOT))) {
                        if (!forms.contains(form)) {
                            forms.add(form);
                        }
                    }
                }
            }
        }
        List<NamePattern> out = new ArrayList<>();
        full.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()))
                .forEach(e -> out.add(new NamePattern(Pattern.compile(bounded(words(e.getValue())),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), e.getKey())));
        parts.entrySet().stream().filter(e -> !full.containsKey(e.getKey()))
                .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> -e.getKey().length()))
                .forEach(e -> {
                    List<String> alternatives = new ArrayList<>();
                    e.getValue().forEach(f -> alternatives.add(Pattern.quote(f)));
                    out.add(new NamePattern(Pattern.compile(bounded(String.join("|", alternatives))), e.getKey()));
                });
        return out;
    }

    private static String words(String name) {
        List<String> quoted = new ArrayList<>();
        for (String w : name.split(" ")) {
            quoted.add(Pattern.quote(w));
        }
        return String.join("\\s+", quoted);
    }

    private static String bounded(String body) {
        return "(?<![\\p{L}\\p{N}_])(?:" + body + ")(?![\\p{L}\\p{N}_])";
    }

    private static int letters(String s) {
        return (int) s.codePoints().filter(Character::isLetter).count();
    }

    static void find(String text, List<NamePattern> names, boolean[] taken, List<Finding> out) {
        for (NamePattern n : names) {
            Matcher m = n.pattern().matcher(text);
            while (m.find()) {
                if (free(taken, m.start(), m.end())) {
                    out.add(new Finding(m.start(), m.end(), Kind.NAME, n.normalized()));
                    for (int k = m.start(); k < m.end(); k++) {
                        taken[k] = true;
                    }
                }
            }
        }
    }

    private static boolean free(boolean[] taken, int start, int end) {
        for (int k = start; k < end; k++) {
            if (taken[k]) {
                return false;
            }
        }
        return true;
    }
}
