package dev.callx.paging;

/**
 * Remembers at least the last {@code capacity} keys added, and at most twice as many: two
 * generations of {@link IdSet}; when the newer one is full, the older is dropped. Memory stays flat
 * however long the export, while every repeat that records shifting between pages can produce
 * (within the drift plus the pages in flight, see {@link PageSource#dedupeWindow()}) is still caught.
 * Not thread safe.
 */
final class RecentIds {
    static final int MIN_CAPACITY = 16_384;

    private IdSet current = new IdSet();
    private IdSet previous = new IdSet();
    private long capacity;

    RecentIds(long capacity) {
        this.capacity = Math.max(MIN_CAPACITY, capacity);
    }

    /** Adds the key; false when it was among the keys remembered. */
    boolean add(Fingerprint key) {
        if (previous.contains(key)) {
            return false;
        }
        if (!current.add(key)) {
            return false;
        }
        if (current.size() >= capacity) {
            previous = current;
            current = new IdSet();
        }
        return true;
    }

    boolean contains(Fingerprint key) {
        return current.contains(key) || previous.contains(key);
    }

    /** Remembers at least {@code needed} keys from now on (the window only grows). */
    void ensureCapacity(long needed) {
        capacity = Math.max(capacity, needed);
    }

    long capacity() {
        return capacity;
    }
}
