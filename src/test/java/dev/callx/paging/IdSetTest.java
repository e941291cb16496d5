package dev.callx.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdSetTest {
    private final Fingerprint.Maker maker = new Fingerprint.Maker();

    private boolean add(IdSet set, String id) {
        return set.add(maker.of(id));
    }

    @Test
    void remembersEveryIdThroughManyResizes() {
        IdSet set = new IdSet();
        for (int i = 0; i < 200_000; i++) {
            assertThat(add(set, "call-" + i)).isTrue();
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(set.contains(maker.of("call-" + i))).as("call-" + i + " was added before").isTrue();
            assertThat(add(set, "call-" + i)).as("call-" + i + " was added before").isFalse();
        }
        assertThat(set.contains(maker.of("call-200000"))).isFalse();
        assertThat(set.size()).isEqualTo(200_000);
    }

    @Test
    void idsThatDifferOnlyInCaseOrUnicodeAreDistinct() {
        IdSet set = new IdSet();
        assertThat(add(set, "abc")).isTrue();
        assertThat(add(set, "ABC")).isTrue();
        assertThat(add(set, "abç")).isTrue();
        assertThat(add(set, "")).isTrue();
        assertThat(add(set, "")).isFalse();
        assertThat(set.size()).isEqualTo(4);
    }

    @Test
    void recentIdsRememberAtLeastTheirCapacityAndForgetOlderGenerations() {
        RecentIds recent = new RecentIds(RecentIds.MIN_CAPACITY);
        int n = RecentIds.MIN_CAPACITY;
        for (int i = 0; i < 3 * n; i++) {
            assertThat(recent.add(maker.of("id-" + i))).isTrue();
        }
        // the last n added are always remembered
        for (int i = 2 * n; i < 3 * n; i++) {
            assertThat(recent.contains(maker.of("id-" + i))).as("id-" + i).isTrue();
        }
        // the first generation was dropped: memory does not grow with the export
        assertThat(recent.contains(maker.of("id-0"))).isFalse();
        assertThat(recent.add(maker.of("id-" + (3 * n - 1)))).isFalse();
    }

    @Test
    void recentIdsCapacityOnlyGrows() {
        RecentIds recent = new RecentIds(10);
        assertThat(recent.capacity()).isEqualTo(RecentIds.MIN_CAPACITY);
        recent.ensureCapacity(100_000);
        recent.ensureCapacity(50_000);
        assertThat(recent.capacity()).isEqualTo(100_000);
        for (int i = 0; i < 100_000; i++) {
            recent.add(maker.of("id-" + i));
        }
        assertThat(recent.contains(maker.of("id-0"))).isTrue();
    }

    @Test
    void recentIdsRememberAtMostTwiceTheirCapacity() {
        RecentIds recent = new RecentIds(RecentIds.MIN_CAPACITY);
        int n = RecentIds.MIN_CAPACITY;
        for (int i = 0; i <= 2 * n; i++) {
            assertThat(recent.add(maker.of("id-" + i))).isTrue();
        }
        // 2n + 1 added: the oldest is beyond twice the capacity, the last n are remembered
        assertThat(recent.contains(maker.of("id-0"))).isFalse();
        assertThat(recent.contains(maker.of("id-" + (n + 1)))).isTrue();
    }
}
