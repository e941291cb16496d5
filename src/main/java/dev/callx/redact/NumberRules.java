package dev.callx.redact;

import dev.callx.redact.NumberScanner.Group;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a run of digit groups is a phone number, a card number or neither.
 *
 * <ul>
 *   <li>Card: 13 to 19 digits passing the Luhn check, written in groups of four (Amex 4-6-5,
 *       Diners 4-6-4) with one kind of separator, or unseparated and starting with 2 to 6 (the
 *       card networks' first digits: an epoch-millisecond time starting with 1 is not a card).</li>
 *   <li>Phone, international: {@code +} (or {@code 00}) and 8 to 15 digits, any grouping;
 *       {@code (0)} after the country code is dropped from the digits.</li>
 *   <li>Phone, national, by shape: a trunk {@code 0} and 9 to 12 digits (UK, Germany, France,
 *       India, Brazil, Japan, Australia, Italy...); an area code in parentheses and 9 to 12 digits;
 *       10 digits as 3-3-4, 5-5, 2-4-4, 3-3-2-2 or 4-3-3, or unseparated (US, Canada, India, Mexico);
 *       or 3-7, 1-3-3-4 (US with its 1); Brazil's 2-5-4, 5-4 and 4-4 (not a range like 2345-2350);
 *       China's mobile 3-4-4 (1, then 3 to 9, see {@link #chinaMobile});
 *       Spain's 3-3-3 (starting with 6 to 9);
 *       US local 3-4 with a dash; a known
 *       country code without {@code +} and 8 to 11 more digits; 10 to 12 unseparated digits with
 *       a trunk {@code 0}, a US {@code 1}, or India's 91, the UK's 44 or Brazil's 55, unless a label
 *       before them says they are an id ({@link IdLabels}).</li>
 *   <li>Never: dates (2026-11-01, 01.11.2026, 11/01/2026, 20261101, 2019-2026), addresses
 *       (192.168.1.1), decimals and versions (a dot with fewer than three groups or a one-digit
 *       group), thousands (1 234 567, 12.345.678), and anything else, such as 6-digit order numbers.</li>
 * </ul>
 */
final class NumberRules {

    /** Country codes recognised without a '+' when followed by a national number. */
    private static final Set<String> COUNTRY_CODES = Set.of(
            "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45",
            "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
            "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
            "212", "234", "254", "351", "352", "353", "358", "380", "852", "880", "886", "966", "971", "972");

    /** The fewest digits of a number without '+' that can be a phone (a US local 555-0100). */
    static final int FEWEST_DIGITS = 7;
    /** The most digits of a number without '+' that can be a phone or a card (a card's 19). */
    static final int MOST_DIGITS = 19;

    private NumberRules() {
    }

    static Finding classify(boolean plus, int spanStart, List<Group> groups) {
        String digits = digits(groups, false);
        int n = digits.length();
        int end = groups.get(groups.size() - 1).end();
        if (plus) {
            String e164 = digits(groups, true);
            return e164.length() >= 8 && e164.length() <= 15 && e164.charAt(0) != '0'
                    ? new Finding(spanStart, end, Kind.PHONE, e164) : null;
        }
        if (isCard(digits, groups)) {
            return new Finding(spanStart, end, Kind.CARD, digits);
        }
        if (isIp(groups) || isDate(groups)) {
            return null;
        }
        boolean dots = hasSep(groups, '.');
        boolean nanpOne = groups.get(0).digits().equals("1") && groups.size() == 4; // 1.800.555.0199
        if (dots && (groups.size() < 3 || !onlySep(groups, '.')
                || shortestGroup(nanpOne ? groups.subList(1, groups.size()) : groups) < 2)) {
            return null;
        }
        if (digits.startsWith("00") && n >= 10 && digits.charAt(2) != '0') {
            String international = digits(groups, true).substring(2);
            return international.length() >= 8 && international.length() <= 15
                    ? new Finding(spanStart, end, Kind.PHONE, international) : null;
        }
        if (n > 15 || n < FEWEST_DIGITS || isThousands(groups)) {
            return null;
        }
        boolean phone;
        if (groups.size() == 1) {
            phone = bare(digits);
        } else if (groups.size() >= 7 && shortestGroup(groups) == 1 && longestGroup(groups) == 1) {
            phone = bare(digits); // digits read out one by one: "4 1 5 5 5 5 0 1 0 0"
        } else if (groups.get(0).paren() && groups.get(0).digits().equals("0")) {
            phone = digits.charAt(1) != '0' && n >= 9 && n <= 12; // "(0)20 7946 0958": the trunk 0, as below
        } else if (groups.get(0).paren()) {
            int g0 = groups.get(0).digits().length();
            phone = g0 >= 2 && g0 <= 4 && n >= 9 && n <= (digits.charAt(0) == '0' ? 12 : 11);
        } else if (digits.charAt(0) == '0') {
            phone = digits.charAt(1) != '0' && n >= 9 && n <= 12 && groups.get(0).digits().length() <= 6;
        } else {
            phone = national(digits, groups) || withCountryCode(groups, n);
        }
        return phone ? new Finding(spanStart, end, Kind.PHONE, digits) : null;
    }

    /** Separated national numbers that do not start with a trunk 0. */
    private static boolean national(String digits, List<Group> groups) {
        String sizes = sizes(groups);
        char d0 = digits.charAt(0);
        switch (digits.length()) {
            case 7:
                return sizes.equals("3-4") && d0 >= '2' && onlySep(groups, '-');
            case 8:
                return sizes.equals("4-4") && d0 >= '2' && onlySep(groups, '-') && !isYear(groups.get(0).digits())
                        && !isRange(groups.get(0).digits(), groups.get(1).digits());
            case 9:
                return sizes.equals("5-4") && d0 == '9' // Brazil, mobile without area code
                        || sizes.equals("3-3-3") && d0 >= '6' && onlySpaces(groups); // Spain
            case 10:
                return d0 >= '2' && (sizes.equals("3-3-4") || sizes.equals("5-5") || sizes.equals("2-4-4")
                        || sizes.equals("3-7")
                        || sizes.equals("3-3-2-2") || sizes.equals("4-3-3") && !isYear(groups.get(0).digits()));
            case 11:
                return sizes.equals("1-3-3-4") && d0 == '1' || sizes.equals("2-5-4")
                        || chinaMobile(digits, groups);
            default:
                return false;
        }
    }

    /**
     * China's mobiles, 3-4-4: a 1, then 3 to 9, the groups joined by spaces alone or by dashes alone,
     * the last no year and not both of the last two round hundreds ("134 5678 2026", "150 1200 1800"
     * are lists).
     */
    private static boolean chinaMobile(String digits, List<Group> groups) {
        return sizes(groups).equals("3-4-4") && digits.charAt(0) == '1' && digits.charAt(1) >= '3'
                && (onlySpaces(groups) || onlySep(groups, '-')) && !isYear(groups.get(2).digits())
                && !(groups.get(1).digits().endsWith("00") && groups.get(2).digits().endsWith("00"));
    }

    /** "44 20 7946 0958", "91 98765 43210": a country code without its '+'. */
    private static boolean withCountryCode(List<Group> groups, int n) {
        String cc = groups.get(0).digits();
        int rest = n - cc.length();
        return n >= 11 && n <= 13 && groups.size() >= 3 && COUNTRY_CODES.contains(cc) && rest >= 8 && rest <= 11
                && (onlySpaces(groups) || onlySep(groups, '-'));
    }

    /** Unseparated digits. */
    private static boolean bare(String d) {
        int n = d.length();
        boolean trunk = d.charAt(0) == '0' && d.charAt(1) != '0';
        switch (n) {
            case 10:
                return trunk || d.charAt(0) >= '2' && !isCompactDate(d);
            case 11:
                return trunk || d.charAt(0) == '1' && d.charAt(1) >= '2' && d.charAt(4) >= '2';
            case 12:
                return trunk || d.startsWith("91") && d.charAt(2) >= '6'
                        || d.startsWith("44") && "1237".indexOf(d.charAt(2)) >= 0
                        || d.startsWith("55") && d.charAt(2) != '0';
            default:
                return false;
        }
    }

    private static boolean isCard(String digits, List<Group> groups) {
        int n = digits.length();
        if (n < 13 || n > MOST_DIGITS || !luhn(digits)) {
            return false;
        }
        if (groups.size() == 1) {
            return digits.charAt(0) >= '2' && digits.charAt(0) <= '6';
        }
        if (!(onlySpaces(groups) || onlySep(groups, '-'))) {
            return false;
        }
        String sizes = sizes(groups);
        if (sizes.equals("4-6-5") || sizes.equals("4-6-4")) {
            return true;
        }
        for (int k = 0; k < groups.size() - 1; k++) {
            if (groups.get(k).digits().length() != 4) {
                return false;
            }
        }
        return groups.get(groups.size() - 1).digits().length() <= 4;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int k = 0; k < digits.length(); k++) {
            int d = digits.charAt(digits.length() - 1 - k) - '0';
            if (k % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** A chunk that ends a run of space-separated groups: a date, an address, a decimal, a lone year. */
    static boolean breaksRun(List<Group> chunk) {
        if (isDate(chunk) || isIp(chunk)) {
            return true;
        }
        if (hasSep(chunk, '.') && (chunk.size() < 3 || shortestGroup(chunk) < 2)) {
            return true;
        }
        return chunk.size() == 1 && isYear(chunk.get(0).digits());
    }

    /** y-m-d, d-m-y and m-d-y with one separator among - / . and a four-digit year. */
    static boolean isDate(List<Group> groups) {
        if (groups.size() < 3) {
            return groups.size() == 2 && sizes(groups).equals("4-4") && isYear(groups.get(0).digits())
                    && isYear(groups.get(1).digits()); // 2019-2026
        }
        String s1 = groups.get(1).sepBefore();
        String s2 = groups.get(2).sepBefore();
        if (!s1.equals(s2) || s1.length() != 1 || "-/.\u2010\u2011\u2012\u2013".indexOf(s1.charAt(0)) < 0) {
            return false;
        }
        String a = groups.get(0).digits();
        String b = groups.get(1).digits();
        String c = groups.get(2).digits();
        if (a.length() == 4 && b.length() <= 2 && c.length() <= 2) {
            return isYear(a) && isMonth(b) && isDay(c);
        }
        if (a.length() <= 2 && b.length() <= 2 && c.length() == 4) {
            return isYear(c) && (isDay(a) && isMonth(b) || isMonth(a) && isDay(b));
        }
        return false;
    }

    /** "2345-2350": a second number a little above the first is a range (pages, rooms), not a phone. */
    private static boolean isRange(String a, String b) {
        int from = Integer.parseInt(a);
        int to = Integer.parseInt(b);
        return to > from && to - from < 1000;
    }

    private static boolean isCompactDate(String d) {
        return isYear(d.substring(0, 4)) && isMonth(d.substring(4, 6)) && isDay(d.substring(6, 8));
    }

    /** Four dot-separated groups of at most three digits, each at most 255. */
    static boolean isIp(List<Group> groups) {
        if (groups.size() != 4 || !onlySep(groups, '.')) {
            return false;
        }
        for (Group g : groups) {
            if (g.digits().length() > 3 || Integer.parseInt(g.digits()) > 255) {
                return false;
            }
        }
        return true;
    }

    /** "1 234 567", "12.345.678": a first group of one or two digits, then groups of exactly three. */
    static boolean isThousands(List<Group> groups) {
        if (groups.size() < 3 || groups.get(0).digits().length() > 2 || groups.get(0).digits().charAt(0) == '0') {
            return false;
        }
        for (int k = 1; k < groups.size(); k++) {
            if (groups.get(k).digits().length() != 3) {
                return false;
            }
        }
        return onlySpaces(groups) || onlySep(groups, '.');
    }

    private static boolean isYear(String s) {
        if (s.length() != 4) {
            return false;
        }
        int y = Integer.parseInt(s);
        return y >= 1900 && y <= 2099;
    }

    private static boolean isMonth(String s) {
        int m = Integer.parseInt(s);
        return m >= 1 && m <= 12;
    }

    private static boolean isDay(String s) {
        int d = Integer.parseInt(s);
        return d >= 1 && d <= 31;
    }

    /** All digits; with {@code dropTrunk}, a "(0)" group after the first is left out. */
    private static String digits(List<Group> groups, boolean dropTrunk) {
        StringBuilder sb = new StringBuilder(20);
        for (int k = 0; k < groups.size(); k++) {
            Group g = groups.get(k);
            if (dropTrunk && k > 0 && g.paren() && g.digits().equals("0")) {
                continue;
            }
            sb.append(g.digits());
        }
        return sb.toString();
    }

    private static String sizes(List<Group> groups) {
        StringBuilder sb = new StringBuilder();
        for (Group g : groups) {
            if (sb.length() > 0) {
                sb.append('-');
            }
            sb.append(g.digits().length());
        }
        return sb.toString();
    }

    private static int shortestGroup(List<Group> groups) {
        return groups.stream().mapToInt(g -> g.digits().length()).min().orElse(0);
    }

    static int digitCount(List<Group> groups) {
        int n = 0;
        for (Group g : groups) {
            n += g.digits().length();
        }
        return n;
    }

    static int longestGroup(List<Group> groups) {
        return groups.stream().mapToInt(g -> g.digits().length()).max().orElse(0);
    }

    /** The separator punctuation of a run, with dash variants read as '-' and spaces and parentheses ignored. */
    private static char punct(String sep) {
        for (int k = 0; k < sep.length(); k++) {
            char c = sep.charAt(k);
            if (c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013') {
                return '-';
            }
            if (c == '.' || c == '/') {
                return c;
            }
        }
        return ' ';
    }

    private static boolean hasSep(List<Group> groups, char kind) {
        for (int k = 1; k < groups.size(); k++) {
            if (punct(groups.get(k).sepBefore()) == kind) {
                return true;
            }
        }
        return false;
    }

    /** Every separator is exactly that one punctuation character. */
    private static boolean onlySep(List<Group> groups, char kind) {
        for (int k = 1; k < groups.size(); k++) {
            String sep = groups.get(k).sepBefore();
            if (sep.length() != 1 || punct(sep) != kind) {
                return false;
            }
        }
        return groups.size() > 1;
    }

    private static boolean onlySpaces(List<Group> groups) {
        for (int k = 1; k < groups.size(); k++) {
            if (!NumberScanner.isSpaces(groups.get(k).sepBefore())) {
                return false;
            }
        }
        return groups.size() > 1;
    }
}
