package dev.callx.redact;

import java.util.Locale;
import java.util.Set;

/**
 * Whether the words just before an unformatted number say it is an id: "Order 4155550199",
 * "ref 9876543210", "customer number 2000234567", "Policy no. 6123456789", "member id 7123456789".
 * Only unformatted numbers are judged this way: a number written like a phone is a phone.
 */
final class IdLabels {

    /** Words that make the number after them an id. */
    private static final Set<String> ID_WORDS = Set.of("order", "invoice", "account", "acct", "ref", "reference",
            "ticket", "case", "tracking", "booking", "confirmation", "policy", "transaction", "txn", "serial", "sku",
            "pnr", "contract", "receipt", "shipment", "claim", "batch", "sn", "imei", "iccid", "imsi", "vin", "otp", "pin",
            "code");
    /** Words that make the number after "number", "no", "id" an id: "customer number", "member id". */
    private static final Set<String> OWNERS = Set.of("customer", "client", "member", "membership", "user",
            "employee", "patient", "student", "order", "invoice", "account", "policy", "reference", "tracking",
            "booking", "confirmation", "transaction", "contract", "case", "ticket", "serial", "claim");
    private static final Set<String> NUMBER_WORDS = Set.of("number", "no", "nr", "num", "id", "nummer", "numéro");
    private static final int LOOK_BACK = 40;

    private IdLabels() {
    }

    static boolean before(String text, int start) {
        int k = skipSeparators(text, start);
        String word = wordBefore(text, k);
        if (word.isEmpty()) {
            return false;
        }
        if (ID_WORDS.contains(word)) {
            return true;
        }
        if (!NUMBER_WORDS.contains(word)) {
            return false;
        }
        int w = skipSeparators(text, k - word.length());
        return OWNERS.contains(wordBefore(text, w)) && start - w < LOOK_BACK;
    }

    /** Back over spaces and the punctuation between a label and its value: ": ", " #", "no. ". */
    private static int skipSeparators(String text, int k) {
        int limit = Math.max(0, k - 4);
        while (k > limit && " \t:#=.\u00A0".indexOf(text.charAt(k - 1)) >= 0) {
            k--;
        }
        return k;
    }

    private static String wordBefore(String text, int end) {
        int k = end;
        while (k > 0 && end - k < 20 && Character.isLetter(text.charAt(k - 1))) {
            k--;
        }
        if (k > 0 && Character.isLetterOrDigit(text.charAt(k - 1))) {
            return "";
        }
        return text.substring(k, end).toLowerCase(Locale.ROOT);
    }
}
