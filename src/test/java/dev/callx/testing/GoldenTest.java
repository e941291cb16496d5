package dev.callx.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden-file helper: it compares, it says where and how to update, and it writes only when told.
 * The switch is passed explicitly here, so these tests mean the same in a run with -Dgolden.update=true.
 */
class GoldenTest {
    @TempDir
    Path dir;

    @Test
    void theSameTextPasses() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "one\ntwo\n");
        Golden.assertMatches(file, "one\ntwo\n", Golden.exactly(file), false);
    }

    @Test
    void aDifferenceNamesTheFileTheLineAndTheSwitchAndLeavesTheFileAlone() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "one\ntwo\nthree\n");

        assertThatThrownBy(() -> Golden.assertMatches(file, "one\nTWO\nthree\n", Golden.exactly(file), false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(file + " at line 2")
                .hasMessageContaining("committed: [two]").hasMessageContaining("produced:  [TWO]")
                .hasMessageContaining("-Dgolden.update=true");
        assertThat(Files.readString(file)).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void aMissingFinalNewlineIsADifference() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "one\n");

        assertThatThrownBy(() -> Golden.assertMatches(file, "one", Golden.exactly(file), false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("line endings or the final newline");
    }

    @Test
    void aMissingGoldenFileFailsAndIsNotCreated() {
        Path file = dir.resolve("sub").resolve("none.txt");

        assertThatThrownBy(() -> Golden.assertMatches(file, "x", Golden.exactly(file), false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no golden file " + file).hasMessageContaining("-Dgolden.update=true");
        assertThat(file).doesNotExist();
    }

    @Test
    void aLooserComparisonDecidesAndItsFailureStillNamesTheFile() throws Exception {
        Path file = dir.resolve("n.json");
        Files.writeString(file, "12.50");
        Golden.assertMatches(file, "12.5", (e, a) -> assertThat(Double.parseDouble(a)).isEqualTo(Double.parseDouble(e)),
                false);

        assertThatThrownBy(() -> Golden.assertMatches(file, "12.6",
                (e, a) -> assertThat(Double.parseDouble(a)).isEqualTo(Double.parseDouble(e)), false))
                .isInstanceOf(AssertionError.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().extracting(Throwable::getMessage)
                        .asString().contains("golden file " + file, "-Dgolden.update=true"));
    }

    @Test
    void onlyTheSwitchWritesTheFile() throws Exception {
        Path file = dir.resolve("sub").resolve("new.txt");
        Golden.assertMatches(file, "fresh\n", Golden.exactly(file), true);
        assertThat(Files.readString(file)).isEqualTo("fresh\n");

        Golden.assertMatches(file, "changed\n", Golden.exactly(file), true);
        assertThat(Files.readString(file)).isEqualTo("changed\n");
        Golden.assertMatches(file, "changed\n", Golden.exactly(file), false);
    }
}
