package dev.callx.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numbers writes what {@code String.format(Locale.ROOT, ...)} writes, the reference it replaced. */
class NumbersTest {
    @Test
    void groupedIsCommaDigitsAsFormatWritesThem() {
        assertThat(Numbers.grouped(0)).isEqualTo("0");
        assertThat(Numbers.grouped(999)).isEqualTo("999");
        assertThat(Numbers.grouped(1000)).isEqualTo("1,000");
        assertThat(Numbers.grouped(-1000)).isEqualTo("-1,000");
        assertThat(Numbers.grouped(1234567)).isEqualTo("1,234,567");
        List<Long> values = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, -999L, -100_000L, 100_000L));
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            values.addAll(List.of(p, p - 1, p + 1, -p, -p + 1, -p - 1));
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        for (long n : values) {
            assertThat(Numbers.grouped(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }

    @Test
    void tenthsAreSecondsRoundedHalfUpAsFormatWritesThem() {
        assertThat(Numbers.tenths(0)).isEqualTo("0.0");
        assertThat(Numbers.tenths(49)).isEqualTo("0.0");
        assertThat(Numbers.tenths(50)).isEqualTo("0.1");
        assertThat(Numbers.tenths(1949)).isEqualTo("1.9");
        assertThat(Numbers.tenths(1950)).isEqualTo("2.0");
        assertThat(Numbers.tenths(61_234)).isEqualTo("61.2");
        for (long ms = 0; ms < 20_000; ms++) {
            assertThat(Numbers.tenths(ms)).as("%d ms", ms).isEqualTo(String.format(Locale.ROOT, "%.1f", ms / 1000.0));
        }
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 2000; i++) {
            long ms = random.nextLong(1_000_000_000_000L);
            assertThat(Numbers.tenths(ms)).as("%d ms", ms).isEqualTo(String.format(Locale.ROOT, "%.1f", ms / 1000.0));
        }
        assertThatThrownBy(() -> Numbers.tenths(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
