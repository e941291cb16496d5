package dev.callx.paging;

import dev.callx.DoNotMutate;

/**
 * A set of 128-bit fingerprints in an open-addressing table: 16 to 32 bytes a key instead of about
 * 125 for a set of strings. Two different keys share a fingerprint with a probability near 10^-25
 * at ten million keys. Not thread safe.
 */
final class IdSet {
    /** Pairs of longs (high, low); (0, 0) marks an empty slot. */
    private long[] table = new long[2 * 1024];
    private int size;

    /** Adds the fingerprint; returns false when it was already there. */
    boolean add(Fingerprint f) {
        if (crowded()) {
            grow();
        }
        boolean added = insert(table, f.high(), f.low());
        if (added) {
            size++;
        }
        return added;
    }

    @DoNotMutate("the load factor: any bound short of a full table keeps the same keys, only the speed differs")
    private boolean crowded() {
        return (size + 1) * 2L > table.length / 2;
    }

    boolean contains(Fingerprint f) {
        int slots = table.length / 2;
        int slot = (int) (f.high() & (slots - 1));
        while (true) {
            long h = table[2 * slot];
            long l = table[2 * slot + 1];
            if (empty(h, l)) {
                return false;
            }
            if (h == f.high() && l == f.low()) {
                return true;
            }
            slot = (slot + 1) & (slots - 1);
        }
    }

    int size() {
        return size;
    }

    private boolean insert(long[] into, long high, long low) {
        int slots = into.length / 2;
        int slot = (int) (high & (slots - 1));
        while (true) {
            long h = into[2 * slot];
            long l = into[2 * slot + 1];
            if (empty(h, l)) {
                into[2 * slot] = high;
                into[2 * slot + 1] = low;
                return true;
            }
            if (h == high && l == low) {
                return false;
            }
            slot = (slot + 1) & (slots - 1);
        }
    }

    /** (0, 0) marks an empty slot. */
    private static boolean empty(long high, long low) {
        return high == 0 && low == 0;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (!empty(old[i], old[i + 1])) {
                insert(table, old[i], old[i + 1]);
            }
        }
    }
}
