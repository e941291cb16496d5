package dev.callx.sandbox;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Finds a call of a {@link Dataset} by the id a platform shows for it (Ravan's uuid, Vaani's
 * {@code outbound-...}, Zudu's {@code call_...}), for the per-call endpoints. Built on first use
 * from every call: 64-bit hashes of the ids, sorted, with the call index of each (12 bytes a call);
 * a hit is confirmed by comparing the id itself.
 */
final class IdIndex {

    private final Dataset data;
    private final Function<SyntheticCall, String> idOf;
    private volatile long[] hashes;
    private volatile int[] indices;

    IdIndex(Dataset data, Function<SyntheticCall, String> idOf) {
        this.data = data;
        this.idOf = idOf;
    }

    /** The call with this id, or null. */
    SyntheticCall find(String id) {
        if (id == null || id.isEmpty() || data.size() == 0) {
            return null;
        }
        build();
        long[] h = hashes;
        int[] idx = indices;
        long key = hash(id);
        int at = Arrays.binarySearch(h, key);
        if (at < 0) {
            return null;
        }
        while (at > 0 && h[at - 1] == key) {
            at--;
        }
        for (; at < h.length && h[at] == key; at++) {
            SyntheticCall c = data.call(idx[at]);
            if (idOf.apply(c).equals(id)) {
                return c;
            }
        }
        return null;
    }

    private void build() {
        if (indices != null) {
            return;
        }
        synchronized (this) {
            if (indices != null) {
                return;
            }
            SyntheticCall[] all = data.all();
            long[] packed = new long[all.length];
            long[] keys = new long[all.length];
            for (int i = 0; i < all.length; i++) {
                keys[i] = hash(idOf.apply(all[i]));
            }
            Integer[] order = new Integer[all.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
            int[] idx = new int[all.length];
            for (int i = 0; i < order.length; i++) {
                packed[i] = keys[order[i]];
                idx[i] = order[i];
            }
            hashes = packed;
            indices = idx;
        }
    }

    private static long hash(String id) {
        long h = 0x1234_5678_9ABC_DEF1L;
        for (int i = 0; i < id.length(); i++) {
            h = Dataset.mix(h + id.charAt(i));
        }
        return h;
    }
}
