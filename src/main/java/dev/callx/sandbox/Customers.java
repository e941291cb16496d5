package dev.callx.sandbox;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The people the platforms call, shared by the three platforms: one per 20 calls (at least one).
 * Phone numbers are unique, E.164, US (+1) or Indian (+91), and never equal an agent's line.
 */
final class Customers {

    static final int CALLS_PER_CUSTOMER = 20;

    private final long seed;
    private final int count;
    private volatile Customer[] all;

    Customers(long seed, int calls) {
        this.seed = seed;
        this.count = Math.max(1, (int) ((calls + (long) CALLS_PER_CUSTOMER - 1) / CALLS_PER_CUSTOMER));
    }

    int count() {
        return count;
    }

    Customer get(int index) {
        return all()[index];
    }

    /** Index of the customer with this phone number, or -1. */
    int indexOfPhone(String phone) {
        Customer[] a = all();
        for (Customer c : a) {
            if (c.phone().equals(phone)) {
                return c.index();
            }
        }
        return -1;
    }

    private Customer[] all() {
        Customer[] a = all;
        if (a == null) {
            synchronized (this) {
                a = all;
                if (a == null) {
                    a = new Customer[count];
                    long phoneOffset = Math.floorMod(Dataset.mix(seed ^ 0x50484F4E45L), 1_000_000_000L);
                    for (int k = 0; k < count; k++) {
                        a[k] = make(k, phoneOffset);
                    }
                    all = a;
                }
            }
        }
        return a;
    }

    private Customer make(int k, long phoneOffset) {
        SplittableRandom r = new SplittableRandom(Dataset.mix(Dataset.mix(seed ^ 0x435553544FL) + k));
        int f = r.nextInt(Vocabulary.FIRST_NAMES.size());
        int l = r.nextInt(Vocabulary.LAST_NAMES.size());
        String name = Vocabulary.FIRST_NAMES.get(f) + " " + Vocabulary.LAST_NAMES.get(l);
        String email = r.nextInt(6) == 0 ? null
                : Vocabulary.FIRST_ASCII.get(f) + "." + Vocabulary.LAST_ASCII.get(l) + (k + 1) + "@"
                + Vocabulary.EMAIL_DOMAINS.get(r.nextInt(Vocabulary.EMAIL_DOMAINS.size()));
        // k * 7919 is a bijection modulo 8e6 and 1e9 (7919 is prime), so numbers are unique per k.
        long scrambled = k * 7919L + phoneOffset;
        String phone;
        if (k % 3 == 0) {
            phone = "+919" + String.format(Locale.ROOT, "%09d", scrambled % 1_000_000_000L);
        } else {
            String area = Vocabulary.US_AREA_CODES.get(r.nextInt(Vocabulary.US_AREA_CODES.size()));
            phone = "+1" + area + (2_000_000 + scrambled % 8_000_000L);
        }
        return new Customer(k, Customer.contactId(k), name, email, phone);
    }
}
