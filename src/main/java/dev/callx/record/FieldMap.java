package dev.callx.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.DoNotMutate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of a JSON object read from a platform, in the order received: what a
 * {@code LinkedHashMap} is to Jackson's {@code ObjectNode}, in two arrays instead of an entry object
 * per field. A page's tree is built once and read a few times, field by field: keys and values side
 * by side are fewer objects to allocate and fewer cache lines to read. Up to {@link #LINEAR} fields a
 * lookup scans the keys (Jackson interns field names, as {@link JsonPaths} does its paths, so a key
 * is mostly found by identity); beyond, through an open-addressing index kept up to date by every
 * change, so that reading never writes (a page may be read by another thread than the one that built it).
 *
 * <p>A {@link Map} like any other: a key put again keeps its place and takes the new value, as in a
 * {@code LinkedHashMap}; null keys are not allowed (JSON has none): put throws NullPointerException. Not thread safe for writes.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {
    /** Up to this many fields, lookups scan; beyond, they go through the index. */
    static final int LINEAR = 8;

    private String[] keys;
    private JsonNode[] values;
    private int size;
    /** Slot -> field index + 1 (0: free); null while size <= LINEAR, unless made for more fields. */
    private int[] index;
    private int changes;

    FieldMap() {
        this(LINEAR);
    }

    /** @param capacity the fields expected (the size of the object read before at the same place) */
    FieldMap(int capacity) {
        int n = Math.max(LINEAR, capacity);
        keys = new String[n];
        values = new JsonNode[n];
        if (n > LINEAR) {
            index = new int[Integer.highestOneBit(n * 4 - 1)]; // kept from the first field on: no rebuilds
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        int i = find(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        int h = key.hashCode();
        if (index == null) {
            for (int i = 0; i < size; i++) {
                if (same(keys[i], key, h)) {
                    return replace(i, value);
                }
            }
            append(key, value);
            if (size > LINEAR) {
                reindex();
            }
            return null;
        }
        // one probe: either the key's place or the free slot the new key takes
        int mask = index.length - 1;
        int s = spread(h) & mask;
        for (int at = index[s]; at != 0; at = index[s]) {
            if (same(keys[at - 1], key, h)) {
                return replace(at - 1, value);
            }
            s = (s + 1) & mask;
        }
        append(key, value);
        if (size * 2 <= index.length) {
            index[s] = size;
        } else {
            reindex();
        }
        return null;
    }

    private JsonNode replace(int i, JsonNode value) {
        JsonNode old = values[i];
        values[i] = value;
        return old;
    }

    private void append(String key, JsonNode value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        changes++;
    }

    /** Equal keys, the cached hashes compared before the text. */
    private static boolean same(String k, Object key, int hash) {
        return k == key || (k.hashCode() == hash && k.equals(key));
    }

    @Override
    public JsonNode remove(Object key) {
        int i = find(key);
        if (i < 0) {
            return null;
        }
        JsonNode old = values[i];
        removeAt(i);
        return old;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        index = null;
        changes++;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, JsonNode>> iterator() {
                return new Fields();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The index of {@code key}, or -1. */
    private int find(Object key) {
        if (key == null) {
            return -1;
        }
        if (index == null) {
            for (int i = 0; i < size; i++) {
                if (keys[i] == key) {
                    return i; // mostly: names and paths are interned
                }
            }
            int h = key.hashCode();
            for (int i = 0; i < size; i++) {
                if (same(keys[i], key, h)) {
                    return i;
                }
            }
            return -1;
        }
        int h = key.hashCode();
        int mask = index.length - 1;
        for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
            int at = index[s];
            if (at == 0) {
                return -1;
            }
            if (same(keys[at - 1], key, h)) {
                return at - 1;
            }
        }
    }

    private void removeAt(int i) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        changes++;
        if (index != null) {
            reindex();
        }
    }

    /** Builds the index afresh for the fields there are: a table at most half full. */
    private void reindex() {
        if (size <= LINEAR) {
            index = null;
            return;
        }
        index = new int[Integer.highestOneBit(size * 4 - 1)];
        for (int i = 0; i < size; i++) {
            slot(keys[i], i + 1);
        }
    }

    private void slot(String key, int at) {
        int mask = index.length - 1;
        int s = spread(key.hashCode()) & mask;
        while (index[s] != 0) {
            s = (s + 1) & mask;
        }
        index[s] = at;
    }

    @DoNotMutate("the probe's starting slot: any spreading of the hash finds the same keys, only the speed differs")
    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** The fields in order; {@code remove} and {@code setValue} write through. */
    private final class Fields implements Iterator<Entry<String, JsonNode>> {
        private int next;
        private int last = -1;
        private int expected = changes;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Entry<String, JsonNode> next() {
            if (expected != changes) {
                throw new ConcurrentModificationException();
            }
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            return new Field(keys[last], values[last]);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException();
            }
            if (expected != changes) {
                throw new ConcurrentModificationException();
            }
            removeAt(last);
            next = last;
            last = -1;
            expected = changes;
        }
    }

    /** One field as the iterator hands it out; {@code setValue} writes to the map. */
    private final class Field extends SimpleEntry<String, JsonNode> {
        private static final long serialVersionUID = 1L;

        Field(String key, JsonNode value) {
            super(key, value);
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            int i = find(getKey());
            if (i >= 0) {
                values[i] = value;
            }
            return super.setValue(value);
        }
    }
}
