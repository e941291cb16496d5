package dev.callx.paging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The ids seen in one run, kept as 128-bit fingerprints (MD5 of the id) in an open-addressing table:
 * 16 to 32 bytes an id instead of about 125 for a set of strings, so a million-record export holds
 * its de-duplication state in some 30 MB. Two different ids share a fingerprint with a probability
 * near 10^-25 at ten million ids. Not thread safe.
 */
final class IdSet {
    private final MessageDigest md5;
    /** Pairs of longs (high, low); (0, 0) marks an empty slot. */
    private long[] table = new long[2 * 1024];
    private int size;

    IdSet() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** Adds the id; returns false when it was already there. */
    boolean add(String id) {
        ByteBuffer digest = ByteBuffer.wrap(md5.digest(id.getBytes(StandardCharsets.UTF_8)));
        long high = digest.getLong();
        long low = digest.getLong();
        if (high == 0 && low == 0) {
            low = 1; // (0, 0) marks an empty slot
        }
        if ((size + 1) * 2L > table.length / 2) {
            grow();
        }
        boolean added = insert(table, high, low);
        if (added) {
            size++;
        }
        return added;
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
            if (h == 0 && l == 0) {
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

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(table, old[i], old[i + 1]);
            }
        }
    }
}
