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
    // how far off a word may be grows with its length: none for one letter, one up to four letters,
    // two up to eight, three beyond (the dashes of an option do not count)
    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "v, va, none", "ab, ac, ac", "ab, cb, none", "abc, xbc, xbc", "abcd, abce, abce", "abcd, abxy, none",
            "abcde, abcxy, abcxy", "abcdefgh, abcdexyz, none", "abcdefgh, abcdefxy, abcdefxy",
            "abcdefghi, abcdefxyz, abcdefxyz", "abcdefghi, abcdewxyz, none", "--xz, --tz, none", "--xy, --xz, --xz"})
    void howFarOffAWordMayBe(String given, String candidate, String expected) {
        assertThat(DidYouMean.closest(given, List.of(candidate))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {"ph, phone-history", "p, none", "sa, sandbox", "s, none"})
    void aWordOfTwoLettersOrMoreThatBeginsOneCandidateOnly(String given, String expected) {
        assertThat(DidYouMean.closest(given, COMMANDS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {"cat, bat", "xat, bat"})
    void otherwiseATieGoesToTheCandidateListedFirst(String given, String expected) {
        assertThat(DidYouMean.closest(given, List.of("bat", "hat"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(nullValues = "none", value = {"none", "''", "'   '", "--", "-"})
    void nothingForNoWord(String given) {
        assertThat(DidYouMean.closest(given, OPTIONS)).isNull();
        assertThat(DidYouMean.hint(given, OPTIONS)).isEmpty();
    }
}
