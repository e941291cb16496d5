package dev.callx.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Runs of numbers, short and far longer than a candidate is read (the chain of candidates, and each
 * cut read once more): on generated text (a fixed seed), the findings are in order, apart, begin on
 * a digit (or the '(' or '+' that opens a number) and end on one, whatever the readings merged.
 */
class NumberScannerLongRunsTest {
    private static final String[] NUMBERS = {
        "415 555 0100", "415-555-0100", "(415) 555-0100", "020 7946 0958", "0044 20 7946 0958",
        "4111 1111 1111 1111", "3782 822463 10005", "98765 43210", "030 12345678", "+44 20 7946 0958",
    };
    private static final String[] SHORT = {"1", "2", "12", "31", "99", "100", "250", "512", "999", "7", "5pm", "2nd"};

    @Test
    void findingsAreInOrderApartAndOnDigits() {
        Random random = new Random(20261203);
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder("ids");
            int tokens = 2 + random.nextInt(60);
            for (int t = 0; t < tokens; t++) {
                text.append(' ');
                text.append(random.nextInt(6) == 0 ? NUMBERS[random.nextInt(NUMBERS.length)] : SHORT[random.nextInt(SHORT.length)]);
            }
            String s = text.append(" end").toString();
            List<Finding> found = new ArrayList<>();
            NumberScanner.find(s, new boolean[s.length()], found);
            int end = 0;
            for (Finding f : found) {
                assertThat(f.start()).as("%s: %s starts after the finding before it", s, f).isGreaterThanOrEqualTo(end);
                assertThat(f.end()).as("%s: %s", s, f).isGreaterThan(f.start());
                assertThat("0123456789(+").as("%s: %s begins a number", s, f).contains(s.substring(f.start(), f.start() + 1));
                assertThat(Character.isDigit(s.charAt(f.end() - 1))).as("%s: %s ends on a digit", s, f).isTrue();
                end = f.end();
            }
        }
    }
}
