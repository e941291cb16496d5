package dev.callx.sandbox;

import java.util.Locale;

/**
 * A synthetic person the platforms talk to. Ravan exposes customers as contacts ({@code ct_0001}...).
 *
 * @param index 0-based
 * @param email may be null (not every contact left one)
 */
record Customer(int index, String contactId, String name, String email, String phone) {

    static String contactId(int index) {
        return String.format(Locale.ROOT, "ct_%04d", index + 1);
    }

    /** The 0-based index of a contact id, or -1 when it is not of the form {@code ct_NNNN}. */
    static int indexOf(String contactId) {
        if (contactId == null || !contactId.matches("ct_\\d{4,9}")) {
            return -1;
        }
        return Integer.parseInt(contactId.substring(3)) - 1;
    }
}
