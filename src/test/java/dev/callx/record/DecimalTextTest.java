package dev.callx.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** RecordBuilder.isDecimal accepts exactly what the regex it replaced accepted. */
class DecimalTextTest {
    private static final Pattern REFERENCE = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?");

    @Test
    void randomTextIsJudgedAsTheRegexJudgesIt() {
        SplittableRandom random = new SplittableRandom(3);
        String alphabet = "0123456789+-.eE 0123456789x٣";
        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        for (int k = 0; k < 200_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int n = 1 + random.nextInt(10); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = sb.toString();
            boolean expected = REFERENCE.matcher(t).matches();
            accepted += expected ? 1 : 0;
            if (RecordBuilder.isDecimal(t) != expected) {
                wrong.add(t + " (regex: " + expected + ")");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(accepted).as("the generator also makes numbers").isGreaterThan(5_000);
    }

    @Test
    void theEdgesOfTheShape() {
        for (String yes : List.of("0", "-1", "+1", "1.", ".5", "1.5e3", "1E-4", "1e+9999", "007", "-.5E1")) {
            assertThat(RecordBuilder.isDecimal(yes)).as(yes).isTrue();
        }
        for (String no : List.of("", ".", "+", "-", "e5", "1e", "1e12345", "1.5.2", "1e1.5", " 1", "1 ", "١", "0x10",
                "1_000", "NaN", "Infinity")) {
            assertThat(RecordBuilder.isDecimal(no)).as(no).isFalse();
        }
    }
}
