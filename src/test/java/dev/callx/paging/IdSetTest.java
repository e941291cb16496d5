package dev.callx.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdSetTest {
    @Test
    void remembersEveryIdThroughManyResizes() {
        IdSet set = new IdSet();
        for (int i = 0; i < 200_000; i++) {
            assertThat(set.add("call-" + i)).isTrue();
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(set.add("call-" + i)).as("call-" + i + " was added before").isFalse();
        }
        assertThat(set.size()).isEqualTo(200_000);
    }

    @Test
    void idsThatDifferOnlyInCaseOrUnicodeAreDistinct() {
        IdSet set = new IdSet();
        assertThat(set.add("abc")).isTrue();
        assertThat(set.add("ABC")).isTrue();
        assertThat(set.add("abç")).isTrue();
        assertThat(set.add("")).isTrue();
        assertThat(set.add("")).isFalse();
        assertThat(set.size()).isEqualTo(4);
    }
}
