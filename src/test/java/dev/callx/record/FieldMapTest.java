package dev.callx.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FieldMap behaves as the LinkedHashMap it stands in for, under random puts, removals and iteration. */
class FieldMapTest {
    /** @param capacity 0: the default map; else made for that many fields (its index there from the start) */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 9, 24})
    void randomOperationsMatchALinkedHashMap(int capacity) {
        SplittableRandom random = new SplittableRandom(3);
        for (int run = 0; run < 2_000; run++) {
            FieldMap map = capacity == 0 ? new FieldMap() : new FieldMap(capacity);
            Map<String, JsonNode> reference = new LinkedHashMap<>();
            int keyRange = 1 + random.nextInt(40);
            for (int op = random.nextInt(120); op > 0; op--) {
                // new String: keys equal to, but not the same object as, those put before
                String key = new String("k" + random.nextInt(keyRange));
                JsonNode value = IntNode.valueOf(random.nextInt(5));
                switch (random.nextInt(10)) {
                    case 0 -> assertThat(map.remove(key)).isEqualTo(reference.remove(key));
                    case 1 -> {
                        Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
                        Iterator<Map.Entry<String, JsonNode>> ref = reference.entrySet().iterator();
                        int skip = random.nextInt(map.size() + 1);
                        while (it.hasNext() && ref.hasNext()) {
                            Map.Entry<String, JsonNode> e = it.next();
                            assertThat(e).isEqualTo(ref.next());
                            if (skip-- == 0) {
                                it.remove();
                                ref.remove();
                            } else if (random.nextInt(4) == 0) {
                                e.setValue(value);
                                reference.put(e.getKey(), value);
                            }
                        }
                        assertThat(it.hasNext()).isEqualTo(ref.hasNext());
                    }
                    case 2 -> assertThat(map.get(key)).isEqualTo(reference.get(key));
                    case 3 -> assertThat(map.containsKey(key)).isEqualTo(reference.containsKey(key));
                    default -> assertThat(map.put(key, value)).isEqualTo(reference.put(key, value));
                }
                assertThat(map.size()).isEqualTo(reference.size());
            }
            assertThat(new ArrayList<>(map.entrySet())).isEqualTo(new ArrayList<>(reference.entrySet()));
            assertThat(map).isEqualTo(reference);
            assertThat(map.hashCode()).isEqualTo(reference.hashCode());
            for (int k = 0; k < keyRange; k++) {
                assertThat(map.get("k" + k)).isEqualTo(reference.get("k" + k));
            }
            assertThat(map.get(null)).isNull();
            assertThat(map.get(7)).isNull();
        }
    }

    /** An object of many fields (a platform's metadata can hold hundreds): every one found, in order. */
    @Test
    void manyFieldsAreAllFoundInTheirOrder() {
        FieldMap map = new FieldMap();
        Map<String, JsonNode> reference = new LinkedHashMap<>();
        for (int k = 0; k < 300; k++) {
            JsonNode v = IntNode.valueOf(k);
            assertThat(map.put(new String("field_" + k), v)).isNull();
            reference.put("field_" + k, v);
        }
        for (int k = 0; k < 300; k += 7) {
            assertThat(map.put("field_" + k, IntNode.valueOf(-k))).isEqualTo(IntNode.valueOf(k));
            reference.put("field_" + k, IntNode.valueOf(-k));
        }
        assertThat(map).hasSize(300);
        assertThat(new ArrayList<>(map.entrySet())).isEqualTo(new ArrayList<>(reference.entrySet()));
        for (int k = 0; k < 300; k++) {
            assertThat(map.get("field_" + k)).as("field_" + k).isEqualTo(reference.get("field_" + k));
        }
        assertThat(map.get("field_300")).isNull();
        assertThat(map.remove("field_150")).isEqualTo(IntNode.valueOf(150));
        assertThat(map.get("field_151")).isEqualTo(IntNode.valueOf(151));
        assertThat(map).hasSize(299).doesNotContainKey("field_150");
    }

    /** The parts of the Map contract the random test does not reach. */
    @Test
    void clearEntriesAndIteratorsKeepTheMapContract() {
        FieldMap map = new FieldMap();
        assertThat(map.isEmpty()).isTrue();
        for (int k = 0; k < 12; k++) {
            map.put("f" + k, IntNode.valueOf(k));
        }
        assertThat(map.isEmpty()).isFalse();
        assertThat(map.entrySet()).hasSize(12);

        Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
        Map.Entry<String, JsonNode> first = it.next();
        assertThat(first.setValue(IntNode.valueOf(100))).as("setValue answers the value it replaced")
                .isEqualTo(IntNode.valueOf(0));
        assertThat(map.get("f0")).isEqualTo(IntNode.valueOf(100));
        while (it.hasNext()) {
            it.next();
        }
        assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);

        Iterator<Map.Entry<String, JsonNode>> stale = map.entrySet().iterator();
        map.put("f12", IntNode.valueOf(12));
        assertThatThrownBy(stale::next).isInstanceOf(java.util.ConcurrentModificationException.class);

        map.clear();
        assertThat(map.isEmpty()).isTrue();
        assertThat(map).isEmpty();
        assertThat(map.get("f3")).isNull();
        map.put("f3", IntNode.valueOf(3));
        assertThat(map).containsExactly(Map.entry("f3", IntNode.valueOf(3)));
    }

    @Test
    void theMapperReadsObjectsIntoFieldMapsThatKeepOrderAndTheLastOfARepeatedKey() throws Exception {
        JsonNode tree = Json.mapper().readTree("{\"b\":1,\"a\":{\"x\":[{\"y\":2}]},\"b\":3,\"c\":null}");
        assertThat(tree.toString()).isEqualTo("{\"b\":3,\"a\":{\"x\":[{\"y\":2}]},\"c\":null}");
        assertThat(tree).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"b\":3,\"a\":{\"x\":[{\"y\":2}]},\"c\":null}"));
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("b", "a", "c");
        ObjectNode copy = ((ObjectNode) tree).deepCopy();
        copy.remove("a");
        assertThat(copy.toString()).isEqualTo("{\"b\":3,\"c\":null}");
        assertThat(tree.get("a").get("x").get(0).get("y").intValue()).isEqualTo(2);
    }
}
