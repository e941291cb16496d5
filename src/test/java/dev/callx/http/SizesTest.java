package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sizes as --max-response-size takes and prints them: binary units, 1 KB = 1024 bytes. */
class SizesTest {
    @Test
    void sizesAsPeopleWriteThem() {
        assertThat(Sizes.parse("7")).isEqualTo(7);
        assertThat(Sizes.parse("7b")).isEqualTo(7);
        assertThat(Sizes.parse("500k")).isEqualTo(512_000);
        assertThat(Sizes.parse("2 KiB")).isEqualTo(2_048);
        assertThat(Sizes.parse(" 1 mb ")).isEqualTo(1_048_576);
        assertThat(Sizes.parse("256MB")).isEqualTo(268_435_456);
        assertThat(Sizes.parse("3MiB")).isEqualTo(3_145_728);
        assertThat(Sizes.parse("1GB")).isEqualTo(1_073_741_824);
        assertThat(Sizes.parse("2g")).isEqualTo(2_147_483_648L);
        assertThat(Sizes.parse("0")).isZero();
        assertThat(Sizes.parse("999999999999")).isEqualTo(999_999_999_999L);
    }

    @Test
    void anythingElseIsNotASize() {
        for (String bad : new String[] {"", "lots", "1.5MB", "-1", "1TB", "1 K B", "MB", "1234567890123", "1e3"}) {
            assertThat(Sizes.parse(bad)).as("'%s'", bad).isEqualTo(-1);
        }
    }

    @Test
    void aSizeBeyondALongIsNotASize() {
        // Long.MAX_VALUE >> 30 = 8589934591
        assertThat(Sizes.parse("8589934591g")).isEqualTo(8_589_934_591L << 30);
        assertThat(Sizes.parse("8589934592g")).isEqualTo(-1);
        assertThat(Sizes.parse("9007199254740991k")).isEqualTo(-1); // 16 digits: more than the 12 taken
        assertThat(Sizes.parse("999999999999m")).isEqualTo(999_999_999_999L << 20);
    }

    @Test
    void printedInTheLargestUnitThatKeepsAWholeOrOneDecimal() {
        assertThat(Sizes.format(0)).isEqualTo("0 bytes");
        assertThat(Sizes.format(1_023)).isEqualTo("1023 bytes");
        assertThat(Sizes.format(1_024)).isEqualTo("1 KB");
        assertThat(Sizes.format(1_536)).isEqualTo("1.5 KB");
        assertThat(Sizes.format(2_048)).isEqualTo("2 KB");
        assertThat(Sizes.format(1_048_576)).isEqualTo("1 MB");
        assertThat(Sizes.format(268_435_456)).isEqualTo("256 MB");
        assertThat(Sizes.format(1_073_741_824)).isEqualTo("1 GB");
        assertThat(Sizes.format(1_610_612_736)).isEqualTo("1.5 GB");
        assertThat(Sizes.format(1_099_511_627_776L)).isEqualTo("1024 GB");
    }
}
