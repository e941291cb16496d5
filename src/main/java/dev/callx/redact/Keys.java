package dev.callx.redact;

import java.util.Locale;
import java.util.Set;

/**
 * Which JSON keys hold personal data as a whole value. Keys are compared lower case without
 * {@code _ - . space}, so {@code caller_number}, {@code callerNumber} and {@code Caller-Number}
 * are one key.
 */
final class Keys {

    private static final Set<String> PHONE = Set.of("tel", "telephone", "phone", "phones", "mobile", "mobiles",
            "cell", "cellphone", "msisdn", "ani", "dnis", "callerid", "fax", "whatsapp");
    private static final Set<String> PHONE_SUFFIXES = Set.of("phone", "phones", "phonenumber", "phonenumbers",
            "phoneno", "mobile", "mobilenumber", "msisdn", "cellnumber", "faxnumber", "telephonenumber");
    /** Prefixes that make "...number" a phone number: fromNumber, callee_number; not order_number. */
    private static final Set<String> NUMBER_PREFIXES = Set.of("from", "to", "caller", "callee", "customer",
            "contact", "user", "agent", "destination", "source", "dialed", "dialled", "called", "calling",
            "forwarded", "forwardedfrom", "transfer", "transferto", "callback", "whatsapp", "sms", "did");
    /** Keys whose numbers and strings are phone numbers only when they look like one. */
    private static final Set<String> LOOSE_PHONE = Set.of("from", "to", "caller", "callee", "number",
            "destination", "source");
    private static final Set<String> NAME = Set.of("callername", "customername", "contactname", "fullname",
            "firstname", "lastname", "givenname", "familyname", "surname", "personname", "patientname", "leadname");
    /** Parents under which a plain "name" is a person's: Vaani's call_metadata.name. */
    private static final Set<String> PERSON_PARENTS = Set.of("callmetadata", "contact", "customer", "caller",
            "callee", "user", "patient", "lead", "person", "profile");

    private Keys() {
    }

    static String norm(String key) {
        if (key == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(key.length());
        for (int k = 0; k < key.length(); k++) {
            char c = key.charAt(k);
            if (c != '_' && c != '-' && c != '.' && c != ' ') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** A key whose whole value is a phone number: caller_number, phone, msisdn. */
    static boolean phone(String key) {
        String k = norm(key);
        if (PHONE.contains(k) || PHONE_SUFFIXES.stream().anyMatch(k::endsWith)) {
            return true;
        }
        return k.endsWith("number") && NUMBER_PREFIXES.contains(k.substring(0, k.length() - "number".length()));
    }

    /** "from", "to", "number": a phone number when the value looks like one. */
    static boolean loosePhone(String key) {
        return LOOSE_PHONE.contains(norm(key));
    }

    /** A key whose whole value is an e-mail address: email, caller_email, customerEmail. */
    static boolean email(String key) {
        String k = norm(key);
        return k.endsWith("email") || k.endsWith("emailaddress") || k.equals("mail");
    }

    /** A key whose whole value is a person's name; {@code parent} is the key of the enclosing object. */
    static boolean name(String key, String parent) {
        String k = norm(key);
        return NAME.contains(k) || k.equals("name") && PERSON_PARENTS.contains(norm(parent));
    }
}
