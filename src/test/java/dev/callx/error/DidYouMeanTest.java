package dev.callx.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {
    private static final List<String> COMMANDS = List.of("phone-history", "sessions", "contact-calls", "vaani",
            "calls", "sandbox", "help");
    private static final List<String> OPTIONS = List.of("--output", "--file", "--fields", "--raw", "--limit",
            "--page-size", "--page", "--no-header", "--tz", "--since", "--until", "--verbose", "--quiet");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "vanni, vaani", "vaaani, vaani", "sesions, sessions", "sessoins, sessions", "call, calls",
            "phone, phone-history", "contact, contact-calls", "Vaani, none", "export, none", "zz, none",
            "sandbx, sandbox"})
    void commands(String given, String expected) {
        assertThat(DidYouMean.closest(given, COMMANDS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "--limt, --limit", "--lmit, --limit", "--pagesize, --page-size", "--fiels, --fields",
            "--feilds, --fields", "--verbos, --verbose", "--sinse, --since", "--utnil, --until",
            "--tx, --tz", "--frobnicate, none", "--x, none", "--no-head, --no-header"})
    void options(String given, String expected) {
        assertThat(DidYouMean.closest(given, OPTIONS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {"dsc, desc", "acs, asc", "ascnding, ascending", "up, none"})
    void aTieGoesToTheSameFirstLetter(String given, String expected) {
        assertThat(DidYouMean.closest(given, List.of("asc", "desc", "ascending", "descending"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({"abc, abc, 0", "abc, acb, 1", "abc, ab, 1", "abc, abcd, 1", "kitten, sitting, 3", "'', abc, 3"})
    void distance(String a, String b, int expected) {
        assertThat(DidYouMean.distance(a, b)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"vanni, '; did you mean ''vaani''?'", "xyz, ''"})
    void hint(String given, String expected) {
        assertThat(DidYouMean.hint(given, COMMANDS)).isEqualTo(expected);
    }
}
